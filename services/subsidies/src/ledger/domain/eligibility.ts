import type { LocalDate } from '../../shared/local-date.js';
import type { RuleId } from '../../shared/rules.js';
import type { TariffItem } from '../../tariffs/domain/tariff.js';

/** What a case event tells the ledger (pseudonymous: case id, municipality, the facts that earn money). */
export type SubsidyFact =
  | {
      kind: 'first-information';
      caseId: string;
      municipality: number;
      on: LocalDate;
      form: 'talk' | 'info-folder';
      talkId: string | null;
      interpreter: boolean;
    }
  | {
      kind: 'integration-talk';
      caseId: string;
      municipality: number;
      on: LocalDate;
      talkId: string;
      interpreter: boolean;
      deficitCriteria: readonly string[];
    }
  | {
      kind: 'offer-participation';
      caseId: string;
      municipality: number;
      on: LocalDate;
      referralId: string;
      step: string;
    };

/** What the ledger already holds that the rules look at. */
export interface EligibilityContext {
  /** S1: a first-information subsidy is booked for this case already. */
  firstInformationBookedForCase: boolean;
  /** S2: the household's talk is booked already (for another case of the household). */
  talkBooked: boolean;
}

export interface Earning {
  readonly item: TariffItem;
  readonly on: LocalDate;
  /** Unique in the ledger: the database holds the rule too, against two consumers racing. */
  readonly eligibilityKey: string | null;
}

export type Eligibility = { earns: Earning[] } | { refused: { rule: RuleId; reason: string } };

/**
 * The eligibility rules (S1–S3, S17): which items an event earns, or the rule that refuses it. A talk with an
 * interpreter earns the interpreter item too. The rate is not decided here: the tariff of the day (S4) is.
 */
export function eligibility(fact: SubsidyFact, ctx: EligibilityContext): Eligibility {
  if (fact.kind === 'first-information') {
    if (ctx.firstInformationBookedForCase)
      return {
        refused: { rule: 'S1', reason: 'Für diesen Fall (Person und Zuzug) ist bereits eine Erstinformation gebucht.' },
      };
    if (fact.form === 'info-folder')
      return { earns: [{ item: 'info-folder', on: fact.on, eligibilityKey: `first-information:${fact.caseId}` }] };
    if (fact.talkId && ctx.talkBooked)
      return {
        refused: {
          rule: 'S2',
          reason: `Das Haushaltsgespräch ${fact.talkId} ist bereits für einen anderen Fall des Haushalts gebucht.`,
        },
      };
    const talkKey = fact.talkId ? `first-information-talk:${fact.talkId}` : `first-information:${fact.caseId}`;
    return {
      earns: [
        { item: 'first-information-talk', on: fact.on, eligibilityKey: talkKey },
        ...(fact.interpreter
          ? [{ item: 'interpreter' as const, on: fact.on, eligibilityKey: `${talkKey}:interpreter` }]
          : []),
      ],
    };
  }
  if (fact.kind === 'offer-participation') {
    if (fact.step !== 'completed')
      return {
        refused: {
          rule: 'S17',
          reason: `Teilnahmeschritt «${fact.step}»: subventioniert wird der bestätigte Abschluss.`,
        },
      };
    return {
      earns: [{ item: 'offer-participation', on: fact.on, eligibilityKey: `offer-participation:${fact.referralId}` }],
    };
  }
  if (fact.deficitCriteria.length === 0) {
    return {
      refused: { rule: 'S3', reason: 'Im Integrationsgespräch wurden keine Integrationsdefizite festgestellt.' },
    };
  }
  return {
    earns: [
      { item: 'integration-talk', on: fact.on, eligibilityKey: `integration-talk:${fact.talkId}` },
      ...(fact.interpreter
        ? [{ item: 'interpreter' as const, on: fact.on, eligibilityKey: `integration-talk:${fact.talkId}:interpreter` }]
        : []),
    ],
  };
}
