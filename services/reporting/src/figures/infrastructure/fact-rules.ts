/**
 * How each catalogue figure is projected from the event log: per event type, which date, variant, key and
 * amount a fact gets. The rules become set-based SQL over a set of log rows (`where` on `l`): one statement for all
 * plain rules (the log rows joined to the rules of their type), then one per rule that reads other facts
 * (`first-information-days` reads the `arrivals` facts of the same case). The live consumer and a full rebuild run
 * the same statements; where two facts of a figure share a key, the one of the earlier log position counts, in both.
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
  /** Extra FROM items over the facts table named (joined by the rule's `where`); such a rule runs after the plain ones. */
  readonly join?: (facts: string) => string;
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
    join: (facts) => `JOIN ${facts} arr ON arr.figure = 'arrivals' AND arr.case_id = d->>'caseId' AND arr.seq < l.seq`,
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

const FACT_COLUMNS =
  'figure, fact_key, seq, event_id, event_type, variant, on_date, municipality, case_id, eu_efta, permit, nat_group, age_group, sex, amount';

/** The breakdown attributes of a fact, from the event's `attributes` (case events); without them `unknown`. */
const ATTRIBUTE_COLUMNS = `
  CASE WHEN a IS NULL THEN 'unknown' WHEN (a->>'euEfta')::boolean THEN 'eu-efta' ELSE 'third-country' END AS eu_efta,
  CASE WHEN a IS NULL THEN 'unknown' ELSE coalesce(a->>'permitAusweis', 'none') END AS permit,
  coalesce(cg.nationality_group, 'unknown') AS nat_group, a, coalesce(a->>'sex', 'unknown') AS sex`;

const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The fact rows of the plain `rules` for the log rows `where` selects, ordered by log position: every log row is
 * joined to the rules of its type (a hash join on the type), each rule's expressions chosen by its number.
 */
function plainFactsSelect(rules: readonly FactRule[], where: string): string {
  const numbered = rules.map((rule) => ({ rule, n: FACT_RULES.indexOf(rule) }));
  const pick = (expr: (r: FactRule) => string) =>
    `CASE ru.n ${numbered.map(({ rule, n }) => `WHEN ${n} THEN ${expr(rule)}`).join(' ')} END`;
  const values = numbered.map(({ rule, n }) => `(${n}, ${lit(rule.type)}, ${lit(rule.figure)})`).join(', ');
  return `
    SELECT figure, fact_key, seq, event_id, type, variant, on_date, municipality, case_id, eu_efta, permit, nat_group, ${AGE('on_date')}, sex, amount
    FROM (
      SELECT ru.figure, ${pick((r) => r.key ?? 'l.event_id')} AS fact_key, l.seq, l.event_id, l.type,
             ${pick((r) => `(${r.variant ?? `''`})::text`)} AS variant, ${pick((r) => `(${r.date})::date`)} AS on_date,
             (d->>'municipality')::int AS municipality, d->>'caseId' AS case_id, ${ATTRIBUTE_COLUMNS},
             ${pick((r) => `(${r.amount ?? 'NULL'})::bigint`)} AS amount
      FROM event_log l
      JOIN (VALUES ${values}) ru(n, type, figure) ON ru.type = l.type
      CROSS JOIN LATERAL (SELECT l.data AS d, l.data->'attributes' AS a) x
      LEFT JOIN country_group cg ON cg.bfs_code = (a->'nationality'->>'bfsCode')::int
      WHERE (${where}) AND d->>'municipality' IS NOT NULL AND ${pick((r) => (r.where ? `(${r.where})` : 'true'))}
    ) f`;
}

