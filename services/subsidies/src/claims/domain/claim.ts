import type { LocalDate } from '../../shared/local-date.js';
import { refuse } from '../../shared/subsidy-error.js';

export const CLAIM_STATUSES = ['draft', 'submitted', 'checked', 'approved', 'exported', 'paid', 'returned'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STATUS_LABELS_DE: Record<ClaimStatus, string> = {
  draft: 'Entwurf',
  submitted: 'eingereicht',
  checked: 'sachlich geprüft',
  approved: 'freigegeben',
  exported: 'exportiert',
  paid: 'bezahlt',
  returned: 'zurückgewiesen',
};

export type ClaimStep = 'submit' | 'check' | 'approve' | 'return' | 'export' | 'confirm-payment' | 'dispute';

/** Who takes a step, as the domain needs to know them (from the validated token). */
export interface ClaimActor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export interface ClaimState {
  readonly id: string;
  readonly municipality: number;
  readonly period: string;
  readonly status: ClaimStatus;
  readonly checkedBy: string | null;
}

/** Statuses in which each step may be taken (S7). */
const FROM: Record<ClaimStep, readonly ClaimStatus[]> = {
  submit: ['draft', 'returned'],
  dispute: ['draft', 'returned'],
  check: ['submitted'],
  approve: ['checked'],
  return: ['submitted', 'checked'],
  export: ['approved'],
  'confirm-payment': ['exported'],
};

const TO: Record<Exclude<ClaimStep, 'dispute'>, ClaimStatus> = {
  submit: 'submitted',
  check: 'checked',
  approve: 'approved',
  return: 'returned',
  export: 'exported',
  'confirm-payment': 'paid',
};

function assertFrom(step: ClaimStep, claim: ClaimState): void {
  if (!FROM[step].includes(claim.status)) {
    throw refuse(
      'S7',
      'claim-step-not-allowed',
      `Der Schritt «${step}» ist im Status «${STATUS_LABELS_DE[claim.status]}» nicht möglich.`,
      `Step "${step}" is not allowed in status "${claim.status}".`,
      'conflict',
      { step, status: claim.status },
    );
  }
}

/**
 * The next status after `step`, or a refusal naming the rule. Four eyes (S6): the approver holds the finance
 * role and is not the person who did the factual check; the server decides this, not the screen.
 */
export function nextStatus(claim: ClaimState, step: Exclude<ClaimStep, 'dispute'>, actor: ClaimActor): ClaimStatus {
  assertFrom(step, claim);
  if (step === 'approve') {
    if (!actor.roles.includes('ags-finanzen')) {
      throw refuse(
        'S6',
        'approval-needs-finance-role',
        'Freigeben darf nur AGS Finanzen.',
        'Only AGS finance (role ags-finanzen) may approve.',
        'forbidden',
      );
    }
    if (claim.checkedBy === actor.id) {
      throw refuse(
        'S6',
        'four-eyes',
        'Vier-Augen-Prinzip: Wer sachlich geprüft hat, darf nicht auch freigeben.',
        'Four eyes: the person who checked the claim may not approve it.',
        'forbidden',
      );
    }
  }
  return TO[step];
}

/** S10: a line is disputed with a reason while the claim is with the municipality. */
export function assertDisputable(claim: ClaimState, reason: string | null): void {
  assertFrom('dispute', claim);
  if (reason !== null && !reason.trim()) {
    throw refuse(
      'S10',
      'dispute-reason-missing',
      'Eine Beanstandung braucht eine Begründung.',
      'A dispute needs a reason.',
    );
  }
}

/** S7: sending back needs a comment saying why. */
export function assertReturnComment(comment: string | undefined): string {
  if (!comment?.trim())
    throw refuse(
      'S7',
      'return-comment-missing',
      'Zurückweisen nur mit Kommentar.',
      'Sending a claim back needs a comment.',
    );
  return comment.trim();
}

export interface ClaimLineView {
  readonly entryId: number;
  readonly caseId: string;
  readonly serviceDate: LocalDate;
  readonly item: string;
  readonly rateRappen: number;
  readonly amountRappen: number;
  readonly late: boolean;
  readonly disputedReason: string | null;
}

/** Payable = the lines not disputed (S10). */
export function payable(lines: readonly Pick<ClaimLineView, 'amountRappen' | 'disputedReason'>[]): number {
  return lines.reduce((sum, l) => (l.disputedReason ? sum : sum + l.amountRappen), 0);
}
