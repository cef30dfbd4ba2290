// One million cases for the benchmark, written straight into the database the service then reads.
import pg from 'pg';
import { fmt, now, say, SOLOTHURN } from './bench-support.js';

export const SURNAMES = [
  'Tesfay',
  'Haile',
  'Berhane',
  'Yilmaz',
  'Kaya',
  'Demir',
  'Krasniqi',
  'Berisha',
  'Hoxha',
  'Silva',
  'Santos',
  'Ferreira',
  'Nguyen',
  'Tran',
  'Rossi',
  'Russo',
  'Kovac',
  'Horvat',
  'Petrovic',
  'Jovanovic',
  'Ahmadi',
  'Hosseini',
  'Rahimi',
  'Mohammadi',
  'Ali',
  'Hassan',
  'Ibrahim',
  'Omar',
  'Kumar',
  'Singh',
  'Wang',
  'Zhang',
  'Li',
  'Garcia',
  'Martinez',
  'Lopez',
  'Kowalski',
  'Nowak',
  'Popescu',
  'Ionescu',
  'Shevchenko',
  'Bondarenko',
  'Mahmoud',
  'Abdi',
  'Warsame',
  'Mengistu',
  'Gebre',
  'Tekle',
];
export const FIRST = [
  'Senait',
  'Abeba',
  'Yonas',
  'Mulu',
  'Ahmet',
  'Elif',
  'Arben',
  'Drita',
  'Joao',
  'Ana',
  'Minh',
  'Lan',
  'Marco',
  'Giulia',
  'Ivan',
  'Maja',
  'Ali',
  'Fatima',
  'Reza',
  'Zahra',
  'Omar',
  'Amina',
  'Ravi',
  'Priya',
  'Wei',
  'Mei',
  'Carlos',
  'Lucia',
  'Piotr',
  'Anna',
  'Andrei',
  'Elena',
  'Olena',
  'Taras',
  'Hodan',
  'Abdirahman',
];
export const NATIONALITIES: [number, string, boolean][] = [
  [8362, 'ER', false],
  [8239, 'TR', false],
  [8256, '', false],
  [8231, 'PT', true],
  [8239, 'TR', false],
  [8507, 'AF', false],
  [8218, 'IT', true],
  [8207, 'DE', true],
  [8260, 'UA', false],
  [8512, 'IQ', false],
  [8508, 'CN', false],
  [8532, 'SY', false],
];
export const LANGUAGES = ['tir', 'tur', 'sqi', 'por', 'fas', 'ita', 'deu', 'ukr', 'ara', 'zho', 'eng', 'spa'];

export const sqlText = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]`;

export async function seed(
  migratorUrl: string,
  template: unknown,
  municipalities: number[],
  cases: number,
): Promise<number> {
  const client = new pg.Client({ connectionString: migratorUrl });
  await client.connect();
  const others = municipalities.filter((m) => m !== SOLOTHURN && m !== 2581);
  const started = now();
  const chunk = 100_000;
  for (let from = 1; from <= cases; from += chunk) {
    const to = Math.min(cases, from + chunk - 1);
    await client.query(
      `
      INSERT INTO case_record (case_id, person_ref, household_ref, arrival_key, status, phase, municipality, registration_date, opened_at,
        first_information_due, deadline_state, next_due, next_due_kind, reminder_on, nationality_bfs, nationality_iso2, eu_efta, language,
        official_name, first_name, sort_name, search_name, reported, handover_sozialregion, version, updated_at, snapshot)
      SELECT id, 'p-bench-' || g, NULL, 'p-bench-' || g || '|' || m || '|' || reg, st, ph, m, reg, reg + interval '1 day 8 hours',
        CASE WHEN pending THEN due END, CASE WHEN pending THEN 'pending' ELSE 'met' END,
        CASE WHEN pending AND st <> 'closed' THEN due ELSE 'infinity'::date END,
        CASE WHEN pending AND st <> 'closed' THEN 'first-information' END,
        CASE WHEN pending AND st <> 'closed' THEN due - 14 END,
        (ARRAY[${NATIONALITIES.map(([b]) => b).join(',')}])[n], NULLIF((${sqlText(NATIONALITIES.map(([, i]) => i))})[n], ''),
        (ARRAY[${NATIONALITIES.map(([, , e]) => e).join(',')}])[n], lang,
        sn, fn, lower(sn) || chr(1) || lower(fn), lower(sn || ' ' || fn), ph = 'sanktionieren', NULL, 1, now(),
        jsonb_set($3::jsonb, '{caseId}', to_jsonb(id::text))
      FROM (
        SELECT g, id, reg, (reg + interval '3 months')::date AS due, pending, n,
          CASE WHEN r1 < 0.10 THEN ${SOLOTHURN} WHEN r1 < 0.20 THEN 2581 ELSE (ARRAY[${others.join(',')}])[1 + floor(r2 * ${others.length})::int] END AS m,
          CASE WHEN r4 < 0.10 THEN 'closed' WHEN r4 < 0.13 THEN 'at-sozialregion' ELSE 'open' END AS st,
          CASE WHEN pending THEN 'informieren' WHEN r5 < 0.75 THEN 'foerdern' WHEN r5 < 0.97 THEN 'fordern' ELSE 'sanktionieren' END AS ph,
          (${sqlText(SURNAMES)})[1 + floor(r6 * ${SURNAMES.length})::int] AS sn,
          (${sqlText(FIRST)})[1 + floor(r7 * ${FIRST.length})::int] AS fn,
          (${sqlText(LANGUAGES)})[1 + floor(r8 * ${LANGUAGES.length})::int] AS lang
        FROM (
          -- random() in the select list of the innermost query: evaluated once per row, never hoisted.
          SELECT g, gen_random_uuid() AS id, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
            (current_date - floor(random() * 730)::int) AS reg, 1 + floor(random() * ${NATIONALITIES.length})::int AS n
          FROM generate_series($1::int, $2::int) AS g
        ) r, LATERAL (SELECT r3 < CASE WHEN reg > current_date - 100 THEN 0.8 ELSE 0.05 END AS pending) p
      ) x`,
      [from, to, JSON.stringify(template)],
    );
    say(`  seeded ${fmt(to)} / ${fmt(cases)} cases (${fmt((now() - started) / 1000, 0)} s)`);
  }
  await client.query('ANALYZE case_record');
  await client.end();
  return (now() - started) / 1000;
}