/** The fact rows of one rule that reads other facts (`facts`: the table it reads), for the log rows `where` selects. */
function joinedFactsSelect(rule: FactRule, facts: string, where: string): string {
  const date = `(${rule.date})::date`;
  return `
    SELECT ${lit(rule.figure)} AS figure, ${rule.key ?? 'l.event_id'} AS fact_key, l.seq, l.event_id, l.type, (${rule.variant ?? `''`})::text AS variant,
           ${date} AS on_date, (d->>'municipality')::int AS municipality, d->>'caseId' AS case_id,
           CASE WHEN a IS NULL THEN 'unknown' WHEN (a->>'euEfta')::boolean THEN 'eu-efta' ELSE 'third-country' END,
           CASE WHEN a IS NULL THEN 'unknown' ELSE coalesce(a->>'permitAusweis', 'none') END,
           coalesce(cg.nationality_group, 'unknown'), ${AGE(date)}, coalesce(a->>'sex', 'unknown'), (${rule.amount ?? 'NULL'})::bigint AS amount
    FROM event_log l
    CROSS JOIN LATERAL (SELECT l.data AS d, l.data->'attributes' AS a) x
    LEFT JOIN country_group cg ON cg.bfs_code = (a->'nationality'->>'bfsCode')::int
    ${rule.join?.(facts) ?? ''}
    WHERE l.type = ${lit(rule.type)} AND (${where}) AND d->>'municipality' IS NOT NULL ${rule.where ? `AND (${rule.where})` : ''}`;
}

/**
 * The statements that add the facts of `rules` for the log rows `where` selects to `facts`, plain rules first.
 * `mode` 'live': into a table with its key, in log order, a key already there wins (ON CONFLICT DO NOTHING).
 * 'rebuild': into an empty table without indexes, the first log position of each key chosen in the query.
 */
export function factStatements(
  rules: readonly FactRule[],
  where: string,
  facts: string,
  mode: 'live' | 'rebuild',
): string[] {
  const plain = rules.filter((r) => !r.join);
  const selects = [
    ...(plain.length ? [plainFactsSelect(plain, where)] : []),
    ...rules.filter((r) => r.join).map((r) => joinedFactsSelect(r, facts, where)),
  ];
  return selects.map((select) =>
    mode === 'live'
      ? `INSERT INTO ${facts} (${FACT_COLUMNS}) SELECT * FROM (${select}) s ORDER BY seq ON CONFLICT (figure, fact_key) DO NOTHING`
      : `INSERT INTO ${facts} (${FACT_COLUMNS}) SELECT DISTINCT ON (figure, fact_key) * FROM (${select}) s ORDER BY figure, fact_key, seq`,
  );
}

/**
 * Sums the facts `where` selects (an SQL condition on `f`) into monthly cells, once without and once per breakdown
 * (grouping sets: one pass over the facts). 'live' adds them to the counters there; 'rebuild' fills an empty table.
 */
export function cellStatement(where: string, facts: string, cells: string, mode: 'live' | 'rebuild'): string {
  return `
    INSERT INTO ${cells} (figure, variant, month, municipality, dim, dim_value, n, amount)
    SELECT figure, variant, month, municipality,
           CASE WHEN GROUPING(eu_efta) = 0 THEN 'euEfta' WHEN GROUPING(permit) = 0 THEN 'permit'
                WHEN GROUPING(nat_group) = 0 THEN 'nationalityGroup' WHEN GROUPING(age_group) = 0 THEN 'ageGroup'
                WHEN GROUPING(sex) = 0 THEN 'sex' ELSE '' END,
           coalesce(eu_efta, permit, nat_group, age_group, sex, ''), count(*), coalesce(sum(amount), 0)
    FROM (SELECT figure, variant, date_trunc('month', on_date)::date AS month, municipality, eu_efta, permit, nat_group, age_group, sex, amount
          FROM ${facts} f WHERE ${where}) f
    GROUP BY figure, variant, month, municipality, GROUPING SETS ((), (eu_efta), (permit), (nat_group), (age_group), (sex))
    ${
      mode === 'live'
        ? `ON CONFLICT (figure, dim, month, municipality, variant, dim_value)
           DO UPDATE SET n = ${cells}.n + EXCLUDED.n, amount = ${cells}.amount + EXCLUDED.amount`
        : ''
    }`;
}
