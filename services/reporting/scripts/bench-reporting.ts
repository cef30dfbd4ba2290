// Benchmark of reporting (issue 14 point 10): `npm run bench:reporting` (bash infra/scripts/bench.sh reporting);
// `BENCH_SCALE=10 npm run bench:reporting` for ten times Solothurn's scale. Prints figures, asserts nothing.
// On a fresh database migrated as in production:
//   1. ten years of events at the scale (60,000 persons × ~10 events) written into the event log;
//   2. full rebuild: the projections dropped and the whole log replayed (what the rebuild command runs);
//   3. ingest: new events appended and projected in transactions of 500, the consumer's handler path (the broker's
//      own share is measured by bench:backbone);
//   4. dashboard queries through the application layer (FigureQueries, as the HTTP route calls it, without HTTP and
//      token check): AGS canton dashboard, Leitgemeinde quarter, cantonal breakdown, an IB's view, a public region month.
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { AUDIT_TABLE } from '@si/audit';
import { runMigrations } from '@si/persistence';
import { allMigrations } from '@si/service';
import { createTestDatabase } from '@si/testing';
import { createDataSource } from '@si/persistence';
// The service's built modules, resolved from scripts/dist at run time (types from the service's declarations).
const built = (path: string) => import(new URL(`../../dist/${path}`, import.meta.url).href);
const { FigureQueries } = (await built(
  'figures/application/figure-queries.js',
)) as typeof import('../dist/figures/application/figure-queries.js');
const { CellSource } = (await built(
  'figures/infrastructure/cell-source.js',
)) as typeof import('../dist/figures/infrastructure/cell-source.js');
const { parsePeriod } = (await built('figures/domain/period.js')) as typeof import('../dist/figures/domain/period.js');
const { Projector } = (await built(
  'log/application/projector.js',
)) as typeof import('../dist/log/application/projector.js');
const { EventLog } = (await built(
  'log/infrastructure/event-log.js',
)) as typeof import('../dist/log/infrastructure/event-log.js');
const { ReportingReference } = (await built('shared/reference.js')) as typeof import('../dist/shared/reference.js');
const { definition } = (await built('service.definition.js')) as typeof import('../dist/service.definition.js');
import { EVENTS_PER_PERSON, writeSyntheticLog } from './synthetic-log.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const PERSONS = Math.round(60_000 * SCALE);
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);
const QUERY_ROUNDS = Number(process.env.BENCH_QUERY_ROUNDS ?? 40);
const WORKERS = Number(process.env.BENCH_REBUILD_WORKERS ?? 2);

const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

