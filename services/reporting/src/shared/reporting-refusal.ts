import { DomainError, type LocalisedMessage, type RefusalKind } from '@si/kernel';

/** Reporting's rules, named in every refusal (problem+json `rule`). */
export const RULES = {
  RP1: 'RP1: figures are asked for by year, half-year, quarter or month',
  RP2: "RP2: only figures of the catalogue, and only those meant for the caller's role, are shown",
  RP3: 'RP3: each role sees its own areas: AGS all, an IB their municipalities beside the canton, a Sozialregion its region, the Migrationsamt its own figures',
  RP4: 'RP4: a frozen snapshot is never changed; late events make a new version',
  SD1: 'SD1: a published questionnaire is never changed; a change is a new version',
  SD2: 'SD2: answers must fit the question (type, choices, range, required)',
  SD3: 'SD3: a response moves draft → submitted → returned → submitted → accepted; only AGS returns or accepts, only the municipality submits',
  SD4: 'SD4: one round per year, open until its deadline; answers only while it is open',
} as const;
export type RuleId = keyof typeof RULES;

export class ReportingRefusal extends DomainError {
  constructor(
    ruleId: RuleId,
    code: string,
    messages: LocalisedMessage,
    kind: RefusalKind,
    details: Record<string, unknown> = {},
  ) {
    super(ruleId, code, messages, kind, details);
  }

  get rule(): string {
    return RULES[this.ruleId as RuleId];
  }
}
