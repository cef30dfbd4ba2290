import { randomUUID } from 'node:crypto';
import { buildCloudEvent, EventValidator, type CloudEvent } from '@si/messaging';
import { startServiceTestApp, type ServiceTestApp } from '@si/service-testing';
import { SUBSIDIES_CONFIG, subsidiesSettings, type SubsidiesConfig } from '../../src/config/subsidies.config.js';
import { Clock } from '../../src/shared/clock.js';
import { definition } from '../../src/service.definition.js';
import { ClaimRunQueue } from '../../src/claims/jobs/claim-run.queue.js';
import { SubsidiesModule } from '../../src/subsidies.module.js';

/** Every demo user of the realm (infra/keycloak): the platform's, AGS Finanzen, and those of the wave-2 services that hold no subsidy role. */
export const USERS = [
  'ib.solothurn',
  'ib.olten',
  'ib.hubersdorf',
  'sr.olten',
  'ags.koordination',
  'ags.finanzen',
  'ma.integration',
  'sr.thal-gaeu',
  'anbieter.vhs',
  'anbieter.caritas',
  'mp.olten',
] as const;
export type User = (typeof USERS)[number];

/** A clock fixed to a day the test chooses (the claim run's "today"). */
export class FixedClock extends Clock {
  constructor(public day = '2027-04-02') {
    super();
  }

  now(): Date {
    return new Date(`${this.day}T09:00:00Z`);
  }
}

export interface SubsidiesTestApp extends ServiceTestApp {
  clock: FixedClock;
  /** Publishes a CloudEvent to this test's exchange as case-management would. */
  publish(type: string, subject: string, data: unknown, id?: string): Promise<CloudEvent>;
  /** A request as any user of USERS (ags.finanzen is not in the platform's DEMO_USERS). */
  as(user: User, method: string, path: string, body?: unknown): ReturnType<ServiceTestApp['call']>;
  /** A raw body (the bank's camt.054 XML) as any user of USERS. */
  send(user: User, method: string, path: string, body: string, contentType: string): ReturnType<ServiceTestApp['call']>;
}

/** The real subsidies app on a fresh database and broker prefix; `config` on top of the defaults (jobs off unless asked). */
export async function startSubsidiesApp(config: Partial<SubsidiesConfig> = {}): Promise<SubsidiesTestApp> {
  const clock = new FixedClock();
  const t = await startServiceTestApp({
    definition,
    modules: [SubsidiesModule],
    config: (prefix) => [
      {
        provide: SUBSIDIES_CONFIG,
        useValue: subsidiesSettings.defaults({ jobsPrefix: `${prefix}bull`, jobsEnabled: false, ...config }),
      },
    ],
    override: (b) => b.overrideProvider(Clock).useValue(clock),
    capture: 'subsidy.#',
    beforeClose: (app) =>
      app
        .get(ClaimRunQueue)
        .queue.obliterate({ force: true })
        .catch(() => undefined),
  });
  const publisher = await t.amqp.createConfirmChannel();
  const validator: EventValidator = new EventValidator();
  const tokens = new Map<string, string>();
  const tokenOf = async (user: User) => {
    const cached = tokens.get(user);
    if (cached) return cached;
    const r = await fetch(`${t.oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username: user, password: 'demo' }),
    });
    if (r.status !== 200) throw new Error(`token for ${user}: ${r.status}`);
    const token = ((await r.json()) as { access_token: string }).access_token;
    tokens.set(user, token);
    return token;
  };
  return Object.assign(t, {
    clock,
    async publish(type: string, subject: string, data: unknown, id?: string) {
      const event = {
        ...buildCloudEvent('case-management', { type, subject, data }),
        ...(id ? { id } : {}),
      } as CloudEvent;
      validator.validate(event);
      await new Promise<void>((resolve, reject) => {
        publisher.publish(
          t.topology.exchange,
          type,
          Buffer.from(JSON.stringify(event)),
          {
            persistent: true,
            messageId: event.id,
            contentType: 'application/cloudevents+json',
            type,
          },
          (err) => (err ? reject(err) : resolve()),
        );
      });
      return event;
    },
    async as(user: User, method: string, path: string, body?: unknown) {
      return t.call({ token: await tokenOf(user) }, method, path, body);
    },
    async send(user: User, method: string, path: string, body: string, contentType: string) {
      return t.request({ token: await tokenOf(user) }, method, path, body, contentType);
    },
  });
}

const ATTRIBUTES = {
  nationality: { bfsCode: 8362, iso2: 'ER' },
  permitCode: '0503',
  permitAusweis: 'F',
  euEfta: false,
  familyOfSwiss: false,
  sex: 'female',
  birthYear: 1994,
  language: 'tir',
};

/** case.first-information-completed.v1 data (form talk unless said otherwise). */
export function firstInformation(o: {
  caseId?: string;
  municipality?: number;
  on: string;
  talkId?: string;
  interpreter?: boolean;
  form?: 'talk' | 'info-folder';
}) {
  const caseId = o.caseId ?? randomUUID();
  const form = o.form ?? 'talk';
  return {
    caseId,
    personRef: `p-${caseId.slice(0, 12)}`,
    municipality: o.municipality ?? 2601,
    attributes: ATTRIBUTES,
    form,
    completedOn: o.on,
    dueOn: o.on,
    withinDeadline: true,
    folderLanguage: form === 'info-folder' ? 'tir' : null,
    talk:
      form === 'talk'
        ? {
            talkId: o.talkId ?? `fi-${caseId}`,
            durationMinutes: 60,
            interpreter: { used: o.interpreter ?? false, language: o.interpreter ? 'tir' : null },
            householdSize: 1,
            supportNeed: 'special',
            languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
            offersRecommended: 1,
          }
        : null,
  };
}

/** case.integration-talk-held.v1 data. */
export function integrationTalk(o: { caseId?: string; municipality?: number; on: string; deficits?: string[] }) {
  const caseId = o.caseId ?? randomUUID();
  return {
    caseId,
    personRef: `p-${caseId.slice(0, 12)}`,
    municipality: o.municipality ?? 2601,
    attributes: ATTRIBUTES,
    talkId: `it-${randomUUID()}`,
    heldOn: o.on,
    durationMinutes: 45,
    interpreter: { used: false, language: null },
    deficitCriteria: o.deficits ?? ['c'],
    abs2Considered: true,
    talkNumber: 1,
  };
}

export const FI = 'case.first-information-completed.v1';
export const IT = 'case.integration-talk-held.v1';

export const OP = 'offer.participation-recorded.v1';

/** offer.participation-recorded.v1 data. */
export function participation(o: {
  caseId?: string;
  municipality?: number;
  on: string;
  step: 'enrolled' | 'attending' | 'completed' | 'dropped-out';
  referralId?: string;
}) {
  const caseId = o.caseId ?? randomUUID();
  return {
    referralId: o.referralId ?? `ref-${randomUUID()}`,
    caseId,
    personRef: `p-${caseId.slice(0, 12)}`,
    municipality: o.municipality ?? 2601,
    offerId: randomUUID(),
    providerId: 'vhs-solothurn',
    category: 'language',
    step: o.step,
    on: o.on,
  };
}