async function main(): Promise<void> {
  say(
    `reporting benchmark (issue 14), scale ${SCALE}: ${fmt(PERSONS)} persons, ~${fmt(PERSONS * EVENTS_PER_PERSON)} events over ten years`,
  );
  say(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`,
  );
  const db = await createTestDatabase('reporting');
  try {
    await runMigrations({
      migratorUrl: db.migratorUrl,
      appRole: db.appRole,
      migrations: allMigrations(definition),
      appendOnlyTables: [AUDIT_TABLE],
    });
    const pool = new pg.Pool({ connectionString: db.appUrl, max: 4 });
    const ds = await createDataSource({ url: db.appUrl, poolSize: 8, applicationName: 'bench-reporting' }).initialize();
    const reference = ReportingReference.load();
    const municipalities = [...reference.municipalities.keys()];

    let t = performance.now();
    const written = await writeSyntheticLog(pool, PERSONS, municipalities);
    say(
      `1. log written: ${fmt(written)} events in ${fmt((performance.now() - t) / 1000, 1)} s (generator, not a target)`,
    );

    const projector = new Projector();
    t = performance.now();
    let lap = t;
    const phases: string[] = [];
    const replayed = await projector.rebuild(ds, WORKERS, (name) => {
      phases.push(`${name} ${fmt((performance.now() - lap) / 1000, 1)} s`);
      lap = performance.now();
    });
    const rebuildS = (performance.now() - t) / 1000;
    const [{ facts }] = await ds.query('SELECT count(*)::int AS facts FROM figure_fact');
    const [{ cells }] = await ds.query('SELECT count(*)::int AS cells FROM figure_cell');
    say(
      `2. full rebuild: ${fmt(replayed)} events → ${fmt(facts)} facts, ${fmt(cells)} monthly cells in ${fmt(rebuildS, 1)} s (${fmt(replayed / rebuildS)} events/s; target at ten times < 120 s), ${WORKERS} connections`,
    );
    say(`   ${phases.join('; ')}`);
    await ds.query('VACUUM ANALYZE figure_fact').catch(() => undefined);
    await ds.query('VACUUM ANALYZE figure_cell').catch(() => undefined);

    const log = new EventLog();
    const batchMs: number[] = [];
    t = performance.now();
    for (let done = 0; done < INGEST_EVENTS; done += 500) {
      const events = Array.from({ length: Math.min(500, INGEST_EVENTS - done) }, (_, i) =>
        ingestEvent(done + i, municipalities),
      );
      const b = performance.now();
      await ds.transaction(async (em) =>
        projector.project(em, await log.append(em, events), new Set(events.map((e) => e.type))),
      );
      batchMs.push(performance.now() - b);
    }
    const ingestS = (performance.now() - t) / 1000;
    batchMs.sort((a, b) => a - b);
    say(
      `3. ingest: ${fmt(INGEST_EVENTS)} events in ${fmt(ingestS, 1)} s = ${fmt(INGEST_EVENTS / ingestS)} events/s (target ≥ 5,000); per 500-event transaction p50 ${fmt(pct(batchMs, 50))} ms, p99 ${fmt(pct(batchMs, 99))} ms`,
    );

    const queries = new FigureQueries(ds, new CellSource(), reference, 5, () => '2026-12-04');
    const ags = {
      subject: 'bench-ags',
      username: 'ags.koordination',
      roles: ['ags'],
      gemeinden: [],
      clientId: 'bench',
      isServiceAccount: false,
    };
    const ib = { ...ags, subject: 'bench-ib', username: 'ib.solothurn', roles: ['gemeinde'], gemeinden: [2601] };
    const kinds: [string, (year: number) => Promise<unknown>][] = [
      [
        'AGS: every figure, year, per municipality',
        (y) => queries.forCaller(ags, { period: parsePeriod(String(y)), level: 'municipality', breakdown: null }),
      ],
      [
        'AGS: first information, quarter, per Leitgemeinde',
        (y) =>
          queries.forCaller(ags, {
            period: parsePeriod(`${y}-Q2`),
            level: 'leitgemeinde',
            breakdown: null,
            figures: ['first-information'],
          }),
      ],
      [
        'AGS: arrivals and first information by age group, year, canton',
        (y) =>
          queries.forCaller(ags, {
            period: parsePeriod(String(y)),
            level: 'canton',
            breakdown: 'ageGroup',
            figures: ['arrivals', 'first-information', 'integration-talks'],
          }),
      ],
      [
        'IB Solothurn: own figures beside the canton, quarter',
        (y) => queries.forCaller(ib, { period: parsePeriod(`${y}-Q3`), level: 'municipality', breakdown: null }),
      ],
      [
        'public: arrivals by Sozialregion, month',
        (y) =>
          queries.forCaller(ags, {
            period: parsePeriod(`${y}-05`),
            level: 'sozialregion',
            breakdown: 'euEfta',
            figures: ['arrivals'],
            public: true,
          }),
      ],
    ];
    const all: number[] = [];
    say('4. dashboard queries (application layer, p50 / p99 ms; target p99 < 100 ms at ten times):');
    for (const [label, run] of kinds) {
      const ms: number[] = [];
      for (let i = 0; i < QUERY_ROUNDS; i += 1) {
        const s = performance.now();
        await run(2017 + (i % 10));
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      all.push(...ms);
      say(`   ${label}: ${fmt(pct(ms, 50), 1)} / ${fmt(pct(ms, 99), 1)}`);
    }
    all.sort((a, b) => a - b);
    say(`   all ${fmt(all.length)} queries: p50 ${fmt(pct(all, 50), 1)} ms, p99 ${fmt(pct(all, 99), 1)} ms`);
    const [{ size }] = await ds.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    say(`peak RSS of this process ${fmt(peakRss / 2 ** 20)} MB; database ${size}`);
    await ds.destroy();
    await pool.end();
  } finally {
    clearInterval(sample);
    await db.drop();
  }
}

/** A fresh case event as the consumer receives it: openings and first informations of new persons. */
function ingestEvent(i: number, municipalities: readonly number[]) {
  const caseId = randomUUID();
  const opened = i % 2 === 0;
  const attributes = {
    nationality: { bfsCode: 8362, iso2: 'ER' },
    permitCode: '0202',
    permitAusweis: 'B',
    euEfta: false,
    familyOfSwiss: false,
    sex: 'female',
    birthYear: 1990 + (i % 30),
    language: 'tir',
  };
  const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`;
  const data = opened
    ? {
        caseId,
        personRef: `p-i${i}`,
        municipality: municipalities[i % municipalities.length],
        attributes,
        registrationDate: day,
      }
    : {
        caseId,
        personRef: `p-i${i}`,
        municipality: municipalities[i % municipalities.length],
        attributes,
        form: 'talk',
        completedOn: day,
        withinDeadline: true,
        talk: { talkId: `b-${i}`, interpreter: { used: i % 3 === 0, language: 'tir' } },
      };
  return {
    specversion: '1.0' as const,
    id: randomUUID(),
    source: '/si/case-management',
    type: opened ? 'case.opened.v1' : 'case.first-information-completed.v1',
    time: new Date().toISOString(),
    subject: caseId,
    datacontenttype: 'application/json' as const,
    data,
  };
}

await main();
