// Benchmark of the Angebotsplattform and the Mentoring-Pools: `bash infra/scripts/bench.sh offers` (npm run bench:offers).
// Prints figures, asserts nothing. The offers service runs as built (dist/main.js) on a throw-away database seeded with
// BENCH_OFFERS offers (default 20,000) in four languages across ten municipalities, BENCH_MENTORS mentors (2,000) and
// BENCH_REQUESTS open requests (500) in the pool olten. Measured in one run: public search at BENCH_RATE requests/s
// (default 200) for BENCH_SECONDS (20) with ~40 query/filter variants, beside a plain lookup of one offer by id at the
// same rate (the ratio); before it, each search variant's first answer (a miss of the service's answer cache);
// suggestions for one request among the mentors (sequential); the optimal assignment of all open requests of the pool;
// the service's peak resident memory.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { connect } from 'amqplib';
import pg from 'pg';
import { startDevOidc } from '@si/dev-oidc';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, freePort, ServiceProcess } from '@si/testing';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 20_000);
const MENTORS = Number(process.env.BENCH_MENTORS ?? 2_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

// Ten municipalities with their centres (as in services/offers/src/shared/municipality-coordinates.ts) and names.
const PLACES = `(VALUES (0, 2601, 'Solothurn', 'Soleure', 47.2088, 7.5323), (1, 2581, 'Olten', 'Olten', 47.3499, 7.9077), (2, 2546, 'Grenchen', 'Granges', 47.1921, 7.3959),
  (3, 2513, 'Biberist', 'Biberist', 47.1815, 7.5586), (4, 2534, 'Zuchwil', 'Zuchwil', 47.2022, 7.5627), (5, 2422, 'Balsthal', 'Balsthal', 47.3158, 7.6933),
  (6, 2473, 'Dornach', 'Dornach', 47.4806, 7.6167), (7, 2613, 'Breitenbach', 'Breitenbach', 47.4072, 7.5453), (8, 2500, 'Trimbach', 'Trimbach', 47.3654, 7.8858),
  (9, 2583, 'Schönenwerd', 'Schönenwerd', 47.3702, 8.0029)) AS p(k, bfs, de, fr, lat, lon)`;
const REGION = `CASE p.bfs WHEN 2601 THEN 'solothurn' WHEN 2581 THEN 'olten' WHEN 2500 THEN 'olten' WHEN 2546 THEN 'oberer-leberberg' WHEN 2473 THEN 'dorneck'
  WHEN 2613 THEN 'thierstein' WHEN 2422 THEN 'thal-gaeu' WHEN 2583 THEN 'unteres-niederamt' WHEN 2534 THEN 'zuchwil-luterbach' ELSE 'biberist-bucheggberg-lohn-ammannsegg' END`;

/** Offers generated in SQL with the columns and content shape the service writes (OfferRepository.save). */
export async function seedOffers(db: pg.Client): Promise<string[]> {
  await db.query(`INSERT INTO provider (id, name, kind, contact, address) SELECT 'bench-' || i, 'Bench-Anbieter ' || i, 'association',
    '{"email": "kurse@bench.example"}', '{"street": "Bielstrasse 1", "postcode": "4500", "place": "Solothurn"}' FROM generate_series(1, 20) i`);
  await db.query(`
    INSERT INTO offer (id, provider_id, status, version, content, translation_status, original_language, category, cefr_from, cefr_to, languages_held,
      municipalities, regions, online, lat, lon, starts_on, ends_on, free_of_charge, childcare, published_at, last_confirmed_on, confirmation_due_on)
    SELECT gen_random_uuid(), 'bench-' || (1 + i % 20), 'published', 1,
      jsonb_build_object('originalLanguage', 'de', 'texts', '{}'::jsonb, 'category', c.category,
        'cefrFrom', CASE WHEN c.category = 'language' THEN (ARRAY['pre-A1','A1','A2','B1'])[1 + i % 4] END,
        'cefrTo', CASE WHEN c.category = 'language' THEN (ARRAY['A1','A2','B1','B2'])[1 + i % 4] END,
        'tags', '[]'::jsonb, 'languagesHeld', jsonb_build_array((ARRAY['deu','fra','ita','eng'])[1 + i % 4], 'deu'),
        'targetGroup', '{"womenOnly": false, "parents": false, "refugees": true, "everyone": true}'::jsonb,
        'locations', jsonb_build_array(jsonb_build_object('street', 'Hauptgasse ' || i, 'postcode', '4500', 'place', p.de, 'municipality', p.bfs, 'lat', p.lat, 'lon', p.lon)),
        'online', false, 'regions', '[]'::jsonb,
        'schedule', jsonb_build_object('start', (current_date + (i % 200) - 30)::text, 'end', (current_date + 200 + i % 100)::text),
        'freePlaces', i % 15, 'cost', jsonb_build_object('priceRappen', CASE WHEN i % 5 = 0 THEN 0 ELSE 5000 + (i % 20) * 1000 END, 'subsidised', i % 3 = 0),
        'childcare', CASE WHEN i % 4 = 0 THEN 'on-site' ELSE 'none' END, 'accessibility', 'unknown',
        'registration', jsonb_build_object('url', 'https://bench.example/o/' || i)),
      '{"de": "original", "fr": "translated", "it": "translated", "en": "translated"}', 'de', c.category,
      CASE WHEN c.category = 'language' THEN i % 4 END, CASE WHEN c.category = 'language' THEN 1 + i % 4 END,
      ARRAY[(ARRAY['deu','fra','ita','eng'])[1 + i % 4], 'deu'], ARRAY[p.bfs], ARRAY[${REGION}], false, p.lat, p.lon,
      current_date + (i % 200) - 30, current_date + 200 + i % 100, i % 5 = 0, i % 4 = 0, now(), current_date, current_date + 365
    FROM generate_series(1, ${OFFERS}) i
    CROSS JOIN LATERAL (SELECT (ARRAY['language','early-childhood','work-readiness','living-together','counselling','interpreting','first-information'])[1 + i % 7] AS category) c
    JOIN ${PLACES} ON p.k = i % 10`);
  // Four texts per offer; the words vary with the offer's number so that queries match a few hundred, not all.
  await db.query(`
    INSERT INTO offer_text (offer_id, lang, title, summary, description, places)
    SELECT o.id, t.lang, t.title || ' ' || o.municipalities[1] % 97 || '-' || n, t.summary, t.description, p.de || ' ' || p.fr
    FROM (SELECT id, municipalities, row_number() OVER (ORDER BY id) AS n FROM offer) o
    JOIN ${PLACES} ON p.bfs = o.municipalities[1]
    CROSS JOIN LATERAL (VALUES
      ('de', (ARRAY['Deutschkurs für Mütter','Elterncafé','Bewerbungstraining','Nähtreff für Frauen','Sprachcafé Deutsch','Beratung für Familien','Computerkurs','Französischkurs'])[1 + n % 8],
             'Angebot in ' || p.de || ' für Neuzugezogene', 'Regelmässige Treffen mit Kinderhütedienst und Beratung zu Schule, Arbeit und Wohnen.'),
      ('fr', (ARRAY['Cours d''allemand pour mères','Café des parents','Atelier de candidature','Atelier couture pour femmes','Café linguistique','Conseil aux familles','Cours d''informatique','Cours de français'])[1 + n % 8],
             'Offre à ' || p.fr || ' pour nouveaux arrivants', 'Rencontres régulières avec garde d''enfants et conseils sur l''école, le travail et le logement.'),
      ('it', (ARRAY['Corso di tedesco per madri','Caffè dei genitori','Laboratorio candidature','Laboratorio di cucito','Caffè linguistico','Consulenza alle famiglie','Corso di informatica','Corso di francese'])[1 + n % 8],
             'Offerta a ' || p.de || ' per nuovi arrivati', 'Incontri regolari con custodia dei bambini e consulenza su scuola, lavoro e alloggio.'),
      ('en', (ARRAY['German course for mothers','Parents café','Job application training','Sewing group for women','Language café','Family counselling','Computer course','French course'])[1 + n % 8],
             'Offer in ' || p.de || ' for newcomers', 'Regular meetings with childcare and advice on school, work and housing.')
    ) AS t(lang, title, summary, description)`);
  await db.query('ANALYZE offer; ANALYZE offer_text');
  return (await db.query('SELECT id FROM offer ORDER BY random() LIMIT 500')).rows.map((r: { id: string }) => r.id);
}

export async function seedMentoring(db: pg.Client): Promise<string> {
  const slots = `ARRAY['mo-evening','tu-evening','we-evening','th-evening','fr-evening','sa-morning','sa-afternoon','su-afternoon']`;
  const interests = `ARRAY['kochen','wandern','lesen','musik','fussball','garten','arbeit','schule']`;
  await db.query(`
    INSERT INTO mentor (id, pool_id, name, email, consent_on, languages, municipality, interests, availability, capacity, gender)
    SELECT gen_random_uuid(), 'olten', 'Mentor ' || i, NULL, current_date - 30,
      jsonb_build_array('{"code": "deu", "level": "native"}'::jsonb, jsonb_build_object('code', (ARRAY['eng','fra','ita','tir','ara','tur'])[1 + i % 6], 'level', (ARRAY['A2','B1','B2','C1'])[1 + i % 4])),
      (ARRAY[2581, 2500, 2583, 2601, 2546])[1 + i % 5], ARRAY[(${interests})[1 + i % 8], (${interests})[1 + (i / 8) % 8]],
      ARRAY[(${slots})[1 + i % 8], (${slots})[1 + (i / 3) % 8]], 1 + i % 3, (ARRAY['female','male','diverse'])[1 + i % 3]
    FROM generate_series(1, ${MENTORS}) i`);
  await db.query(`
    INSERT INTO mentoring_request (id, pool_id, case_id, mentee_ref, municipality, languages, goals, interests, availability, hard, soft, status, created_by)
    SELECT gen_random_uuid(), 'olten', NULL, 'p-bench-' || i, (ARRAY[2581, 2500, 2583])[1 + i % 3],
      jsonb_build_array(jsonb_build_object('code', (ARRAY['eng','fra','ita','tir','ara','tur'])[1 + i % 6], 'level', 'B1')),
      ARRAY['arbeit'], ARRAY[(${interests})[1 + i % 8]], ARRAY[(${slots})[1 + i % 8], (${slots})[1 + (i + 3) % 8]],
      CASE WHEN i % 4 = 0 THEN '{"mentorGender": "female"}'::jsonb ELSE '{}'::jsonb END, '{}'::jsonb, 'open', 'bench'
    FROM generate_series(1, ${REQUESTS}) i`);
  return (await db.query('SELECT id FROM mentoring_request ORDER BY id LIMIT 1')).rows[0].id as string;
}

/** ~40 public searches as readers send them: words in four languages (some without accents or with a typo), filters, pages. */
export function searchPaths(): string[] {
  const words = [
    'deutschkurs',
    'cours francais',
    'corso tedesco',
    'german course',
    'elterncafe',
    'cafe des parents',
    'bewerbung',
    'couture',
    'Deutshkurs',
    'soleure',
    'olten',
    'familien beratung',
    'computer',
    'informatica',
    'sprachcafe',
    'mütter',
  ];
  const filters = [
    '',
    '&category=language',
    '&category=language&cefr=A2',
    '&free=true',
    '&childcare=true',
    '&municipality=2601',
    '&region=olten',
    '&held=fra',
    '&near=2601&radiusKm=10&sort=distance',
    '&sort=start&page=3',
  ];
  const langs = ['de', 'fr', 'it', 'en'];
  const paths: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const q = i % 5 === 4 ? '' : `q=${encodeURIComponent(words[i % words.length]!)}`;
    paths.push(`/api/v1/public/offers?${q}&lang=${langs[i % 4]}${filters[i % filters.length]}`);
  }
  return paths;
}

function peakMemoryMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function timed(n: number, call: () => Promise<Response>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    const r = await call();
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  console.log(
    `offers benchmark on ${cpus().length} cores (${cpus()[0]?.model}), ${fmt(totalmem() / 2 ** 30)} GiB, load ${loadavg()
      .map((l) => fmt(l))
      .join(' ')}`,
  );
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const oidc = await startDevOidc({ port: 0 });
  const db = await createTestDatabase('offers');
  const service = new ServiceProcess('offers', await freePort(), {
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATOR_URL: db.migratorUrl,
    SI_MESSAGING_PREFIX: prefix,
    OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    OFFERS_JOBS_PREFIX: `${prefix}bull`,
    OFFERS_JOBS_ENABLED: 'false',
    OFFERS_PUBLIC_RATE_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
  });
  const sql = new pg.Client({ connectionString: db.migratorUrl });
  try {
    await service.start(120_000);
    await sql.connect();
    let t0 = performance.now();
    const ids = await seedOffers(sql);
    console.log(
      `seeded ${OFFERS.toLocaleString('en-US')} offers × 4 languages in ${fmt((performance.now() - t0) / 1000)} s`,
    );
    t0 = performance.now();
    const requestId = await seedMentoring(sql);
    console.log(`seeded ${MENTORS} mentors and ${REQUESTS} open requests in ${fmt((performance.now() - t0) / 1000)} s`);

    const run = async (label: string, paths: string[]) => {
      // overallRate (autocannon 9: requests per second across all connections) is beyond the typed options of dfpa-autocannon.d.ts.
      const options = {
        url: service.url,
        connections: 20,
        overallRate: RATE,
        duration: SECONDS,
        requests: paths.map((path) => ({ method: 'GET', path })),
      };
      const r = await autocannon(options);
      console.log(
        `${label}: ${fmt(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
      );
      return r;
    };
    // Each variant once, in turn, on an empty answer cache: what the first reader of a question (or of a question
    // after a publication) waits for; it also warms the plan cache and the answer cache for the run at rate.
    const cold: number[] = [];
    for (const path of searchPaths()) {
      const t = performance.now();
      const r = await fetch(`${service.url}${path}`);
      await r.arrayBuffer();
      cold.push(performance.now() - t);
    }
    cold.sort((a, b) => a - b);
    console.log(
      `public search, first answer of each of the 40 variants (cache miss, sequential): p50 ${fmt(pct(cold, 50))} ms, max ${fmt(cold.at(-1) ?? Number.NaN)} ms`,
    );
    const search = await run(
      `public search at ${RATE}/s over ${OFFERS.toLocaleString('en-US')} offers (40 query/filter variants, facets, page of 20)`,
      searchPaths(),
    );
    const lookup = await run(
      `plain lookup of one offer by id at ${RATE}/s`,
      ids.map((id) => `/api/v1/public/offers/${id}?lang=fr`),
    );
    console.log(
      `ratio search/lookup: p50 ${fmt(search.latency.p50 / Math.max(1, lookup.latency.p50))}×, p99 ${fmt(search.latency.p99 / Math.max(1, lookup.latency.p99))}×`,
    );

    const login = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'si-cli',
        username: 'mp.olten',
        password: 'demo',
      }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const headers = { authorization: `Bearer ${token}` };
    const suggest = await timed(50, () =>
      fetch(`${service.url}/api/v1/mentoring/requests/${requestId}/suggestions`, { headers }),
    );
    console.log(
      `suggestions for one request among ${MENTORS} mentors (HTTP, sequential ×50): p50 ${fmt(pct(suggest, 50))} ms, p99 ${fmt(pct(suggest, 99))} ms`,
    );
    const assign = await timed(3, () => fetch(`${service.url}/api/v1/mentoring/pools/olten/assignment`, { headers }));
    const plan = (await (
      await fetch(`${service.url}/api/v1/mentoring/pools/olten/assignment`, { headers })
    ).json()) as { unassigned: number };
    console.log(
      `optimal assignment of ${REQUESTS} requests to ${MENTORS} mentors (HTTP, ×3): ${assign.map((ms) => fmt(ms / 1000, 2)).join(' s, ')} s; unassigned ${plan.unassigned}`,
    );
    console.log(
      `offers service peak memory (VmHWM): ${fmt(peakMemoryMb(service.pid), 0)} MB; load after ${loadavg()
        .map((l) => fmt(l))
        .join(' ')}`,
    );
  } finally {
    await sql.end().catch(() => undefined);
    await service.stop().catch(() => undefined);
    const amqp = await connect(AMQP_URL).catch(() => undefined);
    if (amqp) {
      await deleteTopology(await amqp.createChannel(), resolveTopology(loadTopology(), prefix)).catch(() => undefined);
      await amqp.close().catch(() => undefined);
    }
    await oidc.close();
    await db.drop();
  }
}

// Runs when started as the benchmark; the seeders and query variants may be imported for a closer look.
if (import.meta.url === `file://${process.argv[1]}`) await main();
