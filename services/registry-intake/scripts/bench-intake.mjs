#!/usr/bin/env node
// Benchmark of registry-intake (issue 3, item 9): `bash infra/scripts/bench.sh intake` (npm run bench:intake), which
// builds first. Runs the built service (services/registry-intake/dist/main.js) as its own process on a fresh database,
// with the dev identity server, and prints:
//   (a) a baseDelivery of BENCH_PERSONS (default 300,000) persons through the sedex inbox: persons/s from the pair's
//       claim to the commit of all its events, the service's peak RSS (VmHWM) and CPU (in all and by thread, with how
//       busy the machine was), and a bare streaming parse (saxes, no validation, no mapping) of the same file in the
//       same run, with the ratio;
//   (b) BENCH_SINGLE (default 6,000, after BENCH_WARMUP 500) single-event deliveries over HTTP (POST
//       /api/v1/deliveries, register connector token): deliveries/s and p50/p99 latency at BENCH_CONCURRENCY (32)
//       connections.
// Prints figures and asserts nothing; the machine (CPU, cores, memory, Node, load) is printed with them. The service
// gets the benchmark's environment (e.g. INTAKE_VALIDATION_WORKERS=2 to compare settings) and BENCH_SERVICE_ARGS as
// Node options (e.g. --cpu-prof); BENCH_KEEP=1 keeps its log in the work folder.
import { spawn } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import pg from 'pg';
import { SaxesParser } from 'saxes';
import { startDevOidc } from '@si/dev-oidc';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase } from '@si/testing';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 300_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 6_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const MUNICIPALITY = 2601;
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));
const generator = await import(new URL('../dist/ech/generator/index.js', import.meta.url).href);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const say = (...args) => console.log(...args);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** CPU seconds (user + system, all threads) a process has used so far. */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds per thread of a process, by thread id (with the thread's name). */
function threadCpuOf(pid) {
  const threads = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      threads.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // the thread ended meanwhile
    }
  }
  return threads;
}

/** The busiest threads between two threadCpuOf readings, e.g. "node 30.1 s, node 12.0 s, V8Worker 3.2 s". */
function busiestThreads(before, after, count = 6) {
  return [...after]
    .map(([tid, t]) => ({ name: t.name, seconds: t.seconds - (before.get(tid)?.seconds ?? 0) }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count)
    .map((t) => `${t.name} ${fmt(t.seconds, 1)} s`)
    .join(', ');
}

/** Busy and total CPU time of the whole machine so far (seconds, all cores), from /proc/stat. */
function machineCpu() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + fields[4];
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** Peak and current resident set of a process (kB → MB), from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The base delivery file, generated once per size and kept in the temp folder for later runs. */
async function baseDeliveryFile() {
  const dir = join(tmpdir(), 'si-bench-intake');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `base-${PERSONS}-${MUNICIPALITY}.xml`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) return { file, ...JSON.parse(readFileSync(meta, 'utf8')) };
  say(`generating a baseDelivery of ${fmt(PERSONS)} persons → ${file} (kept for later runs)`);
  const stats = {};
  const started = performance.now();
  await pipeline(
    Readable.from(
      generator.baseDeliveryChunks(PERSONS, { municipality: MUNICIPALITY, messageId: `bench-base-${PERSONS}` }, stats),
    ),
    createWriteStream(`${file}.tmp`),
  );
  renameSync(`${file}.tmp`, file);
  const info = { messageId: stats.messageId, foreign: stats.foreign, swiss: stats.swiss, bytes: statSync(file).size };
  writeFileSync(meta, JSON.stringify(info));
  say(`  generated in ${fmt((performance.now() - started) / 1000, 1)} s`);
  return { file, ...info };
}

/** The bare streaming parse: bytes → UTF-8 text → saxes with namespaces and positions, counting persons. */
async function bareParse(file) {
  const started = performance.now();
  const parser = new SaxesParser({ xmlns: true, position: true });
  const decoder = new TextDecoder();
  let persons = 0;
  parser.on('opentag', (tag) => {
    if (tag.local === 'messages') persons++;
  });
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
  const seconds = (performance.now() - started) / 1000;
  return { persons, seconds, perSecond: persons / seconds };
}

function envelope(id) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<eCH-0090:envelope xmlns:eCH-0090="http://www.ech.ch/xmlns/eCH-0090/2" version="2.0">
  <eCH-0090:messageId>${id}</eCH-0090:messageId><eCH-0090:messageType>20001</eCH-0090:messageType><eCH-0090:messageClass>0</eCH-0090:messageClass>
  <eCH-0090:senderId>T1-${MUNICIPALITY}-1</eCH-0090:senderId><eCH-0090:recipientId>T6-SO-1</eCH-0090:recipientId>
  <eCH-0090:eventDate>2026-03-01T08:00:00</eCH-0090:eventDate><eCH-0090:messageDate>2026-03-01T08:00:00</eCH-0090:messageDate>
