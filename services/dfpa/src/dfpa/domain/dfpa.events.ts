import type { DfpaCaseState } from './dfpa-case.js';

/**
 * The pseudonymous references every dfpa event carries (point 8: no names, no AHV numbers, no health): reporting and
 * subsidies count by region, municipality and the person's reference. `sozialregionId` also becomes the CloudEvents
 * attribute `sozialregionid`, by which case-management checks that an answer comes from the region it asked.
 */
export function refs(s: DfpaCaseState) {
  return {
    dfpaCaseId: s.dfpaCaseId,
    caseId: s.caseId,
    personRef: s.personRef,
    sozialregionId: s.sozialregionId,
    municipality: s.municipality,
  };
}

/** Events about the case follow one another per DFPA case; the answers to a hand-over per municipal case. */
export function caseEvent(type: string, s: DfpaCaseState, data: Record<string, unknown>) {
  return { type, subject: s.dfpaCaseId, data: { ...refs(s), ...data } };
}
