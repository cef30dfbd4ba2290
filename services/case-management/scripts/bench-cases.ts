// Benchmark of case-management (issue 4): `npm run bench:cases` (bash infra/scripts/bench.sh cases).
// Prints figures, asserts nothing. The service runs as its own process (dist/main.js) on a fresh database
// with the real guard, dev identity server, RabbitMQ and Redis; the load comes from this process.
//   A. arrival → case visible in the work list: person.arrived.v1 published at 200/s; an IB polls the work
//      list (newest first) and notes when each new case first appears. p50/p99 of publish → seen.
//   B. authenticated work-list reads with 1,000,000 cases in the database: the highest rate (closed loop)
//      and p99 at a fixed 500 reads/s (open loop, latency from the intended send time), beside the same
//      read without the auth guard (the unguarded twin route mounted only for this benchmark), same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import pg from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark authenticates against the real dev identity server
import { startDevOidc } from '@si/dev-oidc';
import { buildCloudEvent, declareTopology, deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, freePort } from '@si/testing';
import { fmt, machine, now, percentile, say, sleep, SOLOTHURN } from './bench-support.js';
import { withCpu } from './cpu-accounting.js';
import { cannon, openLoop, type LoadResult } from './http-load.js';
import { FIRST, seed, SURNAMES } from './seed-cases.js';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const ARRIVAL_RATE = Number(process.env.BENCH_ARRIVAL_RATE ?? 200);
const ARRIVAL_SECONDS = Number(process.env.BENCH_ARRIVAL_SECONDS ?? 20);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 15);
const READ_CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 64);
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

