/**
 * The rules a refusal can name. `R1`–`R31` are the legal and domain rules of
 * shared/research/domain.md (each with its source there); `CM1`–`CM7` are invariants of this service
 * that have no legal source of their own but come from DOMAIN.md or the issue (README.md lists them).
 *
 * A refused command answers problem+json with the rule id, so a user or an auditor can look up why.
 */
export const RULES = {
  R1: 'AIG Art. 57 Abs. 3: first information of newcomers from abroad (deadline from registration)',
  R2: 'VIntA Art. 8: first information covers (a) language, education, work, (b) language offers, (c) legal order and basic norms',
  R3: 'VIntA Art. 4: referrals typed by the regular structures (IIZ)',
  R4: 'AIG Art. 58a: criteria a–d; Abs. 2 circumstances must be considered before escalation',
  R5: 'AIG Art. 58b: agreement = goals, measures, deadlines, financing; Abs. 4 recommendations only for EU/EFTA and family of Swiss',
  R6: 'VZAE Art. 77g: only the Migrationsamt concludes binding agreements, case by case after review',
  R7: 'Migrationsamt outcomes (binding agreement, conditions, renewal refused) flow back to the municipal case',
  R8: 'AIG Art. 97 Abs. 3: a report to the Migrationsamt is a formal disclosure with a documented reason',
  R9: 'VZAE Art. 61a/77: language skills as CEFR levels, oral and written separately',
  R10: 'Free movement (AIG Art. 2 Abs. 2): EU/EFTA regulation in the eCH-0006 code; no binding agreement',
  R12: 'eCH-0006 permit codes: category + regulation (01 = EU/EFTA)',
  R13: 'Registration within 14 days; the first-information deadline counts from the registration date',
  R14: 'Target group: newcomers from abroad with foreign nationality',
  R16: 'DFPA: the Sozialregion of the municipality takes the case over and leads it',
  R22: 'Sensitive data (health, sanctions, social aid): need-to-know, never in pseudonymous events',
  R25: 'Official secrecy: cross-organisation access is purpose-bound',
  R27: 'Municipal tasks: first information to all newcomers from abroad; agree, require and review measures; inform the canton',
  R28: 'Integration talk first, then agreement; escalation in consultation with the canton',
  R29: 'Leitgemeinde: a lead municipality acts for its members; cases keep the member BFS number',
  R31: 'Graduated escalation; nothing escalates by itself, every step is a recorded human decision',
  CM1: 'A closed case accepts no further changes',
  CM2: 'A command is allowed only in the statuses and phases of the state machine table',
  CM3: 'One case per person and arrival; a redelivered arrival never opens a second case',
  CM4: 'The case history is append-only',
  CM5: 'A move within the canton transfers the case; leaving the canton closes it',
  CM6: 'Deadlines are suspended, resumed and extended only with a reason, and only forward',
  CM7: 'Commands carry well-formed input (dates, ids, required fields)',
  CM8: 'A referral to an offer names an offer the Angebotsplattform has published and not withdrawn (offer.published.v1 / offer.withdrawn.v1)',
} as const;

export type RuleId = keyof typeof RULES;