</eCH-0090:envelope>`;
}

class Service {
  constructor(env) {
    this.env = env;
    this.port = Number(env.PORT);
    this.url = `http://127.0.0.1:${this.port}`;
    this.log = join(env.BENCH_WORK, 'registry-intake.log');
  }

  async start() {
    const out = createWriteStream(this.log);
    this.child = spawn(
      process.execPath,
      [...(process.env.BENCH_SERVICE_ARGS?.split(' ').filter(Boolean) ?? []), join(serviceDir, 'dist', 'main.js')],
      { env: { ...process.env, ...this.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout.pipe(out);
    this.child.stderr.pipe(out);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`registry-intake exited with ${this.child.exitCode} (log: ${this.log})`);
      if (
        await fetch(`${this.url}/health/ready`).then(
          (r) => r.status === 200,
          () => false,
        )
      )
        return;
      if (Date.now() > deadline) throw new Error(`registry-intake not ready (log: ${this.log})`);
      await sleep(200);
    }
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

async function benchBaseDelivery(service, sql, inbox, base) {
  const pair = `bench-${Date.now().toString(36)}`;
  // Hard link: the pair appears in the inbox at once, without copying a gigabyte.
  linkSync(base.file, join(inbox, `data_${pair}.xml`));
  const cpuBefore = cpuSecondsOf(service.child.pid);
  const machineBefore = machineCpu();
  const threadsBefore = threadCpuOf(service.child.pid);
  const dropped = performance.now();
  writeFileSync(join(inbox, `envl_${pair}.xml`), envelope(pair));
  let row;
  let peak = 0;
  for (;;) {
    peak = Math.max(peak, memoryOf(service.child.pid).rssMb);
    const r = await sql.query(
      `SELECT id, status, records, emitted, skipped, refusal, extract(epoch FROM completed_at - received_at)::float8 AS seconds
      FROM delivery WHERE source_ref = $1`,
      [pair],
    );
    row = r.rows[0];
    if (row && row.status !== 'processing') break;
    if (performance.now() - dropped > 30 * 60_000) throw new Error('base delivery not done after 30 minutes');
    await sleep(100);
  }
  const wall = (performance.now() - dropped) / 1000;
  if (row.status !== 'accepted') throw new Error(`base delivery ${row.status}: ${JSON.stringify(row.refusal)}`);
  const memory = memoryOf(service.child.pid);
  const cpuSeconds = cpuSecondsOf(service.child.pid) - cpuBefore;
  const machineAfter = machineCpu();
  const threads = busiestThreads(threadsBefore, threadCpuOf(service.child.pid));
  const machineBusy = (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total);
  // The relay publishes the staged events after the commit; wait for it so that (b) runs on a quiet service.
  const relayStart = performance.now();
  for (;;) {
    const r = await sql.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    if (r.rows[0].n === 0) break;
    if (performance.now() - relayStart > 10 * 60_000) break;
    await sleep(250);
  }
  const relaySeconds = (performance.now() - relayStart) / 1000;
  return { ...row, wall, peakMb: memory.peakMb, sampledPeakMb: peak, relaySeconds, cpuSeconds, machineBusy, threads };
}

async function token(oidc) {
  const r = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'register-connector',
      client_secret: 'register-connector-secret',
    }),
  });
  if (r.status !== 200) throw new Error(`token: ${r.status}`);
  return (await r.json()).access_token;
}

