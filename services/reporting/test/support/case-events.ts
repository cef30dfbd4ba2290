import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@si/messaging';
import { event } from './reporting-app.js';

/** Who a synthetic case is about: the counting attributes only (what reporting receives). */
export interface Subject {
  municipality: number;
  euEfta?: boolean;
  permit?: 'B' | 'C' | 'F' | 'L';
  nationality?: { bfsCode: number; iso2: string };
  sex?: 'female' | 'male';
  birthYear?: number;
}

const permitCodes = { B: '0202', C: '0302', F: '0503', L: '0702' } as const;

function attributes(s: Subject) {
  const permit = s.permit ?? 'B';
  return {
    nationality: s.nationality ?? (s.euEfta ? { bfsCode: 8218, iso2: 'IT' } : { bfsCode: 8362, iso2: 'ER' }),
    permitCode: s.euEfta ? '0201' : permitCodes[permit],
    permitAusweis: permit,
    euEfta: s.euEfta ?? false,
    familyOfSwiss: false,
    sex: s.sex ?? 'female',
    birthYear: s.birthYear ?? 1994,
    language: 'tir',
  };
}

/** One synthetic case and the events of its steps, as case-management would emit them. */
export class CaseStory {
  readonly caseId = randomUUID();
  readonly personRef = `p-${randomUUID().slice(0, 12)}`;
  constructor(readonly subject: Subject) {}

  private base() {
    return {
      caseId: this.caseId,
      personRef: this.personRef,
      municipality: this.subject.municipality,
      attributes: attributes(this.subject),
    };
  }

  opened(registrationDate: string): CloudEvent {
    return event('case.opened.v1', {
      ...this.base(),
      householdRef: null,
      registrationDate,
      arrivalDate: registrationDate,
      firstInformationDue: registrationDate,
      openedAt: `${registrationDate}T08:00:00Z`,
    });
  }

  talk(
    completedOn: string,
    options: { interpreter?: string; talkId?: string; withinDeadline?: boolean } = {},
  ): CloudEvent {
    return event('case.first-information-completed.v1', {
      ...this.base(),
      form: 'talk',
      completedOn,
      dueOn: completedOn,
      withinDeadline: options.withinDeadline ?? true,
      folderLanguage: null,
      talk: {
        talkId: options.talkId ?? `fi-${randomUUID()}`,
        durationMinutes: 60,
        interpreter: { used: options.interpreter !== undefined, language: options.interpreter ?? null },
        householdSize: 1,
        supportNeed: 'some',
        languageSkills: [],
        offersRecommended: 1,
      },
    });
  }

  folder(completedOn: string, withinDeadline = true): CloudEvent {
    return event('case.first-information-completed.v1', {
      ...this.base(),
      form: 'info-folder',
      completedOn,
      dueOn: completedOn,
      withinDeadline,
      folderLanguage: 'tir',
      talk: null,
    });
  }

  integrationTalk(heldOn: string, talkNumber = 1): CloudEvent {
    return event('case.integration-talk-held.v1', {
      ...this.base(),
      talkId: `it-${randomUUID()}`,
      heldOn,
      durationMinutes: 45,
      interpreter: { used: false, language: null },
      deficitCriteria: ['c'],
      abs2Considered: true,
      talkNumber,
    });
  }

  referral(madeOn: string, category: 'language' | 'education-work' | 'social' | 'other'): CloudEvent {
    return event('case.referral-made.v1', {
      ...this.base(),
      referralId: randomUUID(),
      madeOn,
      target: { kind: 'free-text' },
      category,
      status: 'proposed',
    });
  }
}
