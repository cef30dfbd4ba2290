/**
 * How each catalogue figure is projected from the event log: per event type, which date, variant, key and
 * amount a fact gets. One SQL statement per rule, run over a set of log rows (`$where` on `l`), so that the live
 * consumer and a full rebuild run exactly the same projection. Rules run in this order: `first-information-days`
 * reads the `arrivals` facts of the same case.
 */
export interface FactRule {
  readonly figure: string;
  readonly type: string;
  /** SQL date expression over `d` (the event data). */
  readonly date: string;
  readonly variant?: string;
  /** Unique per figure: a redelivered or household-shared event adds nothing (default: the event id). */
  readonly key?: string;
  readonly amount?: string;
  readonly where?: string;
  /** Extra FROM items (joined by the rule's `where`). */
  readonly join?: string;
}

const FI = 'case.first-information-completed.v1';
const swissDay = (instant: string) => `((${instant})::timestamptz AT TIME ZONE 'Europe/Zurich')::date`;

export const FACT_RULES: readonly FactRule[] = [
  { figure: 'arrivals', type: 'case.opened.v1', date: `d->>'registrationDate'`, key: `'case:' || (d->>'caseId')` },
  {
    figure: 'first-information',
    type: FI,
    date: `d->>'completedOn'`,
    variant: `d->>'form'`,
    key: `'case:' || (d->>'caseId')`,
  },
  {
    figure: 'first-information-deadline',
    type: FI,
    date: `d->>'completedOn'`,
    key: `'case:' || (d->>'caseId')`,
    variant: `CASE WHEN (d->>'withinDeadline')::boolean THEN 'within' ELSE 'late' END`,
  },
  {
    figure: 'first-information-days',
    type: FI,
    date: `d->>'completedOn'`,
    key: `'case:' || (d->>'caseId')`,
    amount: `(d->>'completedOn')::date - arr.on_date`,
    // Only an arrival logged before: a live batch and a rebuild chunk then agree whatever their bounds.
    join: `JOIN figure_fact arr ON arr.figure = 'arrivals' AND arr.case_id = d->>'caseId' AND arr.seq < l.seq`,
  },
  {
    figure: 'first-information-talks',
    type: FI,
    date: `d->>'completedOn'`,
    key: `'fi:' || (d->'talk'->>'talkId')`,
    where: `d->>'form' = 'talk'`,
  },
  {
    figure: 'interpreter-talks',
    type: FI,
    date: `d->>'completedOn'`,
    key: `'fi:' || (d->'talk'->>'talkId')`,
    variant: `coalesce(d->'talk'->'interpreter'->>'language', 'und')`,
    where: `(d->'talk'->'interpreter'->>'used')::boolean`,
  },
  {
    figure: 'interpreter-talks',
    type: 'case.integration-talk-held.v1',
    date: `d->>'heldOn'`,
    key: `'it:' || (d->>'talkId')`,
    variant: `coalesce(d->'interpreter'->>'language', 'und')`,
    where: `(d->'interpreter'->>'used')::boolean`,
  },
  {
    figure: 'integration-talks',
    type: 'case.integration-talk-held.v1',
    date: `d->>'heldOn'`,
    variant: `CASE WHEN (d->>'talkNumber')::int = 1 THEN 'first' ELSE 'follow-up' END`,
  },
  { figure: 'agreements', type: 'case.agreement-concluded.v1', date: `d->>'concludedOn'` },
  {
    figure: 'agreement-reviews',
    type: 'case.agreement-reviewed.v1',
    date: `d->>'reviewedOn'`,
    variant: `d->>'outcome'`,
  },
  {
    figure: 'migrationsamt-reports',
    type: 'case.reported-to-migrationsamt.v1',
    date: `d->>'reportedOn'`,
    variant: `d->>'reasonKind'`,
  },
  {
    figure: 'migrationsamt-decisions',
    type: 'case.migrationsamt-decision-recorded.v1',
    date: `d->>'decidedOn'`,
    variant: `d->>'decision'`,
  },
  {
    figure: 'dfpa-handovers',
    type: 'dfpa.case-accepted.v1',
    date: `d->>'acceptedOn'`,
    variant: `'accepted'`,
    key: `'handover:' || (d->>'handoverId')`,
  },
  {
    figure: 'dfpa-handovers',
    type: 'dfpa.case-rejected.v1',
    date: `d->>'rejectedOn'`,
    variant: `'rejected'`,
    key: `'handover:' || (d->>'handoverId')`,
  },
  { figure: 'dfpa-exits', type: 'dfpa.case-returned.v1', date: `d->>'returnedOn'`, variant: `d->>'reasonCode'` },
  {
    figure: 'dfpa-cases-opened',
    type: 'dfpa.case-opened.v1',
    date: `d->>'openedOn'`,
    key: `'dfpa:' || (d->>'dfpaCaseId')`,
  },
  {
    figure: 'dfpa-assessments',
    type: 'dfpa.assessment-completed.v1',
    date: `d->>'assessedOn'`,
    variant: `d->>'employability'`,
  },
  {
    figure: 'dfpa-plans',
    type: 'dfpa.plan-agreed.v1',
    date: `d->>'agreedOn'`,
    variant: `CASE WHEN (d->>'planVersion')::int = 1 THEN 'first' ELSE 'revised' END`,
  },
  {
    figure: 'dfpa-measures',
    type: 'dfpa.measure-started.v1',
    date: `d->>'startedOn'`,
    variant: `d->>'kipArea'`,
    amount: `(d->>'costRappen')::bigint`,
    key: `'measure:' || (d->>'measureId')`,
  },
  { figure: 'dfpa-rav-reports', type: 'dfpa.rav-reported.v1', date: `d->>'reportedOn'` },
  { figure: 'dfpa-placements', type: 'dfpa.placement-recorded.v1', date: `d->>'placedOn'`, variant: `d->>'kind'` },
  {
    figure: 'dfpa-closed',
    type: 'dfpa.case-closed.v1',
    date: `d->>'closedOn'`,
    variant: `d->>'exitReason'`,
    key: `'dfpa:' || (d->>'dfpaCaseId')`,
  },
  {
    figure: 'offer-participations',
    type: 'offer.participation-recorded.v1',
    date: `d->>'on'`,
    variant: `d->>'category'`,
    key: `'participation:' || (d->>'referralId')`,
  },
  {
    figure: 'mentoring-tandems',
    type: 'mentoring.tandem-activated.v1',
    date: `d->>'on'`,
    key: `'tandem:' || (d->>'tandemId')`,
  },
  {
    figure: 'mentoring-tandems-ended',
    type: 'mentoring.tandem-ended.v1',
    date: `d->>'on'`,
    variant: `d->>'outcome'`,
    key: `'tandem:' || (d->>'tandemId')`,
  },
  { figure: 'referrals', type: 'case.referral-made.v1', date: `d->>'madeOn'`, variant: `d->>'category'` },
  {
    figure: 'cases-closed',
    type: 'case.closed.v1',
    date: `d->>'closedOn'`,
    variant: `d->>'reason'`,
    key: `'case:' || (d->>'caseId')`,
  },
  {
    figure: 'subsidies-approved',
    type: 'subsidy.claim-approved.v1',
    date: swissDay(`d->>'approvedAt'`),
    amount: `(d->>'payableRappen')::bigint`,
    key: `'claim:' || (d->>'claimId')`,
  },
  {
    figure: 'subsidies-paid',
    type: 'subsidy.claim-paid.v1',
    date: `d->>'paidOn'`,
    amount: `(d->>'payableRappen')::bigint`,
    key: `'claim:' || (d->>'claimId')`,
  },
];

