import type { EntityManager } from 'typeorm';
import { PermanentEventError } from '@si/messaging';
import type { LocalDate } from '../domain/index.js';
import type { SystemCaseWriter } from './system-case-writer.js';

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
export class DfpaAnswers {
  constructor(private readonly writer: SystemCaseWriter) {}

  async accepted(em: EntityManager, d: DfpaAnswerData): Promise<void> {
    await this.apply(em, d, 'dfpa-accepted', (c, ctx) =>
      c.acceptDfpaHandover({ handoverId: d.handoverId, sozialregionId: d.sozialregionId, on: d.acceptedOn as LocalDate, ...(d.dfpaCaseRef ? { dfpaCaseRef: d.dfpaCaseRef } : {}) }, ctx));
  }

  async rejected(em: EntityManager, d: DfpaAnswerData): Promise<void> {
    await this.apply(em, d, 'dfpa-rejected', (c, ctx) =>
      c.rejectDfpaHandover({ handoverId: d.handoverId, sozialregionId: d.sozialregionId, on: d.rejectedOn as LocalDate, ...answerReason(d) }, ctx));
  }

  async returned(em: EntityManager, d: DfpaAnswerData): Promise<void> {
    await this.apply(em, d, 'dfpa-returned', (c, ctx) =>
      c.returnFromDfpa({ handoverId: d.handoverId, sozialregionId: d.sozialregionId, on: d.returnedOn as LocalDate, ...answerReason(d) }, ctx));
  }

  private async apply(em: EntityManager, d: DfpaAnswerData, action: string, decide: Parameters<SystemCaseWriter['apply']>[4]): Promise<void> {
    const found = await this.writer.apply(em, d.caseId, SOURCE, action, decide);
    if (!found) throw new PermanentEventError(`case ${d.caseId} of hand-over ${d.handoverId} does not exist here`);
  }
}

function answerReason(d: DfpaAnswerData): { reasonCode?: string; reason?: string } {
  return { ...(d.reasonCode ? { reasonCode: d.reasonCode } : {}), ...(d.reason ? { reason: d.reason } : {}) };
}
