import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { Queue } from 'bullmq';
import pg from 'pg';
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { createRedisConnection } from '@si/jobs';
import { declareTopology, deleteTopology, loadTopology, resolveTopology, type CloudEvent } from '@si/messaging';
import { createTestDatabase, eventually, freePort, ServiceProcess, type TestDatabase } from '@si/testing';
import { moveInDelivery, type Newcomer } from '../e2e/support/ech-0020.js';

/**
 * Issue 9 point 5: every service runs as two processes at once (outbox relays, consumers and job schedulers in
 * both), each on its service's own broker user, and one case-management process is killed halfway. Nothing is
 * lost, nothing applied twice (case-management, reporting, subsidies), per-subject order holds across both relays,
 * every reminder is sent once and every scheduled job (reminder sweeps, the claim run, offer reviews) has one
 * schedule, not one per process, so it runs once per due time.
 */
const SERVICES = ['registry-intake', 'case-management', 'offers', 'subsidies', 'reporting', 'dfpa'] as const;
type Service = (typeof SERVICES)[number];
const AMQP_ADMIN = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const ARRIVALS = 16;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('two instances of every service', () => {
  // `t` + 8 hex digits: the test prefix the services' own broker users may use (infra/rabbitmq/definitions-local.json).
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const topology = resolveTopology(loadTopology(), prefix);
  const databases = new Map<Service, TestDatabase>();
  const instances = new Map<Service, [ServiceProcess, ServiceProcess]>();
  let oidc: DevOidcServer;
  let admin: ChannelModel;
  let capture: Channel;
  const captured: CloudEvent[] = [];
  const tokens = new Map<string, string>();

  const token = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const r = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password: 'demo' }),
    });
    const t = ((await r.json()) as { access_token: string }).access_token;
    tokens.set(username, t);
    return t;
  };
  const call = async (
    instance: ServiceProcess,
    method: string,
    path: string,
    body?: string,
    contentType = 'application/json',
  ) => {
    const r = await fetch(`${instance.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token('ib.solothurn')}`,
        ...(body ? { 'content-type': contentType } : {}),
      },
      ...(body ? { body } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  const sql = async (service: Service, query: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databases.get(service)?.appUrl });
    await client.connect();
    try {
      return (await client.query(query, params)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    oidc = await startDevOidc({ port: 0 });
    // The administrator declares the topology; the services, on their own users, declare only their own queues.
    admin = await connect(AMQP_ADMIN);
    admin.on('error', () => undefined);
    capture = await admin.createChannel();
    await declareTopology(capture, topology);
    const { queue } = await capture.assertQueue('', { exclusive: true, autoDelete: true });
    await capture.bindQueue(queue, topology.exchange, 'case.#');
    await capture.consume(
      queue,
      (msg) => {
        if (msg) captured.push(JSON.parse(msg.content.toString('utf8')) as CloudEvent);
      },
      { noAck: true },
    );

    for (const name of SERVICES) databases.set(name, await createTestDatabase(name));
    const jobs = `${prefix}bull`;
    const personRefKey = randomBytes(32).toString('hex'); // the same for both intake processes: one person, one reference
    for (const name of SERVICES) {
      const db = databases.get(name) as TestDatabase;
      const env = (): Record<string, string> => ({
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATOR_URL: db.migratorUrl,
        SI_MESSAGING_PREFIX: prefix,
        OIDC_AUTH_SERVER_URL: oidc.publicUrl,
        AMQP_URL: `amqp://${name}:${name}@127.0.0.1:${new URL(AMQP_ADMIN).port || 5672}`,
        LOG_LEVEL: 'info',
        CASE_JOBS_PREFIX: jobs,
        CASE_SWEEP_EVERY_MS: '1000',
        INTAKE_JOBS_PREFIX: jobs,
        OFFERS_JOBS_PREFIX: jobs,
        SUBSIDIES_JOBS_PREFIX: jobs,
        REPORTING_JOBS_PREFIX: jobs,
        DFPA_JOBS_PREFIX: jobs,
        PERSON_REF_KEY: personRefKey,
        SEDEX_INBOX_DIR: mkdtempSync(join(tmpdir(), 'two-instances-')),
      });
      instances.set(name, [
        new ServiceProcess(name, await freePort(), env()),
        new ServiceProcess(name, await freePort(), env()),
      ]);
    }
    // Both instances of a service start together (they race for the migration lock, the relay lock and the queues);
    // the services one after another, which keeps the start bearable on two cores.
    for (const pair of instances.values()) await Promise.all(pair.map((p) => p.start(180_000)));
  }, 900_000);

  afterAll(async () => {
    await Promise.all([...instances.values()].flat().map((p) => p.stop().catch(() => undefined)));
    const redis = createRedisConnection();
    const keys = await redis.keys(`${prefix}bull:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await deleteTopology(await admin.createChannel(), topology).catch(() => undefined);
    await admin?.close().catch(() => undefined);
    await oidc?.close();
    for (const db of databases.values()) await db.drop();
  }, 120_000);

  it('loses nothing, applies nothing twice, reminds once and keeps per-subject order while one case-management process is killed', async () => {
    const [intakeA, intakeB] = instances.get('registry-intake') as [ServiceProcess, ServiceProcess];
    const [casesA, casesB] = instances.get('case-management') as [ServiceProcess, ServiceProcess];
    const persons: Newcomer[] = Array.from({ length: ARRIVALS }, (_, i) => ({
      officialName: `Zweifach${randomBytes(3).toString('hex')}`,
      firstName: 'Amanuel',
      sex: 1,
      dateOfBirth: '1990-05-01',
      country: { bfsCode: 8362, iso2: 'ER', name: 'Eritrea' },
      permit: '0202',
      language: 'ti',
      municipality: { bfs: 2601, name: 'Solothurn', zip: '4500' },
      arrivalDate: day(-100),
      localId: `TWO-${i}-${randomBytes(3).toString('hex')}`,
    }));
    for (const [i, person] of persons.entries()) {
      if (i === ARRIVALS / 2) await casesA.kill(); // mid-stream: its consumer, relay and job worker die without a goodbye
      const r = await call(
        i % 2 ? intakeB : intakeA,
        'POST',
        '/api/v1/deliveries',
        moveInDelivery(person),
        'application/xml',
      );
      expect(r.status).toBe(202);
    }

    // Nothing lost, nothing applied twice: one case per person, one case.opened per case (a copy could only repeat its id).
    const cases = await eventually(
      async () => {
        const rows = await sql('case-management', 'SELECT case_id, person_ref FROM case_record');
        expect(rows).toHaveLength(ARRIVALS);
        return rows as { case_id: string; person_ref: string }[];
      },
      { timeoutMs: 60_000 },
    );
    expect(new Set(cases.map((c) => c.person_ref)).size).toBe(ARRIVALS);
    await eventually(
      () =>
        expect(new Set(captured.filter((e) => e.type === 'case.opened.v1').map((e) => e.subject))).toEqual(
          new Set(cases.map((c) => c.case_id)),
        ),
      { timeoutMs: 30_000 },
    );
    for (const c of cases)
      expect(
        new Set(captured.filter((e) => e.type === 'case.opened.v1' && e.subject === c.case_id).map((e) => e.id)).size,
      ).toBe(1);

    // Every reminder once: the reminder day of every arrival (100 days ago, 3 months' deadline) had come when its
    // case opened, and both processes' workers and sweeps (one of them killed) were after it.
    await eventually(
      async () => {
        const rows = await sql(
          'case-management',
          'SELECT case_id, count(*)::int AS n FROM deadline_reminder GROUP BY case_id',
        );
        expect(rows).toHaveLength(ARRIVALS);
        expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      },
      { timeoutMs: 30_000 },
    );

    // Per-subject order across relays: the first information of each case, asked of the surviving instance, follows its opening.
    for (const c of cases) {
      const r = await call(
        casesB,
        'POST',
        `/api/v1/cases/${c.case_id}/first-information/info-folder`,
        JSON.stringify({ handedOutOn: day(-1), language: 'tir' }),
      );
      expect(r.status).toBe(200);
    }
    await eventually(
      () => expect(captured.filter((e) => e.type === 'case.first-information-completed.v1')).toHaveLength(ARRIVALS),
      { timeoutMs: 30_000 },
    );
    for (const c of cases) {
      const types = captured.filter((e) => e.subject === c.case_id).map((e) => e.type);
      expect(types.indexOf('case.opened.v1')).toBeLessThan(types.indexOf('case.first-information-completed.v1'));
    }

    // Downstream, reporting (two processes, one consuming at a time) logged each case event once and in order per case.
    const logged = await eventually(
      async () => {
        const rows = (await sql(
          'reporting',
          "SELECT subject, type FROM event_log WHERE type LIKE 'case.%' ORDER BY seq",
        )) as { subject: string; type: string }[];
        expect(rows).toHaveLength(2 * ARRIVALS);
        return rows;
      },
      { timeoutMs: 30_000 },
    );
    for (const c of cases)
      expect(logged.filter((r) => r.subject === c.case_id).map((r) => r.type)).toEqual([
        'case.opened.v1',
        'case.first-information-completed.v1',
      ]);
  });

  it('keeps one schedule per scheduled job (reminder sweeps, claim run, offer review) for both processes, not one each', async () => {
    const connection = createRedisConnection();
    const schedules: Record<string, string[]> = {};
    const queues = [
      'case-management.deadlines',
      'subsidies.claims',
      'reporting.self-declaration-reminders',
      'dfpa.deadlines',
      'offers.review',
      'registry-intake.partial-deliveries',
    ];
    try {
      for (const name of queues) {
        const queue = new Queue(name, { connection, prefix: `${prefix}bull` });
        schedules[name] = (await queue.getJobSchedulers()).map((s) => s.key ?? s.name).sort();
        await queue.close();
      }
    } finally {
      await connection.quit(); // BullMQ leaves a connection it was given open
    }
    // Every queue has its schedule, and each exactly once (two processes upserting under one id, not two ids).
    for (const name of queues) {
      expect({ name, count: schedules[name]?.length }).toEqual({ name, count: 1 });
    }
  });

  it('books each first information once in subsidies (two consuming processes): one ledger booking or one recorded refusal per event', async () => {
    const rows = await eventually(
      async () => {
        const r = (await sql(
          'subsidies',
          `SELECT source_event_id::text AS id FROM ledger_entry
            WHERE kind = 'booking' AND event_type = 'case.first-information-completed.v1'
           UNION ALL
           SELECT event_id::text FROM refused_event WHERE event_type = 'case.first-information-completed.v1'`,
        )) as { id: string }[];
        expect(r.length).toBeGreaterThanOrEqual(ARRIVALS);
        return r;
      },
      { timeoutMs: 30_000 },
    );
    const events = captured.filter((e) => e.type === 'case.first-information-completed.v1').map((e) => e.id);
    expect(rows.map((r) => r.id).sort()).toEqual([...events].sort());
  });
});
