import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PermanentEventError, type CloudEvent } from '@si/messaging';
import type { LocalDate } from '../domain/index.js';
import { SystemCaseWriter } from './system-case-writer.js';

const SOURCE = 'dfpa';

export interface DfpaAnswerData {
  handoverId: string;
  caseId: string;
  sozialregionId: string;
  acceptedOn?: string;
  rejectedOn?: string;
  returnedOn?: string;
  reasonCode?: string;
  reason?: string;
  dfpaCaseRef?: string;
}

/**
 * The Sozialregion's answers to a hand-over (R16, R25): accepted → "at Sozialregion X"; rejected or
 * returned → back to the IB. The domain checks the answer names the open hand-over and its region.
 */
@Injectable()
export class DfpaAnswers {
  constructor(@Inject(SystemCaseWriter) private readonly writer: SystemCaseWriter) {}

  /**
   * The envelope's `sozialregionid` (the region the answering instance or system published for) must name the same
   * region as the answer's data; the domain then checks it is the region the hand-over went to. Anything else is
   * dead-lettered with the reason, never applied.
   */
  static dataOf(e: CloudEvent<DfpaAnswerData>): DfpaAnswerData {
    if (e.sozialregionid !== e.data.sozialregionId) {
      throw new PermanentEventError(
        `refused by rule R25: answer ${e.type} names Sozialregion ${e.data.sozialregionId} but was published for ${e.sozialregionid ?? 'no Sozialregion'}`,
      );
    }
    return e.data;
  }

  async accepted(em: EntityManager, d: DfpaAnswerData): Promise<void> {
    await this.apply(em, d, 'dfpa-accepted', (c, ctx) =>
      c.acceptDfpaHandover(
        {
          handoverId: d.handoverId,
          sozialregionId: d.sozialregionId,
          on: d.acceptedOn as LocalDate,
          ...(d.dfpaCaseRef ? { dfpaCaseRef: d.dfpaCaseRef } : {}),
        },
        ctx,
      ),
    );
  }

  async rejected(em: EntityManager, d: DfpaAnswerData): Promise<void> {
    await this.apply(em, d, 'dfpa-rejected', (c, ctx) =>
      c.rejectDfpaHandover(
        {
          handoverId: d.handoverId,
          sozialregionId: d.sozialregionId,
          on: d.rejectedOn as LocalDate,
          ...answerReason(d),
        },
        ctx,
      ),
    );
  }

  async returned(em: EntityManager, d: DfpaAnswerData): Promise<void> {
    await this.apply(em, d, 'dfpa-returned', (c, ctx) =>
      c.returnFromDfpa(
        {
          handoverId: d.handoverId,
          sozialregionId: d.sozialregionId,
          on: d.returnedOn as LocalDate,
          ...answerReason(d),
        },
        ctx,
      ),
    );
  }

  /**
   * dfpa.assessment-completed/plan-agreed/case-closed.v1 of a DFPA case opened for a hand-over: the case keeps the
   * coarse status only (R25). A report that overtakes the acceptance (other subject, other order) is retried later.
   */
  async progress(
    em: EntityManager,
    e: CloudEvent<DfpaProgressData>,
    progress: 'assessment-done' | 'plan-active' | 'closed',
  ): Promise<void> {
    const d = e.data;
    if (!d.caseId) return; // a case the canton assigned directly: no municipal case to inform
    if (e.sozialregionid !== d.sozialregionId)
      throw new PermanentEventError(
        `refused by rule R25: ${e.type} names Sozialregion ${d.sozialregionId} but was published for ${e.sozialregionid ?? 'no Sozialregion'}`,
      );
    await this.apply(
      em,
      { caseId: d.caseId, handoverId: '', sozialregionId: d.sozialregionId },
      'dfpa-progress',
      (c, ctx) => {
        if (c.state.status === 'dfpa-handover-requested')
          throw new Error(`case ${d.caseId}: the acceptance of its hand-over has not arrived yet`);
        return c.recordDfpaProgress({ sozialregionId: d.sozialregionId, dfpaCaseRef: d.dfpaCaseId, progress }, ctx);
      },
    );
  }

  private async apply(
    em: EntityManager,
    d: DfpaAnswerData,
    action: string,
    decide: Parameters<SystemCaseWriter['apply']>[4],
  ): Promise<void> {
    const found = await this.writer.apply(em, d.caseId, SOURCE, action, decide);
    if (!found) throw new PermanentEventError(`case ${d.caseId} of hand-over ${d.handoverId} does not exist here`);
  }
}

/** The references every pseudonymous dfpa event carries (contracts/events/dfpa). */
export interface DfpaProgressData {
  dfpaCaseId: string;
  caseId: string | null;
  sozialregionId: string;
}

function answerReason(d: DfpaAnswerData): { reasonCode?: string; reason?: string } {
  return { ...(d.reasonCode ? { reasonCode: d.reasonCode } : {}), ...(d.reason ? { reason: d.reason } : {}) };
}
