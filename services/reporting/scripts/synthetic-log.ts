// Ten years of pseudonymous events at a scale, written straight into the event log with one INSERT per event
// type (generate_series), so that the benchmark measures projection and queries, not the generator.
import type pg from 'pg';

/** Events per person on average: opened, first information, talks, referrals, agreements, DFPA, offers, closing. */
export const EVENTS_PER_PERSON = 10;

const ATTRS = `jsonb_build_object(
  'nationality', jsonb_build_object('bfsCode', (ARRAY[8362,8218,8207,8211,8229,8505,8239,8237,8236,8100])[1 + p % 10], 'iso2', NULL),
  'permitCode', '0202', 'permitAusweis', (ARRAY['B','B','B','C','F','L','B','S'])[1 + (p / 7) % 8],
  'euEfta', (p % 10) IN (1, 2, 3), 'familyOfSwiss', false, 'sex', CASE WHEN p % 2 = 0 THEN 'female' ELSE 'male' END,
  'birthYear', 1950 + (p * 7) % 65, 'language', 'tir')`;

/** The day a person registers: spread evenly over ten years from 2017. */
const REG = `('2017-01-01'::date + ((p::bigint * 3652) / $1)::int)`;
const base = (extra: string) =>
  `jsonb_build_object('caseId', md5('c' || p)::uuid, 'personRef', 'p-' || p, 'municipality', m.bfs[1 + p % array_length(m.bfs, 1)], 'attributes', ${ATTRS}) || ${extra}`;

interface Kind {
  type: string;
  /** How many of this event a person has: an SQL expression over p (0 for none). */
  count: string;
  data: string;
}

const KINDS: Kind[] = [
  {
    type: 'case.opened.v1',
    count: '1',
    data: base(`jsonb_build_object('registrationDate', ${REG}, 'arrivalDate', ${REG})`),
  },
  {
    type: 'case.first-information-completed.v1',
    count: 'CASE WHEN p % 10 = 0 THEN 0 ELSE 1 END',
    data: base(`jsonb_build_object('form', CASE WHEN p % 3 = 0 THEN 'info-folder' ELSE 'talk' END, 'completedOn', ${REG} + (p * 7) % 120,
      'withinDeadline', (p * 7) % 120 < 92, 'talk', CASE WHEN p % 3 = 0 THEN NULL ELSE jsonb_build_object('talkId', 'fi-' || p,
      'interpreter', jsonb_build_object('used', p % 5 < 2, 'language', CASE WHEN p % 5 < 2 THEN (ARRAY['tir','ara','prs','tur','ukr'])[1 + p % 5] END)) END)`),
  },
  {
    type: 'case.integration-talk-held.v1',
    count: 'CASE WHEN p % 4 = 0 THEN 2 ELSE 0 END',
    data: base(
      `jsonb_build_object('talkId', 'it-' || p || '-' || k, 'heldOn', ${REG} + 150 + k * 60, 'interpreter', jsonb_build_object('used', false, 'language', NULL), 'talkNumber', k)`,
    ),
  },
  {
    type: 'case.referral-made.v1',
    count: '4',
    data: base(
      `jsonb_build_object('referralId', md5('r' || p || k)::uuid, 'madeOn', ${REG} + 100 + k * 20, 'category', (ARRAY['language','education-work','social','other'])[k])`,
    ),
  },
  {
    type: 'case.agreement-concluded.v1',
    count: 'CASE WHEN p % 10 = 4 THEN 1 ELSE 0 END',
    data: base(`jsonb_build_object('agreementId', 'ag-' || p, 'concludedOn', ${REG} + 300)`),
  },
  {
    type: 'case.agreement-reviewed.v1',
    count: 'CASE WHEN p % 10 = 4 THEN 1 ELSE 0 END',
    data: base(
      `jsonb_build_object('agreementId', 'ag-' || p, 'reviewedOn', ${REG} + 480, 'outcome', (ARRAY['fulfilled','partly-fulfilled','not-fulfilled'])[1 + p % 3])`,
    ),
  },
  {
    type: 'case.reported-to-migrationsamt.v1',
    count: 'CASE WHEN p % 50 = 4 THEN 1 ELSE 0 END',
    data: base(
      `jsonb_build_object('reportId', 'r-' || p, 'reportedOn', ${REG} + 500, 'reasonKind', 'agreement-not-fulfilled')`,
    ),
  },
  {
    type: 'offer.participation-recorded.v1',
    count: '2',
    data: base(
      `jsonb_build_object('referralId', md5('o' || p || k)::uuid, 'on', ${REG} + 110 + k * 20, 'category', (ARRAY['language','living-together'])[k], 'step', 'enrolled')`,
    ),
  },
  {
    type: 'dfpa.assessment-completed.v1',
    count: 'CASE WHEN p % 5 = 1 THEN 1 ELSE 0 END',
    data: base(
      `jsonb_build_object('dfpaCaseId', md5('d' || p)::uuid, 'assessedOn', ${REG} + 200, 'employability', (ARRAY['arbeitsmarktfaehig','ausbildungsfaehig','not-yet','open'])[1 + p % 4])`,
    ),
  },
  {
    type: 'case.closed.v1',
    count: 'CASE WHEN p % 2 = 0 THEN 1 ELSE 0 END',
    data: base(`jsonb_build_object('closedOn', ${REG} + 700, 'reason', 'departed-abroad')`),
  },
];

/**
 * Writes about EVENTS_PER_PERSON × persons events in `chunk`-person slices, kind by kind inside each slice so the
 * log's order is roughly the order of life (an opening before its first information). Returns the number written.
 */
export async function writeSyntheticLog(
  pool: pg.Pool,
  persons: number,
  municipalities: readonly number[],
  chunk = 50_000,
): Promise<number> {
  let written = 0;
  for (let from = 1; from <= persons; from += chunk) {
    const to = Math.min(persons, from + chunk - 1);
    for (const kind of KINDS) {
      const r = await pool.query(
        `INSERT INTO event_log (event_id, type, source, subject, occurred_at, data)
         SELECT md5($4 || p || '-' || k)::uuid::text, $4, '/si/bench', md5('c' || p)::uuid::text, now(), ${kind.data}
         FROM generate_series($2::int, $3::int) p CROSS JOIN LATERAL generate_series(1, ${kind.count}) k
         CROSS JOIN (SELECT $5::int[] AS bfs) m`,
        [persons, from, to, kind.type, municipalities],
      );
      written += r.rowCount ?? 0;
    }
  }
  return written;
}
