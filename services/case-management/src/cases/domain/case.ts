import { assertContext, requireDate, requireText, type CommandContext } from './actor.js';
import type { Change } from './case-change.js';
import { CaseHistory, type HistoryEntry } from './case-history.js';
import { arrivalKey, type CaseConfig, type OpenCaseInput } from './case-opening.js';
import type { CasePhase, CaseStatus } from './case-phase.js';
import type { CaseSnapshot, CaseState } from './case-state.js';
import { buildCaseSubject } from './case-subject.js';
import { assertTransition, type CaseCommand } from './case-transitions.js';
import { caseEvent, eventBase, type CaseEvent } from './case.events.js';
import { CaseDomainError, InvalidCommandError, RoleNotAllowedError } from './case.errors.js';
import { deadlineStatus, startDeadline, type DeadlineStatus } from './deadline.js';
import type { DfpaAnswer, DfpaProgressReport, HandoverRequestInput } from './dfpa-handover.js';
import { PENDING_FIRST_INFORMATION, type FirstInformationInput } from './first-information.js';
import type { AgreementInput, AgreementReview } from './integration-agreement.js';
import type { IntegrationTalkInput } from './integration-talk.js';
import type { LocalDate } from './local-date.js';
import type { DecisionInput, ReportInput } from './migrationsamt-report.js';
import type { MunicipalityDirectory } from './municipality-directory.js';
import * as dfpa from './dfpa.commands.js';
import * as deadlines from './deadline.commands.js';
import * as foerdern from './foerdern.commands.js';
import * as fordern from './fordern.commands.js';
import * as informieren from './informieren.commands.js';
import * as register from './register.commands.js';
import * as sanktionieren from './sanktionieren.commands.js';

/** Result of opening: the new case and its `case.opened.v1`. */
export interface Opened {
  readonly case: Case;
  readonly events: readonly CaseEvent[];
}

/**
 * The integration case aggregate. Every command checks the state machine row (case-transitions.ts),
 * then its own guards, and either changes nothing (throws a `CaseDomainError` with a rule id) or
 * replaces the state, bumps `version`, appends exactly one history entry and returns the events to
 * publish. The shell persists `toSnapshot()` (new history entries: `history.since(storedSeq)`) and
 * the events in one transaction.
 *
 * Idempotent on purpose (messages may repeat): `acceptDfpaHandover` for the same hand-over and
 * `closeFromRegister` on a closed case return `[]` and change nothing.
 */
export class Case {
  private constructor(
    private current: CaseState,
    private readonly log: CaseHistory,
  ) {}

  /** Opens a case from person.arrived.v1 (call `decideOpening` first for CM3). */
  static open(input: OpenCaseInput, directory: MunicipalityDirectory, config: CaseConfig, ctx: CommandContext): Opened {
    assertContext(ctx);
    if (ctx.actor.role !== 'system' && ctx.actor.role !== 'gemeinde') {
      throw new RoleNotAllowedError('R1', 'open', ctx.actor.role, ['system', 'gemeinde']);
    }
    const caseId = requireText('caseId', input.caseId);
    const registrationDate = requireDate('registrationDate', input.registrationDate);
    const arrivalDate = input.arrivalDate == null ? null : requireDate('arrivalDate', input.arrivalDate);
    if (!directory.isCantonal(input.municipality)) {
      throw new InvalidCommandError(
        'municipality',
        `${input.municipality} ist keine Solothurner Gemeinde`,
        `${input.municipality} is not a Solothurn municipality`,
        'CM5',
      );
    }
    const subject = buildCaseSubject(input);
    if (subject.nationality.iso2 === 'CH' || subject.nationality.bfsCode === 8100) {
      throw new CaseDomainError(
        'R14',
        'not-target-group',
        {
          de: 'Schweizer Staatsangehörige gehören nicht zur Zielgruppe von start.integration.',
          en: 'Swiss nationals are not in the start.integration target group.',
        },
        'unprocessable',
      );
    }
    const state: CaseState = {
      caseId,
      arrivalKey: arrivalKey(input),
      arrivalEventId: requireText('arrivalEventId', input.arrivalEventId),
      status: 'open',
      phase: 'informieren',
      municipality: input.municipality,
      registrationDate,
      arrivalDate,
      subject,
      openedAt: ctx.at,
      firstInformation: PENDING_FIRST_INFORMATION,
      firstInformationDeadline: startDeadline(registrationDate, config.firstInformationMonths),
      referrals: [],
      integrationTalks: [],
      abs2Considerations: [],
      agreements: [],
      reports: [],
      handover: null,
      pastHandovers: [],
      transfers: [],
      closure: null,
      version: 1,
    };
    const history = new CaseHistory();
    history.append({
      at: ctx.at,
      actorId: ctx.actor.id,
      role: ctx.actor.role,
      action: 'case-opened',
      details: {
        arrivalEventId: state.arrivalEventId,
        municipality: state.municipality,
        registrationDate,
        firstInformationDue: state.firstInformationDeadline.due,
      },
    });
    const event = caseEvent('case.opened.v1', state, {
      ...eventBase(state),
      householdRef: subject.householdRef,
      registrationDate,
      arrivalDate,
      firstInformationDue: state.firstInformationDeadline.due,
      openedAt: ctx.at,
    });
    return { case: new Case(state, history), events: [event] };
  }

