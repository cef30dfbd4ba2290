import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@si/messaging';
import type {
  CaseFirstInformationCompletedV1,
  CaseIntegrationTalkHeldV1,
  OfferParticipationRecordedV1,
} from '@si/contracts';
import { rateOn, type TariffVersion } from '../../tariffs/domain/tariff.js';
import type { TariffRepository } from '../../tariffs/infrastructure/tariff.repository.js';
import { eligibility, type SubsidyFact } from '../domain/eligibility.js';
import { periodOf, type PeriodMonths } from '../domain/period.js';
import type { LedgerRepository, NewEntry } from '../infrastructure/ledger.repository.js';
import type { PeriodSettings } from './period-settings.js';

export const FIRST_INFORMATION = 'case.first-information-completed.v1';
export const INTEGRATION_TALK = 'case.integration-talk-held.v1';
export const OFFER_PARTICIPATION = 'offer.participation-recorded.v1';

/** The subsidy facts of the case and offer events that earn money (pseudonymous: case id, municipality, dates, talk ids). */
export function factOf(event: CloudEvent): SubsidyFact | null {
  if (event.type === FIRST_INFORMATION) {
    const d = event.data as unknown as CaseFirstInformationCompletedV1;
    return {
      kind: 'first-information',
      caseId: d.caseId,
      municipality: d.municipality,
      on: d.completedOn,
      form: d.form,
      talkId: d.talk?.talkId ?? null,
      interpreter: d.talk?.interpreter.used ?? false,
    };
  }
  if (event.type === INTEGRATION_TALK) {
    const d = event.data as unknown as CaseIntegrationTalkHeldV1;
    return {
      kind: 'integration-talk',
      caseId: d.caseId,
      municipality: d.municipality,
      on: d.heldOn,
      talkId: d.talkId,
      interpreter: d.interpreter.used,
      deficitCriteria: d.deficitCriteria ?? [],
    };
  }
  if (event.type === OFFER_PARTICIPATION) {
    const d = event.data as unknown as OfferParticipationRecordedV1;
    return {
      kind: 'offer-participation',
      caseId: d.caseId,
      municipality: d.municipality,
      on: d.on,
      referralId: d.referralId,
      step: d.step,
    };
  }
  return null;
}

interface Refusal {
  eventId: string;
  eventType: string;
  caseId: string | null;
  municipality: number | null;
  rule: string;
  reason: string;
}

/**
 * Books case and offer events into the ledger in the consumer's transaction (the inbox rows commit with it):
 * the eligibility rules decide what an event earns, the tariff valid on the event's date decides the rate, and
 * an event that earns nothing is recorded with the rule that refused it. The case's own municipality (the
 * member, never its Leitgemeinde) is the one credited. A run of events is booked together: one tariff read,
 * one look-up of what is booked, one insert (the benchmark's 2,000 events/s need it).
 */
export class LedgerBooking {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly tariffs: TariffRepository,
    private readonly periods: PeriodSettings,
  ) {}

  book(em: EntityManager, event: CloudEvent): Promise<void> {
    return this.bookAll(em, [event]);
  }

  async bookAll(em: EntityManager, events: readonly CloudEvent[]): Promise<void> {
    const facts = events
      .map((event) => ({ event, fact: factOf(event) }))
      .filter((x): x is { event: CloudEvent; fact: SubsidyFact } => x.fact !== null);
    if (facts.length === 0) return;
    await this.tariffs.lockShared(em);
    const firstInfo = facts.flatMap(({ fact }) => (fact.kind === 'first-information' ? [fact] : []));
    const booked = await this.ledger.firstInformationFactsMany(
      em,
      firstInfo.map((f) => f.caseId),
      firstInfo.flatMap((f) => (f.talkId ? [f.talkId] : [])),
    );
    const versions = await this.tariffs.all(em);
    const periods = new Map<string, string>();
    for (const year of new Set(facts.map(({ fact }) => fact.on.slice(0, 4))))
      periods.set(year, String(await this.periods.monthsOf(em, Number(year))));
    const entries: NewEntry[] = [];
    const refusals: Refusal[] = [];
    const eventsWithEntries = new Map<string, { event: CloudEvent; fact: SubsidyFact }>();
    for (const { event, fact } of facts) {
      const ctx =
        fact.kind === 'first-information'
          ? {
              firstInformationBookedForCase: booked.cases.has(fact.caseId),
              talkBooked: fact.talkId !== null && booked.talks.has(fact.talkId),
            }
          : { firstInformationBookedForCase: false, talkBooked: false };
      const base = { eventId: event.id, eventType: event.type, caseId: fact.caseId, municipality: fact.municipality };
      const decision = eligibility(fact, ctx);
      if ('refused' in decision) {
        refusals.push({ ...base, ...decision.refused });
        continue;
      }
      const period = periodOf(fact.on, Number(periods.get(fact.on.slice(0, 4))) as PeriodMonths).label;
      const mine: NewEntry[] = [];
      const missing = decision.earns.find((earning) => !rateOn(versions, earning.item, earning.on));
      if (missing) {
        refusals.push({ ...base, rule: 'S4', reason: `Kein Tarif für «${missing.item}» am ${missing.on}.` });
        continue;
      }
      for (const earning of decision.earns) {
        const tariff = rateOn(versions, earning.item, earning.on) as TariffVersion;
        mine.push({
          kind: 'booking',
          sourceEventId: event.id,
          eventType: event.type,
          eligibilityKey: earning.eligibilityKey,
          correctsEntry: null,
          caseId: fact.caseId,
          municipality: fact.municipality,
          item: earning.item,
          serviceDate: earning.on,
          period,
          tariffId: tariff.id,
          rateRappen: tariff.amountRappen,
          amountRappen: tariff.amountRappen,
          reason: null,
        });
      }
      entries.push(...mine);
      eventsWithEntries.set(event.id, { event, fact });
      // Later events of this batch see what this one booked (two cases of one household in one batch).
      if (fact.kind === 'first-information') {
        booked.cases.add(fact.caseId);
        if (fact.talkId) booked.talks.add(fact.talkId);
      }
    }
    const inserted = await this.ledger.insertReturningEvents(em, entries);
    for (const [eventId, { event, fact }] of eventsWithEntries) {
      if (inserted.has(eventId)) continue;
      // A concurrent transaction booked the same talk or case first (the database's eligibility key held the rule).
      const rule = fact.kind === 'first-information' && fact.talkId ? 'S2' : 'S1';
      refusals.push({
        eventId,
        eventType: event.type,
        caseId: fact.caseId,
        municipality: fact.municipality,
        rule,
        reason: 'Bereits gebucht (gleichzeitig eingegangen).',
      });
    }
    await this.ledger.refuseMany(em, refusals);
  }
}
