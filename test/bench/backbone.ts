// Benchmark of the event backbone: `bash infra/scripts/bench.sh backbone` (npm run bench:backbone).
// Prints figures, asserts nothing: end-to-end events/s (outbox insert → effect committed, relay and consumer as
// separate processes; once with a handler per event, once with a batch handler), latency outbox commit → effect
// commit at a paced rate, and raw amqplib confirmed publish + consume on a quorum queue with the same message
// size, measured in the same run. Throughput figures are medians of BENCH_ROUNDS rounds (default 3), with their
// spread: the box may be shared. Knobs: BENCH_EVENTS, BENCH_SUBJECTS, BENCH_RATE, BENCH_LATENCY_SECONDS,
// BENCH_RAW_MESSAGES, BENCH_CONCURRENCY, BENCH_BATCH, BENCH_PREFETCH, BENCH_WINDOW.
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import { EventValidator, Outbox, buildCloudEvent, declareTopology, deleteTopology } from '@si/messaging';
import { createDataSource } from '@si/persistence';
import { AMQP_URL, STEP, backboneDatabases, backboneTopology, schemasRoot } from '../support/backbone-fixture.js';
import { BackboneChild } from '../support/child-process.js';
import { cpuDelta, cpuSnapshot } from '../support/cpu-usage.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 2_000);
const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 50_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const TX_SIZE = 100;
/** Each throughput figure is the median of this many rounds (the box may be shared: the spread is printed). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** `per-event`: only the handler-per-event throughput and raw amqplib (for profiling one change at a time). */
const ONLY = process.env.BENCH_ONLY;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A step event as the relay would put it on the wire: the raw benchmark sends bodies of this size. */
function sampleBody(): Buffer {
  return Buffer.from(
    JSON.stringify(
      buildCloudEvent('registry-intake', {
        type: STEP,
        subject: `subject-${SUBJECTS}`,
        data: { n: 9 },
        correlationId: randomBytes(16).toString('hex'),
      }),
    ),
  );
}

async function rawAmqplib(bodySize: number): Promise<{ perSecond: number; seconds: number }> {
  const model = await connect(AMQP_URL);
  const publisher = await model.createConfirmChannel();
  const consumer = await model.createChannel();
  const queue = `bench${randomBytes(3).toString('hex')}.raw`;
  await publisher.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await consumer.prefetch(500);
  const body = Buffer.alloc(bodySize, 'x');
  let consumed = 0;
  let done!: () => void;
  const allConsumed = new Promise<void>((r) => (done = r));
  await consumer.consume(queue, (msg) => {
    if (!msg) return;
    consumer.ack(msg);
    if (++consumed === RAW_MESSAGES) done();
  });
  const start = now();
  let inFlight = 0;
  let freed: (() => void) | undefined;
  for (let i = 0; i < RAW_MESSAGES; i += 1) {
    while (inFlight >= 256) await new Promise<void>((r) => (freed = r));
    inFlight += 1;
    const ok = publisher.sendToQueue(
      queue,
      body,
      { persistent: true, messageId: String(i), contentType: 'application/cloudevents+json' },
      () => {
        inFlight -= 1;
        freed?.();
        freed = undefined;
      },
    );
    if (!ok) await new Promise((r) => publisher.once('drain', r));
  }
  await allConsumed;
  const seconds = (now() - start) / 1000;
  await publisher.deleteQueue(queue);
  await model.close();
  return { perSecond: RAW_MESSAGES / seconds, seconds };
}

/** Runs `round` ROUNDS times; returns the median round (by rate) with the range of rates. */
async function rounds<T extends { perSecond: number }>(
  round: (i: number) => Promise<T>,
): Promise<T & { min: number; max: number }> {
  const results: T[] = [];
  for (let i = 0; i < ROUNDS; i += 1) results.push(await round(i));
  results.sort((a, b) => a.perSecond - b.perSecond);
  const median = results[Math.floor(results.length / 2)] as T;
  return { ...median, min: results[0]?.perSecond ?? Number.NaN, max: results.at(-1)?.perSecond ?? Number.NaN };
}

