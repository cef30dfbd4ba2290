import type { CasePhase, CaseStatus, CloseReason } from './case-phase.js';
import type { CaseSubject } from './case-subject.js';
import type { DeadlineState } from './deadline.js';
import type { DfpaHandover } from './dfpa-handover.js';
import type { FirstInformationState } from './first-information.js';
import type { HistoryEntry } from './case-history.js';
import type { Abs2Consideration, IntegrationTalk } from './integration-talk.js';
import type { MunicipalAgreement } from './integration-agreement.js';
import type { LocalDate } from './local-date.js';
import type { MigrationsamtReport } from './migrationsamt-report.js';
import type { Referral } from './referral.js';

/**
 * Everything the case knows, as plain JSON-safe data: the repository maps it to tables/JSONB, the
 * aggregate replaces it wholesale on every command (no hidden mutable parts).
 */
export interface CaseState {
  readonly caseId: string;
  /** Natural key of the arrival that opened the case (unique with personRef; CM3). */
  readonly arrivalKey: string;
  /** CloudEvents id of the person.arrived.v1 that opened it. */
  readonly arrivalEventId: string;
  readonly status: CaseStatus;
  readonly phase: CasePhase;
  /** BFS number of the residence municipality (a Leitgemeinde member keeps its own, R29). */
  readonly municipality: number;
  readonly registrationDate: LocalDate;
  readonly arrivalDate: LocalDate | null;
  readonly subject: CaseSubject;
  readonly openedAt: string;
  readonly firstInformation: FirstInformationState;
  /** First-information deadline (R1, R13); `due` is the column the reminder job and sweep read. */
  readonly firstInformationDeadline: DeadlineState;
  readonly referrals: readonly Referral[];
  readonly integrationTalks: readonly IntegrationTalk[];
  /** Every Abs. 2 consideration in the order recorded (from talks and on its own); the last one counts. */
  readonly abs2Considerations: readonly Abs2Consideration[];
  readonly agreements: readonly MunicipalAgreement[];
  readonly reports: readonly MigrationsamtReport[];
  /** Current DFPA hand-over (requested or accepted); ended ones move to `pastHandovers`. */
  readonly handover: DfpaHandover | null;
  readonly pastHandovers: readonly DfpaHandover[];
  readonly transfers: readonly { readonly from: number; readonly to: number; readonly movedOn: LocalDate }[];
  readonly closure: { readonly reason: CloseReason; readonly on: LocalDate; readonly note: string | null } | null;
  /** Incremented by every change: the repository's optimistic-lock column. */
  readonly version: number;
}

/** What the repository stores and loads: the state plus the append-only history. */
export interface CaseSnapshot {
  readonly state: CaseState;
  readonly history: readonly HistoryEntry[];
}
