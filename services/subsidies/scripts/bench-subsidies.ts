// Benchmark of the subsidy ledger and the claim run: `npm run bench:subsidies` (bash infra/scripts/bench.sh subsidies).
// Prints figures, asserts nothing but the reconciliation. The service runs as its own process (dist/main.js) on a fresh
// database with BENCH_PRELOADED ledger entries already booked and claimed (default 1,000,000, inserted by SQL with the
// indexes dropped and rebuilt, which is preparation and not measured), then:
//  1. ingest: BENCH_EVENTS first-information events (default 20,000) wait in its queue as case-management would have
//     published them while it was down; throughput from the service being ready to the last booking; then latency
//     publish → booking at a paced BENCH_RATE events/s for BENCH_LATENCY_SECONDS (default 500/s for 5 s); peak memory;
//  2. claim run: the last closed quarter holds BENCH_QUARTER entries (default 100,000, the ingested ones among them) over
//     BENCH_MUNICIPALITIES municipalities (default 107); POST /api/v1/claim-runs drafts one claim per municipality;
//  3. reconciliation: claims, lines and totals against the ledger and against count × rate, to the Rappen.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import pg from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark logs in against the real dev identity server
import { startDevOidc } from '@si/dev-oidc';
import { buildCloudEvent, deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, freePort } from '@si/testing';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const PRELOADED = Number(process.env.BENCH_PRELOADED ?? 1_000_000);
const QUARTER = Number(process.env.BENCH_QUARTER ?? 100_000);
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 107);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 5);
const PACED = RATE * LATENCY_SECONDS;
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const now = () => performance.timeOrigin + performance.now();
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Solothurn municipalities of contracts/reference, padded with synthetic numbers if more are asked for. */
function municipalities(n: number): number[] {
  const csv = readFileSync(join(repoRoot, 'contracts/reference/solothurn-municipalities.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const real = csv.map((l) => Number(l.split(',')[0]));
  const out = real.slice(0, n);
  for (let i = 1; out.length < n; i += 1) out.push(9000 + i);
  return out;
}

/** The quarter before the current one (closed today): the claim run drafts it. */
function lastClosedQuarter(): { label: string; from: string; to: string } {
  const d = new Date();
  let year = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3); // 0-based current quarter → previous is q (1-based)
  if (q === 0) {
    year -= 1;
    q = 4;
  }
  const first = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { label: `${year}-Q${q}`, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** utime + stime per process in seconds (Linux /proc), to tell the work from the wait on a shared machine. */
function cpuByPid(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the process ended
    }
  }
  return out;
}

/** CPU seconds between two snapshots of the processes alive at the end (one started in between counts whole). */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

interface Service {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function startService(env: Record<string, string>, log: string): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'services/subsidies/dist/main.js')], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  for (
    let t0 = now();
    (await fetch(`${url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    )) !== 200;
  ) {
    if (child.exitCode !== null || now() - t0 > 120_000) throw new Error(`subsidies did not start (log: ${log})`);
    await sleep(100);
  }
  return {
    child,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Inserts the history fast: the secondary indexes and the constraints of the tables written are dropped and rebuilt
 * around the inserts (preparation, not measured), so that what is measured runs on fully indexed tables.
 */
async function withoutIndexes(sql: pg.Pool, tables: string[], work: () => Promise<void>): Promise<void> {
  const constraints = (
    await sql.query(
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid::regclass::text = ANY($1) AND contype IN ('f', 'u') ORDER BY contype DESC`,
      [tables],
    )
  ).rows as { t: string; conname: string; def: string }[];
  for (const c of constraints) await sql.query(`ALTER TABLE ${c.t} DROP CONSTRAINT ${c.conname}`);
  const indexes = (
    await sql.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i WHERE i.indrelid::regclass::text = ANY($1) AND NOT i.indisprimary`,
      [tables],
    )
  ).rows as { name: string; def: string }[];
  for (const i of indexes) await sql.query(`DROP INDEX ${i.name}`);
  await work();
  for (const i of indexes) await sql.query(i.def);
  for (const c of [...constraints].reverse())
    await sql.query(`ALTER TABLE ${c.t} ADD CONSTRAINT ${c.conname} ${c.def}`);
}

function firstInformationEvent(municipality: number, on: string) {
  const caseId = randomUUID();
  const data = {
    caseId,
    personRef: `p-${caseId.slice(0, 12)}`,
    municipality,
    form: 'talk',
    completedOn: on,
    dueOn: on,
    withinDeadline: true,
    folderLanguage: null,
    attributes: {
      nationality: { bfsCode: 8362, iso2: 'ER' },
      permitCode: '0503',
      permitAusweis: 'F',
      euEfta: false,
      familyOfSwiss: false,
      sex: 'female',
      birthYear: 1994,
      language: 'tir',
    },
    talk: {
      talkId: `fi-${caseId}`,
      durationMinutes: 60,
      interpreter: { used: false, language: null },
      householdSize: 1,
      supportNeed: 'some',
      languageSkills: [],
      offersRecommended: 0,
    },
  };
  return buildCloudEvent('case-management', { type: 'case.first-information-completed.v1', subject: caseId, data });
}

async function main(): Promise<void> {
  const cpu = cpus();
  say(`subsidies benchmark on ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}`);
  say(
    `settings: BENCH_PRELOADED=${fmt(PRELOADED)} BENCH_EVENTS=${fmt(EVENTS)} BENCH_RATE=${RATE} BENCH_LATENCY_SECONDS=${LATENCY_SECONDS} BENCH_QUARTER=${fmt(QUARTER)} BENCH_MUNICIPALITIES=${MUNICIPALITIES}`,
  );
  const bfs = municipalities(MUNICIPALITIES);
  const quarter = lastClosedQuarter();
  const days = (Date.parse(quarter.to) - Date.parse(quarter.from)) / 86_400_000 + 1;
  const dayOf = (i: number) => new Date(Date.parse(quarter.from) + (i % days) * 86_400_000).toISOString().slice(0, 10);
  const db = await createTestDatabase('subsidies');
  const oidc = await startDevOidc({ port: 0 });
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const log = join(tmpdir(), `bench-subsidies-${Date.now()}.log`);
  const env = {
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATOR_URL: db.migratorUrl,
    LOG_LEVEL: 'warn',
    SI_MESSAGING_PREFIX: prefix,
    OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    SUBSIDIES_JOBS_ENABLED: 'false',
    SUBSIDIES_JOBS_PREFIX: `${prefix}bull`,
  };
  const sql = new pg.Pool({ connectionString: db.migratorUrl, max: 2 });
  const topology = resolveTopology(loadTopology(), prefix);
  const amqp = await connect(AMQP_URL);
  let service: Service | undefined;
  try {
    // Migrations, topology and the placeholder tariffs come from a first start of the service.
    service = await startService(env, log);
    await service.stop();
    const [tariff] = (
      await sql.query(
        `SELECT id, amount_rappen::int AS rate FROM tariff_version WHERE item = 'first-information-talk' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1) ORDER BY id DESC LIMIT 1`,
        [quarter.from],
      )
    ).rows;
    const rate = tariff.rate as number;

    // Already booked and claimed: PRELOADED entries over the five years before the quarter, one paid claim per municipality and quarter;
    // and the quarter's entries booked before the ingest: QUARTER − EVENTS − PACED, still open.
    let t = now();
    const direct = QUARTER - EVENTS - PACED;
    await withoutIndexes(sql, ['ledger_entry', 'claim', 'claim_line', 'ledger_open'], async () => {
      await sql.query(
        `INSERT INTO ledger_entry (kind, source_event_id, event_type, eligibility_key, case_id, municipality, item, service_date, period, tariff_id, rate_rappen, amount_rappen)
         SELECT 'booking', gen_random_uuid(), 'case.first-information-completed.v1', 'first-information-talk:seed-' || g, gen_random_uuid(), ($1::int[])[1 + g % $2],
                'first-information-talk', d, extract(year FROM d) || '-Q' || extract(quarter FROM d), $3, $4, $4
         FROM generate_series(1, $5::int) g, LATERAL (SELECT ($6::date - 1 - (g % 1800))::date AS d) x`,
        [bfs, bfs.length, tariff.id, rate, PRELOADED, quarter.from],
      );
      await sql.query(
        `INSERT INTO claim (id, municipality, period, period_from, period_to, status, total_rappen, payable_rappen)
         SELECT gen_random_uuid(), municipality, period, min(date_trunc('quarter', service_date))::date, (max(date_trunc('quarter', service_date)) + interval '3 months - 1 day')::date,
                'paid', sum(amount_rappen), sum(amount_rappen) FROM ledger_entry GROUP BY municipality, period`,
      );
      await sql.query(
        `INSERT INTO claim_line (claim_id, entry_id, late) SELECT c.id, e.id, false FROM ledger_entry e JOIN claim c USING (municipality, period)`,
      );
      await sql.query(
        `WITH booked AS (
           INSERT INTO ledger_entry (kind, source_event_id, event_type, eligibility_key, case_id, municipality, item, service_date, period, tariff_id, rate_rappen, amount_rappen)
           SELECT 'booking', gen_random_uuid(), 'case.first-information-completed.v1', 'first-information-talk:q-' || g, gen_random_uuid(), ($1::int[])[1 + g % $2],
                  'first-information-talk', $3::date + (g % $4), $5, $6, $7, $7 FROM generate_series(1, $8::int) g
           RETURNING id, municipality, service_date, amount_rappen)
         INSERT INTO ledger_open SELECT * FROM booked`,
        [bfs, bfs.length, quarter.from, days, quarter.label, tariff.id, rate, direct],
      );
    });
    await sql.query('ANALYZE');
    say(
      `prepared ${fmt(PRELOADED)} booked and claimed entries and ${fmt(direct)} open entries of ${quarter.label} in ${fmt((now() - t) / 1000, 1)} s (not measured)`,
    );

    // 1a. Ingest of a backlog: the events wait in the queue, the service starts and books them.
    const channel = await amqp.createConfirmChannel();
    const publish = (event: ReturnType<typeof firstInformationEvent>) =>
      channel.publish(topology.exchange, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        messageId: event.id,
        contentType: 'application/cloudevents+json',
        type: event.type,
      });
    for (let i = 0; i < EVENTS; i += 1) {
      if (!publish(firstInformationEvent(bfs[i % bfs.length] ?? 2601, dayOf(i))))
        await new Promise((r) => channel.once('drain', r));
      if (i % 5_000 === 4_999) await channel.waitForConfirms();
    }
    await channel.waitForConfirms();
    const countIngested = async () =>
      (
        await sql.query(
          `SELECT count(*)::int AS n FROM ledger_entry WHERE period = $1 AND eligibility_key LIKE 'first-information-talk:fi-%'`,
          [quarter.label],
        )
      ).rows[0].n as number;
    t = now();
    service = await startService(env, log);
    const ready = now();
    // The PostgreSQL backends of this database (the service's pool) and the service: their CPU is the ingest's work.
    const backends = async () =>
      (
        await sql.query(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows.map((r) => r.pid as number);
    const workers = [service.child.pid ?? 0, ...(await backends())];
    const cpu0 = cpuByPid(workers);
    let booked = await countIngested();
    while (booked < EVENTS && now() - ready < 300_000) {
      await sleep(50);
      booked = await countIngested();
    }
    const drainSeconds = (now() - ready) / 1000;
    // Connections opened during the run started near zero CPU: counting them whole is right.
    const ingestCpu = cpuBetween(cpu0, cpuByPid([...new Set([...workers, ...(await backends())])]));
    say(
      `ingest: ${fmt(booked)} of ${fmt(EVENTS)} queued events booked in ${fmt(drainSeconds, 1)} s after the service was ready = ${fmt(booked / drainSeconds)} events/s ` +
        `(target ≥ 2,000; ${fmt(PRELOADED + direct)} entries in the ledger before; start to ready ${fmt((ready - t) / 1000, 1)} s); ` +
        `CPU used by the service and its database connections ${fmt(ingestCpu, 1)} s = ${fmt(booked / ingestCpu)} events per CPU-second; load average ${loadavg()
          .map((l) => fmt(l, 1))
          .join(' ')}`,
    );

    // 1b. Latency at a paced rate: publish → booking committed.
    const published = new Map<string, number>();
    const pacedStart = now();
    for (let i = 0; i < PACED; i += 1) {
      const due = pacedStart + (i * 1000) / RATE;
      const wait = due - now();
      if (wait > 1) await sleep(wait);
      const event = firstInformationEvent(bfs[i % bfs.length] ?? 2601, dayOf(i));
      published.set(event.id, now());
      publish(event);
    }
    await channel.waitForConfirms();
    while ((await countIngested()) < EVENTS + PACED && now() - pacedStart < 120_000) await sleep(50);
    const rows: { id: string; at: Date }[] = (
      await sql.query(
        `SELECT source_event_id AS id, clock_timestamp() AS now, booked_at AS at FROM ledger_entry WHERE source_event_id = ANY($1::uuid[])`,
        [[...published.keys()]],
      )
    ).rows;
    const latencies = rows
      .map((r) => r.at.getTime() - (published.get(r.id) ?? Number.NaN))
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    const peakMb = service.child.pid ? peakRssMb(service.child.pid) : Number.NaN;
    say(
      `latency at ${RATE} events/s for ${LATENCY_SECONDS} s: ${fmt(latencies.length)} booked, publish → booking p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms ` +
        `(booked_at is its transaction's start); service peak RSS ${fmt(peakMb)} MB`,
    );

    // 2. The claim run over the quarter, through the API as AGS would start it (the scheduled job runs the same code).
    const token = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'si-cli',
        username: 'ags.koordination',
        password: 'demo',
      }),
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    const runWorkers = [service.child.pid ?? 0, ...(await backends())];
    const runCpu0 = cpuByPid(runWorkers);
    t = now();
    const run = (await fetch(`${service.url}/api/v1/claim-runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as { claims: number; lines: number; periods: string[] };
    const runSeconds = (now() - t) / 1000;
    const runCpu = cpuBetween(runCpu0, cpuByPid([...new Set([...runWorkers, ...(await backends())])]));
    say(
      `claim run: ${fmt(run.claims)} claims with ${fmt(run.lines)} lines for ${run.periods.join(', ')} in ${fmt(runSeconds, 2)} s (target < 5 s), ` +
        `CPU used by the service and its database connections ${fmt(runCpu, 2)} s; load average ${loadavg()
          .map((l) => fmt(l, 1))
          .join(' ')}`,
    );

    // 3. Reconciliation to the Rappen.
    const [r] = (
      await sql.query(
        `SELECT (SELECT count(*)::int FROM claim WHERE period = $1) AS claims,
              (SELECT COALESCE(sum(total_rappen), 0)::bigint FROM claim WHERE period = $1) AS claimed,
              (SELECT count(*)::int FROM claim_line l JOIN claim c ON c.id = l.claim_id WHERE c.period = $1) AS lines,
              (SELECT COALESCE(sum(amount_rappen), 0)::bigint FROM ledger_entry WHERE period = $1) AS ledger,
              (SELECT count(*)::int FROM ledger_entry e WHERE period = $1 AND NOT EXISTS (SELECT 1 FROM claim_line l WHERE l.entry_id = e.id)) AS unclaimed,
              (SELECT count(*)::int FROM ledger_open) AS still_open,
              (SELECT count(*)::int FROM (SELECT c.id FROM claim c JOIN claim_line l ON l.claim_id = c.id JOIN ledger_entry e ON e.id = l.entry_id
                 WHERE c.period = $1 GROUP BY c.id, c.total_rappen HAVING c.total_rappen <> sum(e.amount_rappen)) x) AS mismatched`,
        [quarter.label],
      )
    ).rows;
    const expected = BigInt(QUARTER) * BigInt(rate);
    const ok =
      r.claims === bfs.length &&
      r.lines === QUARTER &&
      BigInt(r.claimed) === expected &&
      BigInt(r.ledger) === expected &&
      r.unclaimed === 0 &&
      r.still_open === 0 &&
      r.mismatched === 0;
    say(
      `reconciliation: ${r.claims} claims, ${fmt(r.lines)} lines, claimed ${r.claimed} Rappen = ledger ${r.ledger} Rappen = ${fmt(QUARTER)} × ${rate} = ${expected}; ` +
        `unclaimed ${r.unclaimed}, still open ${r.still_open}, claims whose total differs from their lines ${r.mismatched}: ${ok ? 'reconciles to the Rappen' : 'DOES NOT RECONCILE'}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await service?.stop();
    await deleteTopology(await amqp.createChannel(), topology).catch(() => undefined);
    await amqp.close().catch(() => undefined);
    await sql.end();
    await oidc.close();
    // The service's last connections may still be closing after its exit: try again before giving up.
    await db.drop().catch(async () => {
      await sleep(3_000);
      await db
        .drop()
        .catch((error: Error) => say(`note: the benchmark database ${db.name} was not dropped (${error.message})`));
    });
  }
}

await main();
