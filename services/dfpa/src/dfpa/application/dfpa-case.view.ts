import type { DfpaCaseState } from '../domain/index.js';

/** The work-list line: enough to find the person, nothing of the assessment. `DfpaCaseRepository.listPage` builds the same in SQL. */
export function caseSummary(s: DfpaCaseState) {
  return {
    dfpaCaseId: s.dfpaCaseId,
    sozialregionId: s.sozialregionId,
    origin: s.origin,
    caseId: s.caseId,
    municipality: s.municipality,
    personRef: s.personRef,
    name: s.person ? `${s.person.officialName}, ${s.person.firstName}` : null,
    status: s.status,
    progress: s.progress,
    caseworkers: s.caseworkers,
    openedOn: s.openedOn,
    nextReviewOn: s.plan?.reviewOn ?? null,
  };
}

/** The case for the region's staff: everything but health, which the assessments carry only for the case's caseworkers. */
export function caseDetail(
  s: DfpaCaseState,
  extras: { assessments: unknown[]; history: unknown[]; deadlines: unknown[] },
) {
  return {
    ...caseSummary(s),
    handoverId: s.handoverId,
    person: s.person,
    plan: s.plan,
    measures: s.measures,
    reviews: s.reviews,
    ravReports: s.ravReports,
    placements: s.placements,
    exit: s.exit,
    version: s.version,
    assessments: extras.assessments,
    deadlines: extras.deadlines,
    history: extras.history,
  };
}