/** The event types any rule reads. */
export const PROJECTED_TYPES: ReadonlySet<string> = new Set(FACT_RULES.map((r) => r.type));

const AGE = (date: string) => `CASE WHEN a->>'birthYear' IS NULL THEN 'unknown'
  WHEN extract(year FROM ${date})::int - (a->>'birthYear')::int < 16 THEN '0-15'
  WHEN extract(year FROM ${date})::int - (a->>'birthYear')::int < 26 THEN '16-25'
  WHEN extract(year FROM ${date})::int - (a->>'birthYear')::int < 56 THEN '26-55' ELSE '56+' END`;

/**
 * The INSERT of one rule over the log rows `where` selects (an SQL condition on `l`, with parameters).
 * Breakdown attributes come from the event's `attributes` (case events); events without them count as `unknown`.
 */
export function factInsert(rule: FactRule, where: string): string {
  const date = `(${rule.date})::date`;
  return `
    INSERT INTO figure_fact (figure, fact_key, seq, event_id, event_type, variant, on_date, municipality, case_id, eu_efta, permit, nat_group, age_group, sex, amount)
    SELECT '${rule.figure}', ${rule.key ?? 'l.event_id'}, l.seq, l.event_id, l.type, ${rule.variant ?? `''`}, ${date},
           (d->>'municipality')::int, d->>'caseId',
           CASE WHEN a IS NULL THEN 'unknown' WHEN (a->>'euEfta')::boolean THEN 'eu-efta' ELSE 'third-country' END,
           CASE WHEN a IS NULL THEN 'unknown' ELSE coalesce(a->>'permitAusweis', 'none') END,
           coalesce(cg.nationality_group, 'unknown'),
           ${AGE(date)},
           coalesce(a->>'sex', 'unknown'),
           ${rule.amount ?? 'NULL'}
    FROM event_log l
    CROSS JOIN LATERAL (SELECT l.data AS d, l.data->'attributes' AS a) x
    LEFT JOIN country_group cg ON cg.bfs_code = (a->'nationality'->>'bfsCode')::int
    ${rule.join ?? ''}
    WHERE l.type = '${rule.type}' AND (${where}) AND d->>'municipality' IS NOT NULL ${rule.where ? `AND (${rule.where})` : ''}
    ORDER BY l.seq
    ON CONFLICT (figure, fact_key) DO NOTHING`;
}

/** Adds the facts `where` selects (an SQL condition on `f`) to the monthly cells, once without and once per breakdown. */
export function cellUpsert(where: string): string {
  return `
    INSERT INTO figure_cell (figure, variant, month, municipality, dim, dim_value, n, amount)
    SELECT f.figure, f.variant, date_trunc('month', f.on_date)::date, f.municipality, b.dim, b.value, count(*), coalesce(sum(f.amount), 0)
    FROM figure_fact f
    CROSS JOIN LATERAL (VALUES ('', ''), ('euEfta', f.eu_efta), ('permit', f.permit), ('nationalityGroup', f.nat_group),
                               ('ageGroup', f.age_group), ('sex', f.sex)) b(dim, value)
    WHERE ${where}
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (figure, dim, month, municipality, variant, dim_value)
    DO UPDATE SET n = figure_cell.n + EXCLUDED.n, amount = figure_cell.amount + EXCLUDED.amount`;
}
