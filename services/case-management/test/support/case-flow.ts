import { eventually } from '@si/testing';
import type { CaseTestApp } from './case-app.js';
import { arrival, daysAgo, type ArrivalOptions } from './person-events.js';

/** Publishes an arrival and returns the id of the case it opened. */
export async function openCase(
  t: CaseTestApp,
  o: ArrivalOptions = {},
): Promise<{ caseId: string; personRef: string; data: ReturnType<typeof arrival> }> {
  const data = arrival(o);
  await t.publish('person.arrived.v1', data.personRef, data);
  const caseId = await eventually(async () => {
    const rows = (await t.sql.query('SELECT case_id FROM case_record WHERE person_ref = $1', [data.personRef])).rows;
    if (rows.length !== 1) throw new Error('case not opened yet');
    return rows[0].case_id as string;
  });
  return { caseId, personRef: data.personRef, data };
}

/** Request bodies of the case actions, valid unless a test overrides a field. */
export const bodies = {
  talk: (over: Record<string, unknown> = {}) => ({
    heldOn: daysAgo(5),
    place: 'Stadthaus Solothurn',
    interpreter: { used: true, language: 'tir' },
    durationMinutes: 60,
    topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
    languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
    supportNeed: 'special',
    offersRecommended: [
      { kind: 'regular-structure', structure: 'specific-integration-promotion' },
      { kind: 'free-text', text: 'Elternbildung' },
    ],
    ...over,
  }),
  referral: (over: Record<string, unknown> = {}) => ({
    madeOn: daysAgo(4),
    target: { kind: 'offer', offerId: 'offer-42' },
    category: 'language',
    measure: 'Deutschkurs A2',
    ...over,
  }),
  integrationTalk: (over: Record<string, unknown> = {}) => ({
    heldOn: daysAgo(3),
    place: 'Stadthaus',
    interpreter: { used: false },
    durationMinutes: 45,
    assessment: { a: 'met', b: 'met', c: 'not-met', d: 'partly-met' },
    abs2: {
      considered: true,
      disability: false,
      illness: false,
      otherWeightyCircumstances: false,
      assessment: 'Keine Umstände nach Abs. 2 ersichtlich.',
    },
    ...over,
  }),
  agreement: (over: Record<string, unknown> = {}) => ({
    concludedOn: daysAgo(3),
    goals: [{ criterion: 'c', text: 'Deutsch A2 mündlich' }],
    measures: [{ text: 'Deutschkurs A2 besuchen', category: 'language', dueOn: daysAgo(1) }],
    financing: { source: 'municipality', note: 'Gemeinde trägt die Kurskosten' },
    reviewOn: daysAgo(-60),
    ...over,
  }),
  review: (outcome = 'not-fulfilled') => ({
    reviewedOn: daysAgo(1),
    outcome,
    reasons: 'Kurs nicht besucht, keine Entschuldigung.',
  }),
  report: (agreementId: string) => ({
    reportedOn: daysAgo(0),
    reason: { kind: 'agreement-not-fulfilled', agreementId, statement: 'Vereinbarung nicht erfüllt trotz Mahnung.' },
  }),
  maReview: () => ({ reviewedOn: daysAgo(0), notes: 'Integration geprüft; keine entschuldbaren Gründe.' }),
  bindingDecision: () => ({
    decidedOn: daysAgo(0),
    kind: 'binding-agreement',
    goals: [{ criterion: 'c', text: 'Deutsch A2 bis Jahresende' }],
    dueOn: daysAgo(-180),
    statement: 'Verbindliche Integrationsvereinbarung nach VZAE Art. 77g.',
  }),
};

/** Drives a case from first information to a report; returns the ids created on the way. */
export async function caseUpToReport(
  t: CaseTestApp,
  caseId: string,
  user: Parameters<CaseTestApp['call']>[0] = 'ib.solothurn',
) {
  const ok = async (path: string, body: unknown) => {
    const r = await t.call(user, 'POST', `/api/v1/cases/${caseId}${path}`, body);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await ok('/first-information/talk', bodies.talk());
  await ok('/integration-talks', bodies.integrationTalk());
  const withAgreement = await ok('/agreements', bodies.agreement());
  const agreementId = withAgreement.agreements[0].agreementId as string;
  await ok(`/agreements/${agreementId}/review`, bodies.review());
  const reported = await ok('/migrationsamt-reports', bodies.report(agreementId));
  return { agreementId, reportId: reported.reports[0].reportId as string };
}
