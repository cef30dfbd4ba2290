/**
 * The rules this service refuses by (problem+json `rule`): the domain research's R-numbers and the service's own
 * invariants DF1–DF6. The statement is what `ruleText` shows next to a refusal.
 */
export const RULES = {
  R3: 'VIntA Art. 4: measures are typed by the regular structures (IIZ) or refer to an offer of the Angebotsplattform.',
  R9: 'Language skills are recorded per language as CEFR level, oral and written apart, with how and when they were assessed.',
  R16: 'The Sozialregion leads DFPA cases handed over by its municipalities or assigned to it by the canton (VA/FL), on an individual plan (§ 148 SG).',
  R19b: 'VIntA Art. 9: employable VA/FL are reported to the RAV; reports and placements are recorded.',
  R22: "Health data is particularly sensitive: only the case's own caseworkers see it; it never leaves this service.",
  R25: 'Official secrecy: a Sozialregion sees only its own cases; others see the coarse status at most.',
  DF1: 'A hand-over is answered once: accepted, or rejected with a reason.',
  DF2: 'A DFPA case is changed only while it is active; returned, closed or moved cases are read only.',
  DF3: 'Money is integer Rappen; periods end on or after they start.',
  DF4: 'Well-formed input: every field as documented.',
} as const;

export type RuleId = keyof typeof RULES;
