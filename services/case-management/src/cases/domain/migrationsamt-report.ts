import { BindingAgreementNotAllowedError, InvalidCommandError } from './case.errors.js';
import type { CaseSubject } from './case-subject.js';
import type { AgreementGoal } from './integration-agreement.js';
import { isLocalDate, type LocalDate } from './local-date.js';

/**
 * Sanktionieren (R6–R8, R31). The IB reports a case with a documented reason; the report is a formal
 * disclosure (AIG Art. 97 Abs. 3) whose data set is kept with it. The Migrationsamt records its review
 * and then its decision, which flows back into the municipality's case.
 */
export const REPORT_REASON_KINDS = ['agreement-not-fulfilled', 'integration-refused', 'other'] as const;
export type ReportReasonKind = (typeof REPORT_REASON_KINDS)[number];

export type ReportReason =
  | { readonly kind: 'agreement-not-fulfilled'; readonly agreementId: string; readonly statement: string }
  | { readonly kind: 'integration-refused' | 'other'; readonly statement: string };

/** Identification the Migrationsamt needs to find the person in ZEMIS; supplied by the shell's person store. */
export interface DisclosedIdentification {
  readonly officialName: string;
  readonly firstName: string;
  readonly dateOfBirth: LocalDate;
  readonly vn?: string;
  readonly zemisNumber?: string;
}

export interface ReportInput {
  readonly reportId: string;
  readonly reportedOn: LocalDate;
  readonly reason: ReportReason;
  readonly identification?: DisclosedIdentification;
}

/** What was disclosed, to whom, on which basis: the audit log and the history keep exactly this. */
export interface MigrationsamtDisclosure {
  readonly recipient: 'migrationsamt';
  readonly legalBasis: string;
  readonly sentAt: string;
  readonly dataSet: Readonly<Record<string, unknown>>;
}

export const DECISION_KINDS = ['binding-agreement', 'recommendation', 'measure', 'no-action'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Measures the Migrationsamt may decide under the AIG (R7); the platform records, it does not decide. */
export const MEASURE_KINDS = [
  'permit-conditions',
  'renewal-refused',
  'revocation',
  'downgrade',
  'family-reunification-refused',
  'other',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface DecisionInput {
  readonly decidedOn: LocalDate;
  readonly kind: DecisionKind;
  readonly measureKind?: MeasureKind;
  /** Goals of the binding agreement or recommendation (Art. 58a based, VZAE Art. 77g). */
  readonly goals?: readonly AgreementGoal[];
  readonly dueOn?: LocalDate;
  readonly statement: string;
}

export interface MigrationsamtDecision extends DecisionInput {
  readonly goals: readonly AgreementGoal[];
}

export interface MigrationsamtReport {
  readonly reportId: string;
  readonly reportedOn: LocalDate;
  readonly reason: ReportReason;
  readonly status: 'reported' | 'under-review' | 'decided';
  readonly disclosure: MigrationsamtDisclosure;
  readonly review: { readonly reviewedOn: LocalDate; readonly notes: string } | null;
  readonly decision: MigrationsamtDecision | null;
}

export function validateReportReason(reason: ReportReason | undefined): ReportReason {
  if (!reason || !REPORT_REASON_KINDS.includes(reason.kind)) {
    throw new InvalidCommandError(
      'reason.kind',
      'Grund der Meldung fehlt',
      'the reason for the report is missing',
      'R8',
    );
  }
  const statement = reason.statement?.trim() ?? '';
  if (!statement)
    throw new InvalidCommandError(
      'reason.statement',
      'der Grund ist zu dokumentieren',
      'the reason must be documented',
      'R8',
    );
  return reason.kind === 'agreement-not-fulfilled'
    ? { kind: reason.kind, agreementId: reason.agreementId, statement }
    : { kind: reason.kind, statement };
}

/**
 * AIG Art. 58b Abs. 4 with Art. 2 Abs. 2/3 and Art. 42 (R5, R10): who can only receive a
 * recommendation. Returns why a binding agreement is excluded, or null.
 */
export function bindingAgreementExclusion(subject: CaseSubject): 'eu-efta' | 'family-of-swiss' | null {
  if (subject.euEfta) return 'eu-efta';
  if (subject.familyOfSwiss) return 'family-of-swiss';
  return null;
}

export function validateDecision(
  input: DecisionInput,
  subject: CaseSubject,
  reportedOn: LocalDate,
): MigrationsamtDecision {
  if (!DECISION_KINDS.includes(input.kind)) throw new InvalidCommandError('kind', 'unbekannt', 'unknown', 'R6');
  if (input.kind === 'binding-agreement') {
    const exclusion = bindingAgreementExclusion(subject);
    if (exclusion) throw new BindingAgreementNotAllowedError(exclusion);
  }
  if (!isLocalDate(input.decidedOn) || input.decidedOn < reportedOn) {
    throw new InvalidCommandError(
      'decidedOn',
      'kein Datum oder vor der Meldung',
      'not a date or before the report',
      'R6',
    );
  }
  if (!input.statement?.trim())
    throw new InvalidCommandError(
      'statement',
      'die Verfügung ist zu begründen',
      'the decision needs a statement',
      'R6',
    );
  const goals = input.goals ?? [];
  if ((input.kind === 'binding-agreement' || input.kind === 'recommendation') && goals.length === 0) {
    throw new InvalidCommandError(
      'goals',
      'Vereinbarung/Empfehlung braucht Ziele',
      'an agreement or recommendation needs goals',
      'R6',
    );
  }
  if (input.kind === 'binding-agreement' && !isLocalDate(input.dueOn)) {
    throw new InvalidCommandError(
      'dueOn',
      'die verbindliche Vereinbarung braucht eine Frist',
      'a binding agreement needs a deadline',
      'R5',
    );
  }
  if (input.kind === 'measure' && !(input.measureKind && MEASURE_KINDS.includes(input.measureKind))) {
    throw new InvalidCommandError('measureKind', 'welche Massnahme?', 'which measure?', 'R7');
  }
  return { ...input, statement: input.statement.trim(), goals: goals.map((g) => ({ ...g })) };
}