/** CPU per event in µs by component, and their sum: what the two cores spend on one event end to end. */
function perEventCpu(r: Round): string {
  const parts = Object.entries(r.cpu).map(([k, v]) => [k, (v * 1e6) / EVENTS] as const);
  const sum = parts.reduce((a, [, v]) => a + v, 0);
  return `${parts.map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}; total ${fmt(sum)} µs (a ceiling of ${fmt((cpus().length * 1e6) / sum)} events/s on ${cpus().length} cores)`;
}

interface Latency {
  rate: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Round {
  perSecond: number;
  seconds: number;
  insertSeconds: number;
  cpu: Record<string, number>;
  /** Events per consumer transaction (each transaction costs BEGIN, the inbox INSERT and COMMIT). */
  perCommit: number;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const body = sampleBody();
  const { topology, prefix } = backboneTopology([1_000, 5_000, 30_000]);
  const dbs = await backboneDatabases();
  const admin = await connect(AMQP_URL);
  const adminChannel = await admin.createChannel();
  await declareTopology(adminChannel, topology);
  const producerDs = createDataSource({ url: dbs.producer.appUrl, poolSize: 10, applicationName: 'bench-producer' });
  await producerDs.initialize();
  const outbox = new Outbox({ source: 'registry-intake', validator: new EventValidator({ schemasRoot }) });

  const appliedAt = new Map<string, number>();
  let applied = 0;
  let lastAppliedAt = 0;
  /** Consumer transactions that applied events (the child reports once per commit). */
  let commits = 0;
  const onMessage = (m: Record<string, unknown>) => {
    if (!Array.isArray(m.applied)) return;
    commits += 1;
    for (const [id, at] of m.applied as [string, number][]) {
      appliedAt.set(id, at);
      if (at > lastAppliedAt) lastAppliedAt = at;
    }
    applied += m.applied.length;
  };
  const tuning = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const childConfig = {
    amqpUrl: AMQP_URL,
    topology,
    prefix,
    reportApplied: true,
    concurrency: tuning('BENCH_CONCURRENCY'),
    batchSize: tuning('BENCH_BATCH'),
    prefetch: tuning('BENCH_PREFETCH'),
    window: tuning('BENCH_WINDOW'),
  };
  const relay = new BackboneChild('relay', { ...childConfig, dbUrl: dbs.producer.appUrl });
  let consumer = new BackboneChild(
    'consumer',
    { ...childConfig, dbUrl: dbs.consumer.appUrl, handler: 'event' },
    onMessage,
  );
  await Promise.all([relay.start(), consumer.start()]);

  const waitApplied = async (count: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (applied < count) {
      if (Date.now() > deadline)
        throw new Error(
          `only ${applied} of ${count} effects after ${timeoutMs} ms (logs: ${relay.log}, ${consumer.log})`,
        );
      await sleep(5);
    }
  };

  /** Writes `count` events over `subjects` subjects in transactions of TX_SIZE with 4 concurrent writers. */
  const produce = async (round: string, count: number, subjects: number) => {
    let nextTx = 0;
    const transactions = Math.ceil(count / TX_SIZE);
    const writer = async () => {
      while (nextTx < transactions) {
        const t = nextTx++;
        await producerDs.transaction((em) =>
          outbox.add(
            em,
            ...Array.from({ length: TX_SIZE }, (_, i) => {
              const k = t * TX_SIZE + i;
              return { type: STEP, subject: `${round}-${k % subjects}`, data: { n: Math.floor(k / subjects) } };
            }),
          ),
        );
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
  };

  /** Warm-up (JIT, connections, plans), then EVENTS events from the first insert to the last effect commit. */
  const throughputRound = async (round: string): Promise<Round> => {
    applied = 0;
    await produce(`${round}-warm`, 2_000, 200);
    await waitApplied(2_000, 60_000);
    applied = 0;
    // PostgreSQL: only the backends serving this benchmark's two databases (other work on the box is not counted).
    const backends = (
      (await producerDs.query('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)', [
        [dbs.producer.name, dbs.consumer.name],
      ])) as { pid: number }[]
    ).map((r) => r.pid);
    const groups = () => ({
      producer: [process.pid],
      relay: relay.pid ? [relay.pid] : [],
      consumer: consumer.pid ? [consumer.pid] : [],
      postgres: backends,
      rabbitmq: 'rabbitmq' as const,
    });
    const cpuBefore = cpuSnapshot(groups());
    commits = 0;
    const start = now();
    await produce(round, EVENTS, SUBJECTS);
    const insertSeconds = (now() - start) / 1000;
    await waitApplied(EVENTS, 300_000);
    const seconds = (lastAppliedAt - start) / 1000;
    return {
      perSecond: EVENTS / seconds,
      seconds,
      insertSeconds,
      cpu: cpuDelta(cpuBefore, cpuSnapshot(groups())),
      perCommit: EVENTS / Math.max(commits, 1),
    };
  };

  // 1. Throughput with a handler that applies one event at a time (one INSERT per event).
  const perEvent = await rounds((i) => throughputRound(`e${i}`));

  if (ONLY === 'per-event') {
    await Promise.all([relay.stop(), consumer.stop()]);
    const raw = await rounds(() => rawAmqplib(body.length));
    console.log(
      `per event ${fmt(perEvent.perSecond)} events/s [${fmt(perEvent.min)}..${fmt(perEvent.max)}], raw ${fmt(raw.perSecond)} msg/s, ratio ${fmt(perEvent.perSecond / raw.perSecond, 2)}`,
    );
    console.log(
      `  CPU µs per event: ${perEventCpu(perEvent)}; ${fmt(perEvent.perCommit, 1)} events per consumer transaction`,
    );
    await producerDs.destroy();
    await deleteTopology(adminChannel, topology);
    await admin.close();
    await dbs.drop();
    return;
  }

  // 2. Latency at a paced RATE: one event per transaction, commit time -> effect commit time.
  const latencyRound = async (round: string): Promise<Latency> => {
    applied = 0;
    appliedAt.clear();
    const committedAt = new Map<string, number>();
    const total = RATE * LATENCY_SECONDS;
    const start = now();
    let sent = 0;
    const pending = new Set<Promise<void>>();
    while (sent < total) {
      const due = Math.min(total, Math.floor(((now() - start) / 1000) * RATE));
      for (; sent < due; sent += 1) {
        const k = sent;
        const p = producerDs
          .transaction((em) =>
            outbox.add(em, { type: STEP, subject: `${round}-${k % 500}`, data: { n: Math.floor(k / 500) } }),
          )
          .then((events) => events.forEach((e) => committedAt.set(e.id, now())));
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
      await sleep(1);
    }
    await Promise.all(pending);
    const rate = total / ((now() - start) / 1000);
    await waitApplied(total, 120_000);
    const sorted = [...committedAt].map(([id, at]) => (appliedAt.get(id) ?? Number.NaN) - at).sort((a, b) => a - b);
    return {
      rate,
      total,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  };
  const perEventLatency = await latencyRound('le');

  // 3. Throughput with a batch handler (one multi-row INSERT per run of events).
  await consumer.stop();
  const eventConsumerRssKb = consumer.lastRssKb;
  consumer = new BackboneChild('consumer', { ...childConfig, dbUrl: dbs.consumer.appUrl, handler: 'batch' }, onMessage);
  await consumer.start();
  const batched = await rounds((i) => throughputRound(`b${i}`));
  const batchLatency = await latencyRound('lb');

  // 4. The handler-per-event path with a handler that issues no statement: the consumer's own cost (validation,
  // lanes, inbox, transaction, ack) without the effect's round trip. Its distance to (1) is what the effect costs.
  await consumer.stop();
  const batchConsumerRssKb = consumer.lastRssKb;
  consumer = new BackboneChild('consumer', { ...childConfig, dbUrl: dbs.consumer.appUrl, handler: 'none' }, onMessage);
  await consumer.start();
  const noStatement = await rounds((i) => throughputRound(`n${i}`));
  await Promise.all([relay.stop(), consumer.stop()]);

  // 5. Raw amqplib, same broker, same message size, same run.
  const raw = await rounds(() => rawAmqplib(body.length));

  const [{ version: pgVersion }] = (await producerDs.query('SELECT version()')) as { version: string }[];
  const rabbitVersion = String(
    (admin as unknown as { connection: { serverProperties: { version?: string } } }).connection.serverProperties
      .version ?? '?',
  );
  await producerDs.destroy();
  await deleteTopology(adminChannel, topology);
  await admin.close();
  await dbs.drop();

  const cores = cpus();
  const latencyLine = (label: string, l: Latency) =>
    `latency outbox commit -> effect commit, ${label}, at ${fmt(l.rate)} events/s paced (${fmt(l.total)} events, 1 event/tx): ` +
    `p50 ${fmt(l.p50, 1)} ms, p95 ${fmt(l.p95, 1)} ms, p99 ${fmt(l.p99, 1)} ms, max ${fmt(l.max, 1)} ms`;
  const latencyMet = (l: Latency) => (l.p99 < 100 && l.rate >= 0.95 * RATE ? 'met' : 'NOT met');
  const range = (r: { min: number; max: number }) =>
    ROUNDS > 1 ? ` [${ROUNDS} rounds: ${fmt(r.min)}..${fmt(r.max)}]` : '';
  const roundLine = (label: string, r: Round & { min: number; max: number }) =>
    `end-to-end, ${label}: ${fmt(r.perSecond)} events/s${range(r)} (${fmt(EVENTS)} events over ${fmt(SUBJECTS)} subjects in ${TX_SIZE}-event transactions, ` +
    `outbox insert -> last effect committed ${fmt(r.seconds, 2)} s, inserts ${fmt(r.insertSeconds, 2)} s); ratio to raw ${fmt(r.perSecond / raw.perSecond, 2)}\n` +
    `  CPU seconds (postgres: backends of the two databases; rabbitmq: the whole broker): ${Object.entries(r.cpu)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`)
      .join(', ')} (of ${fmt(r.seconds * cores.length, 2)} available)\n` +
    `  CPU µs per event: ${perEventCpu(r)}; ${fmt(r.perCommit, 1)} events per consumer transaction`;
  const lines = [
    `Backbone benchmark, ${new Date().toISOString()} (load average at start ${loadAtStart.map((l) => fmt(l, 2)).join(' ')})`,
    `machine: ${cores[0]?.model ?? '?'}, ${cores.length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${pgVersion.split(' on ')[0]}, RabbitMQ ${rabbitVersion}`,
    `message: ${body.length} bytes (CloudEvent JSON), persistent, publisher confirms (window 256), quorum queue, manual ack; relay and consumer are separate processes`,
    '',
    roundLine('handler per event (1 INSERT each)', perEvent),
    roundLine('batch handler (1 INSERT per run)', batched),
    roundLine('handler per event issuing no statement (inbox only: the consumer path without the effect)', noStatement),
    latencyLine('handler per event', perEventLatency),
    latencyLine('batch handler', batchLatency),
    `raw amqplib confirmed publish + consume (${fmt(RAW_MESSAGES)} messages, window 256, prefetch 500): ${fmt(raw.perSecond)} msg/s${range(raw)} (${fmt(raw.seconds, 2)} s)`,
    `peak RSS: bench process (producer) ${fmt(process.resourceUsage().maxRSS / 1024)} MiB, relay ${fmt(relay.lastRssKb / 1024)} MiB, ` +
      `consumer ${fmt(eventConsumerRssKb / 1024)} MiB (per event) / ${fmt(batchConsumerRssKb / 1024)} MiB (batch)`,
    '',
    `targets: >= 5,000 events/s: per event ${perEvent.perSecond >= 5_000 ? 'met' : 'NOT met'}, batch ${batched.perSecond >= 5_000 ? 'met' : 'NOT met'}; ` +
      `ratio >= 0.30: per event ${perEvent.perSecond / raw.perSecond >= 0.3 ? 'met' : 'NOT met'}, batch ${batched.perSecond / raw.perSecond >= 0.3 ? 'met' : 'NOT met'}, ` +
      `per event without the effect's statement ${noStatement.perSecond / raw.perSecond >= 0.3 ? 'met' : 'NOT met'}; ` +
      `p99 < 100 ms at 1,000 events/s: per event ${latencyMet(perEventLatency)}, batch ${latencyMet(batchLatency)}`,
  ];
  console.log(lines.join('\n'));
}

await main();
