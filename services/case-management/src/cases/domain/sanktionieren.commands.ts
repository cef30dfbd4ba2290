import { requireDate, requireNotFuture, requireText, type CommandContext } from './actor.js';
import { advancePhase } from './case-phase.js';
import type { Change } from './case-change.js';
import { caseEvent, eventBase } from './case.events.js';
import {
  Abs2NotConsideredError,
  CasePartNotFoundError,
  ReportReasonMissingError,
  TransitionRefusedError,
} from './case.errors.js';
import type { CaseState } from './case-state.js';
import type { LocalDate } from './local-date.js';
import {
  validateDecision,
  validateReportReason,
  type DecisionInput,
  type MigrationsamtDisclosure,
  type MigrationsamtReport,
  type ReportInput,
} from './migrationsamt-report.js';

/** The legal basis named on every disclosure (R8). */
export const REPORT_LEGAL_BASIS = 'AIG Art. 97 Abs. 3 i.V.m. VZAE Art. 82 ff.; AIG Art. 58a/58b; VZAE Art. 77g';

/**
 * Sanktionieren (R4, R6, R8, R31). Nothing escalates by itself: each function is one human decision.
 *
 * The report is refused unless (a) no other report is open, (b) the reason is documented and, for
 * "agreement not fulfilled", that agreement was reviewed as partly or not fulfilled, and (c) the last
 * recorded Art. 58a Abs. 2 consideration says the circumstances were considered.
 */
export function reportToMigrationsamt(s: CaseState, input: ReportInput, ctx: CommandContext): Change {
  if (s.reports.some((r) => r.status !== 'decided')) {
    throw new TransitionRefusedError('CM2', 'reportToMigrationsamt', s.status, s.phase, {
      de: 'Eine Meldung an das Migrationsamt ist noch offen.',
      en: 'A report to the Migrationsamt is still open.',
    });
  }
  const reportId = requireText('reportId', input.reportId);
  const reportedOn = requireDate('reportedOn', input.reportedOn);
  requireNotFuture('reportedOn', reportedOn, ctx);
  const reason = validateReportReason(input.reason);
  if (reason.kind === 'agreement-not-fulfilled') {
    const agreement = s.agreements.find((a) => a.agreementId === reason.agreementId);
    if (!agreement?.review || agreement.review.outcome === 'fulfilled') {
      throw new ReportReasonMissingError({
        de: `Die Vereinbarung «${reason.agreementId}» ist nicht als (teilweise) nicht erfüllt überprüft.`,
        en: `Agreement "${reason.agreementId}" has not been reviewed as (partly) not fulfilled.`,
      });
    }
  }
  const abs2 = s.abs2Considerations.at(-1);
  if (!abs2?.considered) throw new Abs2NotConsideredError();
  const disclosure = buildDisclosure(
    s,
    { reportId, reportedOn, reason, ...(input.identification ? { identification: input.identification } : {}) },
    ctx.at,
  );
  const report: MigrationsamtReport = {
    reportId,
    reportedOn,
    reason,
    status: 'reported',
    disclosure,
    review: null,
    decision: null,
  };
  const state: CaseState = { ...s, phase: advancePhase(s.phase, 'sanktionieren'), reports: [...s.reports, report] };
  return {
    state,
    action: 'reported-to-migrationsamt',
    reason: reason.statement,
    details: { reportId, reportedOn, reasonKind: reason.kind, disclosure },
    events: [
      caseEvent('case.reported-to-migrationsamt.v1', state, {
        ...eventBase(state),
        reportId,
        reportedOn,
        reasonKind: reason.kind,
        agreementId: reason.kind === 'agreement-not-fulfilled' ? reason.agreementId : null,
      }),
    ],
  };
}

/**
 * The data set sent (R6: the facts for the excusable-reason check: dates, attempts, assessments,
 * Abs. 2 weighing, agreements and reviews; R8: nothing more). The shell writes it to the audit log as
 * a disclosure to the Migrationsamt.
 */