  static fromSnapshot(snapshot: CaseSnapshot): Case {
    return new Case(structuredClone(snapshot.state), new CaseHistory(snapshot.history));
  }

  toSnapshot(): CaseSnapshot {
    return { state: structuredClone(this.current), history: this.log.entries };
  }

  get id(): string {
    return this.current.caseId;
  }
  get status(): CaseStatus {
    return this.current.status;
  }
  get phase(): CasePhase {
    return this.current.phase;
  }
  get municipality(): number {
    return this.current.municipality;
  }
  /** "at Sozialregion X": the region holding or offered the case, else null. */
  get sozialregionId(): string | null {
    return this.current.handover?.sozialregionId ?? null;
  }
  get state(): Readonly<CaseState> {
    return this.current;
  }
  get history(): readonly HistoryEntry[] {
    return this.log.entries;
  }
  get historyLog(): CaseHistory {
    return this.log;
  }

  /** First-information deadline on `today` (for work lists; the job re-reads the stored `due`). */
  firstInformationDeadlineStatus(today: LocalDate): DeadlineStatus {
    return deadlineStatus(this.current.firstInformationDeadline, today);
  }

  // Informieren
  recordFirstInformation(input: FirstInformationInput, ctx: CommandContext, householdSize = 1): CaseEvent[] {
    return this.run('recordFirstInformation', ctx, (s) =>
      informieren.recordFirstInformation(s, input, ctx, householdSize),
    );
  }
  recordFirstInformationNoShow(input: informieren.NoShowInput, ctx: CommandContext): CaseEvent[] {
    return this.run('recordFirstInformationNoShow', ctx, (s) => informieren.recordNoShow(s, input, ctx));
  }
  recordFirstInformationRefusal(input: informieren.RefusalInput, ctx: CommandContext): CaseEvent[] {
    return this.run('recordFirstInformationRefusal', ctx, (s) => informieren.recordRefusal(s, input, ctx));
  }

  // Fördern
  makeReferral(input: foerdern.ReferralInput, ctx: CommandContext): CaseEvent[] {
    return this.run('makeReferral', ctx, (s) => foerdern.makeReferral(s, input, ctx));
  }
  updateReferralStatus(referralId: string, input: foerdern.ReferralStatusInput, ctx: CommandContext): CaseEvent[] {
    return this.run('updateReferralStatus', ctx, (s) => foerdern.updateReferralStatus(s, referralId, input, ctx));
  }

  // Fordern
  holdIntegrationTalk(input: IntegrationTalkInput, ctx: CommandContext): CaseEvent[] {
    return this.run('holdIntegrationTalk', ctx, (s) => fordern.holdIntegrationTalk(s, input, ctx));
  }
  recordAbs2Consideration(input: fordern.Abs2Input, ctx: CommandContext): CaseEvent[] {
    return this.run('recordAbs2Consideration', ctx, (s) => fordern.recordAbs2Consideration(s, input, ctx));
  }
  concludeAgreement(input: AgreementInput, ctx: CommandContext): CaseEvent[] {
    return this.run('concludeAgreement', ctx, (s) => fordern.concludeAgreement(s, input, ctx));
  }
  reviewAgreement(agreementId: string, input: AgreementReview, ctx: CommandContext): CaseEvent[] {
    return this.run('reviewAgreement', ctx, (s) => fordern.reviewAgreement(s, agreementId, input, ctx));
  }

  // Sanktionieren
  reportToMigrationsamt(input: ReportInput, ctx: CommandContext): CaseEvent[] {
    return this.run('reportToMigrationsamt', ctx, (s) => sanktionieren.reportToMigrationsamt(s, input, ctx));
  }
  recordMigrationsamtReview(
    reportId: string,
    input: sanktionieren.MigrationsamtReviewInput,
    ctx: CommandContext,
  ): CaseEvent[] {
    return this.run('recordMigrationsamtReview', ctx, (s) =>
      sanktionieren.recordMigrationsamtReview(s, reportId, input, ctx),
    );
  }
  recordMigrationsamtDecision(reportId: string, input: DecisionInput, ctx: CommandContext): CaseEvent[] {
    return this.run('recordMigrationsamtDecision', ctx, (s) =>
      sanktionieren.recordMigrationsamtDecision(s, reportId, input, ctx),
    );
  }