// ---------- the run ----------
async function main(): Promise<void> {
  say('case-management benchmark (issue 4)');
  say(`machine: ${machine()}`);
  say(
    `cases in the database: ${fmt(CASES)}; arrivals ${ARRIVAL_RATE}/s for ${ARRIVAL_SECONDS} s; reads ${ROUNDS} × ${READ_SECONDS} s per side, ${READ_CONNECTIONS} connections; fixed rate ${FIXED_RATE}/s`,
  );
  say(`load average before the run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  const db = await createTestDatabase('case-management');
  const oidc = await startDevOidc({ port: 0 });
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const port = await freePort();
  const log = join(tmpdir(), `bench-cases-${process.pid}.log`);
  const out = createWriteStream(log);
  let child: ChildProcess | undefined;
  const amqp = await connect(AMQP_URL);
  amqp.on('error', () => undefined); // a broker restart by someone else must not crash the cleanup below
  const topology = resolveTopology(loadTopology(), prefix);
  say(`database ${db.name}, broker prefix ${prefix}`);
  try {
    const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean); // e.g. --cpu-prof
    child = spawn(
      process.execPath,
      [...nodeArgs, join(repoRoot, 'services/case-management/dist/bench/bench-main.js')],
      {
        env: {
          ...process.env,
          DATABASE_URL: db.appUrl,
          DATABASE_MIGRATOR_URL: db.migratorUrl,
          SI_MESSAGING_PREFIX: prefix,
          OIDC_AUTH_SERVER_URL: oidc.publicUrl,
          PORT: String(port),
          CASE_JOBS_PREFIX: `${prefix}bull`,
          LOG_LEVEL: 'warn',
          NODE_ENV: 'benchmark',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    const readyBy = now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode} (log: ${log})`);
      const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (now() > readyBy) throw new Error(`service not ready after 60 s (log: ${log})`);
      await sleep(200);
    }
    say(`service ready on port ${port} (log: ${log})`);

    const channel = await amqp.createConfirmChannel();
    await declareTopology(channel, topology);
    const publish = (data: ReturnType<typeof arrivalData>) => {
      const event = buildCloudEvent('registry-intake', { type: 'person.arrived.v1', subject: data.personRef, data });
      return new Promise<void>((resolve, reject) =>
        channel.publish(
          topology.exchange,
          event.type,
          Buffer.from(JSON.stringify(event)),
          { persistent: true, messageId: event.id, contentType: 'application/cloudevents+json', type: event.type },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
    };
    const tokenFor = async (username: string) => {
      const r = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password: 'demo' }),
      });
      return ((await r.json()) as { access_token: string }).access_token;
    };
    const tokens = await Promise.all(Array.from({ length: 8 }, () => tokenFor('ib.solothurn')));
    let turn = 0;
    const authHeaders = () => ({ authorization: `Bearer ${tokens[(turn += 1) % tokens.length]}` });
    const app = new pg.Pool({ connectionString: db.appUrl, max: 2 });

    // A template snapshot from a real case, so seeded rows have a realistic size.
    const first = arrivalData();
    await publish(first);
    let template: unknown;
    while (!template) {
      template = (await app.query('SELECT snapshot FROM case_record WHERE person_ref = $1', [first.personRef])).rows[0]
        ?.snapshot;
      await sleep(50);
    }
    const municipalities = (
      JSON.parse(readFileSync(join(repoRoot, 'contracts/reference/sozialregionen.json'), 'utf8')) as {
        sozialregionen: { municipalities: number[] }[];
      }
    ).sozialregionen.flatMap((r) => r.municipalities);
    say(
      `seeding ${fmt(CASES)} cases (10 % Solothurn, 10 % Olten, the rest over ${municipalities.length - 2} municipalities; 2 years of registrations)`,
    );
    const seedSeconds = await seed(db.migratorUrl, template, municipalities, CASES);
    const count = Number((await app.query('SELECT count(*) FROM case_record')).rows[0].count);
    const solothurn = Number(
      (await app.query('SELECT count(*) FROM case_record WHERE municipality = $1', [SOLOTHURN])).rows[0].count,
    );
    say(
      `seeded in ${fmt(seedSeconds)} s: ${fmt(count)} cases, ${fmt(solothurn)} of them in Solothurn (the benchmark IB's work list)`,
    );

    // A. arrival → visible
    say('');
    say(
      `A. arrival → case visible in the work list (${ARRIVAL_RATE} arrivals/s for ${ARRIVAL_SECONDS} s, IB polls GET /api/v1/cases?sort=-openedAt&limit=100)`,
    );
    const published = new Map<string, number>();
    const seen = new Map<string, number>();
    let publishing = true;
    let polls = 0;
    const pollAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const poller = (async () => {
      const deadline = () => !publishing && (seen.size >= published.size || now() > publishEnd + 30_000);
      let publishEnd = Number.POSITIVE_INFINITY;
      for (;;) {
        if (!publishing && publishEnd === Number.POSITIVE_INFINITY) publishEnd = now();
        if (deadline()) break;
        // Newest first; a transaction may commit a batch of cases at once, so page on while a page brings news.
        let cursor: string | null = null;
        for (let page = 0; page < 20; page += 1) {
          const path = `/api/v1/cases?sort=-openedAt&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
          const body = await new Promise<string>((resolve, reject) => {
            const req = request({ host: '127.0.0.1', port, path, agent: pollAgent, headers: authHeaders() }, (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => (text += c));
              res.on('end', () => resolve(text));
            });
            req.on('error', reject);
            req.end();
          });
          const at = Date.now();
          polls += 1;
          const parsed = JSON.parse(body) as {
            items: { openedAt: string; person: { personRef: string } }[];
            nextCursor: string | null;
          };
          for (const item of parsed.items) {
            const ref = item.person.personRef;
            if (published.has(ref) && !seen.has(ref)) seen.set(ref, at);
          }
          // A case is opened after its arrival was published, so nothing unseen lies below the oldest unseen publish time.
          let oldestUnseen = Number.POSITIVE_INFINITY;
          for (const [ref, t] of published) if (!seen.has(ref) && t < oldestUnseen) oldestUnseen = t;
          const last = parsed.items.at(-1);
          if (!last || !parsed.nextCursor || Date.parse(last.openedAt) < oldestUnseen - 50) break;
          cursor = parsed.nextCursor;
        }
        await sleep(10);
      }
    })();
    const total = ARRIVAL_RATE * ARRIVAL_SECONDS;
    const interval = 1000 / ARRIVAL_RATE;
    const cpuA = withCpu(child.pid ?? 0, async () => {
      await poller;
      return { requests: total };
    });
    const startA = now();
    const confirms: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const wait = startA + i * interval - now();
      if (wait > 1) await sleep(wait);
      const data = arrivalData();
      published.set(data.personRef, Date.now());
      confirms.push(publish(data));
    }
    await Promise.all(confirms);
    const publishSeconds = (now() - startA) / 1000;
    publishing = false;
    const { cpu: cpuArrivals } = await cpuA;
    pollAgent.destroy();
    const lat = [...seen].map(([ref, at]) => at - (published.get(ref) ?? at)).sort((a, b) => a - b);
    say(
      `  published ${fmt(total)} arrivals in ${fmt(publishSeconds, 1)} s (${fmt(total / publishSeconds)}/s); seen ${fmt(seen.size)}, missing ${fmt(total - seen.size)}; ${fmt(polls)} polls`,
    );
    say(
      `  publish → visible: p50 ${fmt(percentile(lat, 50))} ms, p99 ${fmt(percentile(lat, 99))} ms, max ${fmt(lat.at(-1) ?? 0)} ms (target p99 < 1000 ms)`,
    );
    say(`  ${cpuArrivals.replace('CPU/request', 'CPU/arrival (with the polls)')}`);

    // B. reads
    say('');
    say(
      `B. work-list reads (GET /api/v1/cases as ib.solothurn: ${fmt(solothurn + total)} cases in scope, first page of 20 by due date; ${fmt(count + total)} cases in the database)`,
    );
    const guardedPath = '/api/v1/cases';
    const unguardedPath = '/bench/unguarded/cases';
    await cannon(port, guardedPath, authHeaders, READ_CONNECTIONS, 5); // warm-up: JIT, plans, caches
    await cannon(port, unguardedPath, () => ({}), READ_CONNECTIONS, 3);
    const servicePid = child.pid ?? 0;
    const row = (label: string, r: LoadResult & { cpu?: string }) => {
      say(
        `  ${label.padEnd(34)} ${fmt(r.perSecond).padStart(6)} reads/s  p50 ${fmt(r.p50, 1).padStart(6)} ms  p99 ${fmt(r.p99, 1).padStart(6)} ms  (${fmt(r.requests)} requests, ${r.errors} errors)`,
      );
      if (r.cpu) say(`  ${''.padEnd(34)} ${r.cpu}`);
    };
    // Alternating rounds, median of each: the machine is shared, and a burst of someone else's work should
    // not land on one side of the comparison only.
    const guardedRounds: (LoadResult & { cpu: string })[] = [];
    const unguardedRounds: (LoadResult & { cpu: string })[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const g = await withCpu(servicePid, () => cannon(port, guardedPath, authHeaders, READ_CONNECTIONS, READ_SECONDS));
      row(`round ${round} authenticated`, g);
      const u = await withCpu(servicePid, () =>
        cannon(port, unguardedPath, () => ({}), READ_CONNECTIONS, READ_SECONDS),
      );
      row(`round ${round} without the guard`, u);
      guardedRounds.push(g);
      unguardedRounds.push(u);
    }
    const median = <T extends LoadResult>(rounds: T[]): T =>
      [...rounds].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(rounds.length / 2)] as T;
    const guarded = median(guardedRounds);
    const unguarded = median(unguardedRounds);
    say(`  median of ${ROUNDS} rounds:`);
    row(`authenticated, ${READ_CONNECTIONS} connections`, { ...guarded, cpu: '' });
    row(`without the guard, ${READ_CONNECTIONS} connections`, { ...unguarded, cpu: '' });
    say(
      `  auth ratio (authenticated / unguarded reads/s): ${fmt(guarded.perSecond / unguarded.perSecond, 2)} (target ≥ 0.5; target ≥ 2,000 authenticated reads/s)`,
    );
    const fixedGuarded = await withCpu(servicePid, () =>
      openLoop(port, guardedPath, authHeaders, FIXED_RATE, READ_SECONDS),
    );
    const fixedUnguarded = await withCpu(servicePid, () =>
      openLoop(port, unguardedPath, () => ({}), FIXED_RATE, READ_SECONDS),
    );
    row(`authenticated at ${FIXED_RATE}/s`, fixedGuarded);
    row(`without the guard at ${FIXED_RATE}/s`, fixedUnguarded);
    const audits = Number(
      (await app.query(`SELECT count(*) FROM audit_record WHERE action = 'case.list'`)).rows[0].count,
    );
    say(`  audit records of list reads written: ${fmt(audits)} (one per request, committed before the answer)`);
    const rss = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1];
    say(`  service peak RSS: ${fmt(Number(rss ?? 0) / 1024)} MiB`);
    await app.end();
  } finally {
    child?.kill('SIGTERM');
    await new Promise((r) => (child && child.exitCode === null ? child.once('exit', r) : r(undefined)));
    await amqp.close().catch(() => undefined);
    try {
      const cleanup = await connect(AMQP_URL);
      cleanup.on('error', () => undefined);
      await deleteTopology(await cleanup.createChannel(), topology);
      await cleanup.close();
    } catch (error) {
      say(`could not delete the queues with prefix ${prefix}: ${(error as Error).message}`);
    }
    await oidc.close();
    if (process.env.BENCH_KEEP_DB === '1') say(`database kept: ${db.name}`);
    else await db.drop();
    out.end();
  }
}

let sequence = 0;
/** A person.arrived.v1 payload for Solothurn (as registry-intake emits it; see contracts/events/person). */
function arrivalData() {
  sequence += 1;
  const personRef = `p-${randomBytes(16).toString('hex')}`;
  const today = new Date().toISOString().slice(0, 10);
  const country = { bfsCode: 8362, iso2: 'ER', name: 'Eritrea', euEfta: false, matchedByName: false };
  return {
    personRef,
    alternatePersonRefs: [],
    bfsNumber: SOLOTHURN,
    municipalityName: 'Solothurn',
    municipalityMatchedByName: false,
    eventDate: today,
    source: {
      messageId: randomUUID(),
      senderId: 'sedex://T1-2601-1',
      echEvent: 'moveIn',
      action: '1',
      testDelivery: true,
      messageDate: null,
    },
    sex: 'female',
    yearOfBirth: 1990,
    dateOfBirth: '1990-05-17',
    nationality: { status: 'known', countries: [country] },
    residencePermit: {
      code: '0202',
      category: 'B',
      categoryCode: '02',
      euEfta: false,
      label: null,
      validFrom: today,
      validTill: null,
      entryDate: today,
    },
    language: 'ti',
    householdId: null,
    arrivalDate: today,
    entryDate: today,
    comesFrom: { kind: 'foreignCountry', country, town: null, bfsNumber: null, municipalityName: null, canton: null },
    comesFromUnknown: false,
    residenceType: 'main',
    targetGroup: {
      ruleVersion: 'so-default-2026.1',
      opensCase: true,
      basis: 'category',
      permitCode: '0202',
      category: 'B',
    },
    personalData: {
      officialName: SURNAMES[sequence % SURNAMES.length],
      firstName: FIRST[sequence % FIRST.length],
      callName: null,
      originalName: null,
      allianceName: null,
      vn: null,
      localPersonId: { category: 'MU.2601', id: String(100_000 + sequence) },
      address: {
        addressLine1: null,
        addressLine2: null,
        street: 'Hauptgasse',
        houseNumber: String((sequence % 90) + 1),
        dwellingNumber: null,
        postOfficeBox: null,
        locality: null,
        postalCode: '4500',
        town: 'Solothurn',
        country: 'CH',
        egid: null,
        ewid: null,
      },
    },
  };
}

await main();