export function buildDisclosure(
  s: CaseState,
  report: Omit<ReportInput, 'reason'> & { reason: MigrationsamtReport['reason'] },
  sentAt: string,
): MigrationsamtDisclosure {
  const fi = s.firstInformation;
  return {
    recipient: 'migrationsamt',
    legalBasis: REPORT_LEGAL_BASIS,
    sentAt,
    dataSet: structuredClone({
      reportId: report.reportId,
      reportedOn: report.reportedOn,
      reason: report.reason,
      caseId: s.caseId,
      personRef: s.subject.personRef,
      identification: report.identification ?? null,
      municipality: s.municipality,
      registrationDate: s.registrationDate,
      nationality: s.subject.nationality,
      permitCode: s.subject.permit?.code ?? null,
      familyOfSwiss: s.subject.familyOfSwiss,
      firstInformation: {
        outcome: fi.outcome,
        form: fi.record?.form ?? null,
        on: fi.record
          ? fi.record.form === 'talk'
            ? fi.record.heldOn
            : fi.record.handedOutOn
          : (fi.refusal?.on ?? null),
        noShows: fi.noShows,
        refusal: fi.refusal,
      },
      referrals: s.referrals.map((r) => ({
        madeOn: r.madeOn,
        category: r.category,
        measure: r.measure,
        status: r.status,
        statusHistory: r.statusHistory,
      })),
      integrationTalks: s.integrationTalks.map((t) => ({
        heldOn: t.heldOn,
        interpreter: t.interpreter,
        assessment: t.assessment,
      })),
      abs2Consideration: s.abs2Considerations.at(-1) ?? null,
      agreements: s.agreements.map((a) => ({
        agreementId: a.agreementId,
        concludedOn: a.concludedOn,
        goals: a.goals,
        measures: a.measures,
        reviewOn: a.reviewOn,
        review: a.review,
      })),
    }),
  };
}

function openReport(s: CaseState, reportId: string): MigrationsamtReport {
  const report = s.reports.find((r) => r.reportId === reportId);
  if (!report) throw new CasePartNotFoundError('Report', reportId);
  return report;
}

function replaceReport(s: CaseState, report: MigrationsamtReport): CaseState {
  return { ...s, reports: s.reports.map((r) => (r.reportId === report.reportId ? report : r)) };
}

export interface MigrationsamtReviewInput {
  readonly reviewedOn: LocalDate;
  readonly notes: string;
}

/** The Migrationsamt records that (and how) it reviewed the integration (R6: case by case). */
export function recordMigrationsamtReview(
  s: CaseState,
  reportId: string,
  input: MigrationsamtReviewInput,
  ctx: CommandContext,
): Change {
  const report = openReport(s, reportId);
  if (report.status !== 'reported') {
    throw new TransitionRefusedError('R6', 'recordMigrationsamtReview', s.status, s.phase, {
      de: `Die Meldung «${reportId}» ist bereits ${report.status === 'decided' ? 'entschieden' : 'in Prüfung'}.`,
      en: `Report "${reportId}" is already ${report.status === 'decided' ? 'decided' : 'under review'}.`,
    });
  }
  const reviewedOn = requireDate('reviewedOn', input.reviewedOn);
  requireNotFuture('reviewedOn', reviewedOn, ctx);
  const notes = requireText('notes', input.notes, 'R6');
  return {
    state: replaceReport(s, { ...report, status: 'under-review', review: { reviewedOn, notes } }),
    action: 'migrationsamt-review-recorded',
    reason: notes,
    details: { reportId, reviewedOn },
    events: [],
  };
}

/**
 * The Migrationsamt's decision (R6, R7) flows back into the municipality's case. A binding agreement
 * is refused for EU/EFTA free movement (R10) and family members of Swiss nationals (R5).
 */
export function recordMigrationsamtDecision(
  s: CaseState,
  reportId: string,
  input: DecisionInput,
  ctx: CommandContext,
): Change {
  const report = openReport(s, reportId);
  if (report.status !== 'under-review') {
    throw new TransitionRefusedError(
      'R6',
      'recordMigrationsamtDecision',
      s.status,
      s.phase,
      report.status === 'decided'
        ? { de: `Die Meldung «${reportId}» ist bereits entschieden.`, en: `Report "${reportId}" is already decided.` }
        : {
            de: 'Vor dem Entscheid ist die Prüfung der Integration festzuhalten.',
            en: 'The review of the integration must be recorded before the decision.',
          },
    );
  }
  const decision = validateDecision(input, s.subject, report.reportedOn);
  requireNotFuture('decidedOn', decision.decidedOn, ctx);
  const state = replaceReport(s, { ...report, status: 'decided', decision });
  return {
    state,
    action: 'migrationsamt-decision-recorded',
    reason: decision.statement,
    details: { reportId, decision },
    events: [
      caseEvent('case.migrationsamt-decision-recorded.v1', state, {
        ...eventBase(state),
        reportId,
        decidedOn: decision.decidedOn,
        decision: decision.kind,
        measureKind: decision.measureKind ?? null,
      }),
    ],
  };
}