  // DFPA
  requestDfpaHandover(input: HandoverRequestInput, directory: MunicipalityDirectory, ctx: CommandContext): CaseEvent[] {
    return this.run('requestDfpaHandover', ctx, (s) => dfpa.requestDfpaHandover(s, input, directory, ctx));
  }
  acceptDfpaHandover(answer: DfpaAnswer, ctx: CommandContext): CaseEvent[] {
    return this.run('acceptDfpaHandover', ctx, (s) => dfpa.acceptDfpaHandover(s, answer, ctx));
  }
  rejectDfpaHandover(answer: DfpaAnswer, ctx: CommandContext): CaseEvent[] {
    return this.run('rejectDfpaHandover', ctx, (s) => dfpa.rejectDfpaHandover(s, answer, ctx));
  }
  returnFromDfpa(answer: DfpaAnswer, ctx: CommandContext): CaseEvent[] {
    return this.run('returnFromDfpa', ctx, (s) => dfpa.returnFromDfpa(s, answer, ctx));
  }
  recordDfpaProgress(report: DfpaProgressReport, ctx: CommandContext): CaseEvent[] {
    return this.run('recordDfpaProgress', ctx, (s) => dfpa.recordDfpaProgress(s, report, ctx));
  }

  // Register facts and closing
  transfer(input: register.TransferInput, directory: MunicipalityDirectory, ctx: CommandContext): CaseEvent[] {
    return this.run('transfer', ctx, (s) => register.transfer(s, input, directory));
  }
  changePermit(input: register.PermitChangeInput, ctx: CommandContext): CaseEvent[] {
    return this.run('changePermit', ctx, (s) => register.changePermit(s, input));
  }
  correctSubject(input: register.SubjectCorrectionInput, ctx: CommandContext): CaseEvent[] {
    return this.run('correctSubject', ctx, (s) => register.correctSubject(s, input));
  }
  recordFamilyOfSwiss(input: register.FamilyOfSwissInput, ctx: CommandContext): CaseEvent[] {
    return this.run('recordFamilyOfSwiss', ctx, (s) => register.recordFamilyOfSwiss(s, input));
  }
  closeFromRegister(
    input: register.CloseInput<'departed-abroad' | 'departed-other-canton' | 'naturalised' | 'died'>,
    ctx: CommandContext,
  ): CaseEvent[] {
    if (this.current.status === 'closed') {
      assertContext(ctx);
      return [];
    }
    return this.run('closeFromRegister', ctx, (s) => register.closeFromRegister(s, input));
  }
  closeByOfficer(input: { readonly on: LocalDate; readonly note: string }, ctx: CommandContext): CaseEvent[] {
    return this.run('closeByOfficer', ctx, (s) => register.closeByOfficer(s, input, ctx));
  }

  // Deadlines
  suspendFirstInformationDeadline(
    input: { readonly since: LocalDate; readonly reason: string },
    ctx: CommandContext,
  ): CaseEvent[] {
    return this.run('suspendDeadline', ctx, (s) => deadlines.suspendFirstInformationDeadline(s, input));
  }
  resumeFirstInformationDeadline(input: { readonly on: LocalDate }, ctx: CommandContext): CaseEvent[] {
    return this.run('resumeDeadline', ctx, (s) => deadlines.resumeFirstInformationDeadline(s, input));
  }
  extendFirstInformationDeadline(
    input: { readonly to: LocalDate; readonly reason: string },
    ctx: CommandContext,
  ): CaseEvent[] {
    return this.run('extendDeadline', ctx, (s) => deadlines.extendFirstInformationDeadline(s, input));
  }

  /** The one place a command is applied: table check, decision, then state + version + history together. */
  private run(command: CaseCommand, ctx: CommandContext, decide: (s: CaseState) => Change | null): CaseEvent[] {
    assertContext(ctx);
    const { status, phase } = this.current;
    assertTransition(
      command,
      { status, phase, ...(this.current.handover ? { sozialregionId: this.current.handover.sozialregionId } : {}) },
      ctx.actor.role,
    );
    const change = decide(this.current);
    if (!change) return [];
    this.current = { ...change.state, version: this.current.version + 1 };
    this.log.append({
      at: ctx.at,
      actorId: ctx.actor.id,
      role: ctx.actor.role,
      action: change.action,
      ...(change.reason ? { reason: change.reason } : {}),
      details: change.details,
    });
    return [...change.events];
  }
}