/** Posts bodies[i] for i in [from, to) over `CONCURRENCY` keep-alive connections; latency per request in ms. */
async function postAll(service, bearer, bodies, from, to) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  const statuses = new Map();
  let next = from;
  const post = (body) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        `${service.url}/api/v1/deliveries`,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${bearer}`,
            'content-type': 'application/xml',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) await post(bodies[next++]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    count: to - from,
    seconds,
    perSecond: (to - from) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    statuses: Object.fromEntries(statuses),
  };
}

async function main() {
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${fmt(totalmem() / 1024 ** 3, 1)} GB, Node ${process.version}`;
  say(
    `registry-intake benchmark — ${machine}, load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const base = await baseDeliveryFile();
  say(
    `baseDelivery: ${fmt(PERSONS)} persons (${fmt(base.foreign)} foreign, ${fmt(base.swiss)} Swiss), ${fmt(base.bytes / 1024 ** 2)} MB`,
  );

  const work = mkdtempSync(join(tmpdir(), 'si-bench-intake-run-'));
  const inbox = join(work, 'inbox');
  mkdirSync(inbox, { recursive: true });
  const db = await createTestDatabase('registry-intake');
  const oidc = await startDevOidc({ port: 0 });
  const prefix = `bench${Date.now().toString(36)}.`;
  const service = new Service({
    BENCH_WORK: work,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATOR_URL: db.migratorUrl,
    SI_MESSAGING_PREFIX: prefix,
    OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    SEDEX_INBOX_DIR: inbox,
    SEDEX_POLL_INTERVAL_MS: '200',
    PERSON_REF_KEY: 'registry-intake-benchmark-key-0123456789abcdef',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });
  const sql = new pg.Pool({ connectionString: db.appUrl, max: 2 });
  const results = {};
  try {
    say('\n(a) bare streaming parse of the same file (saxes, namespaces and positions, no validation, no mapping)');
    results.bare = await bareParse(base.file);
    say(
      `    ${fmt(results.bare.persons)} persons in ${fmt(results.bare.seconds, 1)} s = ${fmt(results.bare.perSecond)} persons/s`,
    );

    await service.start();
    say(
      `\n(a) baseDelivery through the sedex inbox into the outbox (service pid ${service.child.pid}, start RSS ${fmt(memoryOf(service.child.pid).rssMb)} MB)`,
    );
    const a = await benchBaseDelivery(service, sql, inbox, base);
    results.base = a;
    say(
      `    accepted: ${fmt(a.records)} persons, ${fmt(a.emitted)} person.registered.v1 emitted, ${fmt(a.skipped)} skipped`,
    );
    say(
      `    processing (claim → commit): ${fmt(a.seconds, 1)} s = ${fmt(a.records / a.seconds)} persons/s; from the drop: ${fmt(a.wall, 1)} s`,
    );
    say(
      `    CPU used by the service meanwhile: ${fmt(a.cpuSeconds, 1)} s (${fmt((a.cpuSeconds / a.wall) * 100)} % of one core; ${fmt((a.cpuSeconds / a.records) * 1e6)} µs per person); the machine's cores were ${fmt(a.machineBusy * 100)} % busy`,
    );
    say(`    busiest threads of the service: ${a.threads}`);
    say(`    peak RSS of the service: ${fmt(a.peakMb)} MB (VmHWM; sampled ${fmt(a.sampledPeakMb)} MB)`);
    say(
      `    ratio to the bare parse: ${fmt(a.seconds / results.bare.seconds, 2)} × its time (${fmt((a.records / a.seconds / results.bare.perSecond) * 100)} % of its speed)`,
    );
    say(`    the relay then published the ${fmt(a.emitted)} events to RabbitMQ in ${fmt(a.relaySeconds, 1)} s`);

    say(`\n(b) single-event deliveries over HTTP (${CONCURRENCY} connections, register connector)`);
    const bearer = await token(oidc);
    const bodies = [];
    for (const d of generator.generateEventDeliveries(WARMUP + SINGLE, {
      municipality: MUNICIPALITY,
      seed: 4242,
      messageId: `b${Date.now().toString(36)}`,
    }))
      bodies.push(d.xml);
    const warm = await postAll(service, bearer, bodies, 0, WARMUP);
    const cpuBeforeB = cpuSecondsOf(service.child.pid);
    say(`    warm-up: ${fmt(warm.count)} deliveries, statuses ${JSON.stringify(warm.statuses)}`);
    const b = await postAll(service, bearer, bodies, WARMUP, WARMUP + SINGLE);
    results.single = b;
    b.cpuSeconds = cpuSecondsOf(service.child.pid) - cpuBeforeB;
    say(
      `    ${fmt(b.count)} deliveries in ${fmt(b.seconds, 1)} s = ${fmt(b.perSecond)} deliveries/s; latency p50 ${fmt(b.p50, 1)} ms, p99 ${fmt(b.p99, 1)} ms, max ${fmt(b.max, 1)} ms`,
    );
    say(
      `    CPU used by the service: ${fmt(b.cpuSeconds, 1)} s (${fmt((b.cpuSeconds / b.count) * 1000, 2)} ms per delivery)`,
    );
    say(
      `    statuses ${JSON.stringify(b.statuses)}; service RSS now ${fmt(memoryOf(service.child.pid).rssMb)} MB, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );

    const okA = a.records / a.seconds >= 10_000 && a.peakMb < 300;
    const okB = b.perSecond >= 500 && b.p99 < 200;
    say(
      `\ntargets: (a) ≥ 10,000 persons/s and peak RSS < 300 MB: ${okA ? 'met' : 'NOT met'}; (b) ≥ 500 deliveries/s and p99 < 200 ms: ${okB ? 'met' : 'NOT met'}`,
    );
    say('\nBENCHMARKS.md:');
    say(
      `| ${new Date().toISOString().slice(0, 10)} | ${machine} | ${fmt(a.records / a.seconds)} persons/s (${fmt(a.seconds, 1)} s), peak RSS ${fmt(a.peakMb)} MB | bare parse ${fmt(results.bare.perSecond)} persons/s (${fmt(a.seconds / results.bare.seconds, 2)}×) | ${fmt(b.perSecond)} deliveries/s, p50 ${fmt(b.p50, 1)} ms, p99 ${fmt(b.p99, 1)} ms |`,
    );
  } finally {
    await service.stop();
    await sql.end();
    const amqp = await connect(AMQP_URL).catch(() => undefined);
    if (amqp) {
      const channel = await amqp.createChannel();
      await deleteTopology(channel, resolveTopology(loadTopology(), prefix)).catch(() => undefined);
      await amqp.close().catch(() => undefined);
    }
    await oidc.close();
    // The service's sessions end a moment after its process: retry until the database can go.
    for (let attempt = 0; ; attempt++) {
      try {
        await db.drop();
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await sleep(500);
      }
    }
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
}

await main();
