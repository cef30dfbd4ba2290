import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'amqplib';
import pg from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the service is tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, eventually, freePort, ServiceProcess, type TestDatabase } from '@si/testing';
import { AMQP_URL } from './support/intake-app.js';
import { baseDelivery } from './support/xml.js';

/**
 * The sedex inbox with real crashes: the service process is SIGKILLed while it is half-way through a base delivery
 * (its events partly written into the open transaction), then started again. Nothing may be lost or doubled: the
 * delivery ends accepted exactly once, with exactly one event per foreign resident, and the pair in processed/.
 */
let db: TestDatabase;
let oidc: DevOidcServer;
let work: string;
let sql: pg.Pool;
const prefix = `crash${Date.now().toString(36)}.`;

beforeAll(async () => {
  db = await createTestDatabase('registry-intake');
  oidc = await startDevOidc({ port: 0 });
  work = mkdtempSync(join(tmpdir(), 'ri-crash-'));
  mkdirSync(join(work, 'inbox'));
  sql = new pg.Pool({ connectionString: db.appUrl, max: 2 });
}, 60_000);

afterAll(async () => {
  await sql?.end();
  const amqp = await connect(AMQP_URL);
  await deleteTopology(await amqp.createChannel(), resolveTopology(loadTopology(), prefix)).catch(() => undefined);
  await amqp.close();
  await oidc?.close();
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
  for (const child of children) rmSync(child.log, { force: true });
});

const children: ServiceProcess[] = [];

async function service(): Promise<ServiceProcess> {
  const child = new ServiceProcess('registry-intake', await freePort(), {
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATOR_URL: db.migratorUrl,
    SI_MESSAGING_PREFIX: prefix,
    OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    SEDEX_INBOX_DIR: join(work, 'inbox'),
    SEDEX_POLL_INTERVAL_MS: '100',
    INTAKE_STAGE_THRESHOLD: '200',
    PERSON_REF_KEY: 'registry-intake-crash-test-key-0123456789',
    LOG_LEVEL: 'warn',
  });
  children.push(child);
  await child.start();
  return child;
}

describe('a crash half-way through a base delivery from the sedex inbox', () => {
  it('neither loses nor doubles anything: the restarted service processes the pair again, once', async () => {
    const messageId = `crash-${Date.now().toString(36)}`;
    const { xml, stats } = baseDelivery(6000, { municipality: 2581, seed: 61, messageId });
    const inbox = join(work, 'inbox');
    const first = await service();
    writeFileSync(join(inbox, 'data_pair-crash.xml'), xml);
    writeFileSync(
      join(inbox, 'envl_pair-crash.xml'),
      `<?xml version="1.0"?><eCH-0090:envelope xmlns:eCH-0090="http://www.ech.ch/xmlns/eCH-0090/2" version="2.0"><eCH-0090:messageId>pair-crash</eCH-0090:messageId><eCH-0090:messageType>20001</eCH-0090:messageType><eCH-0090:messageClass>0</eCH-0090:messageClass><eCH-0090:senderId>T1-2581-1</eCH-0090:senderId><eCH-0090:recipientId>T6-SO-1</eCH-0090:recipientId><eCH-0090:eventDate>2026-03-01T08:00:00</eCH-0090:eventDate><eCH-0090:messageDate>2026-03-01T08:00:00</eCH-0090:messageDate></eCH-0090:envelope>`,
    );

    // Kill it once its long transaction holds some batches: the row is processing and events are in flight.
    await eventually(
      async () => {
        const r = await sql.query(`SELECT status FROM delivery WHERE source_ref = 'pair-crash'`);
        expect(r.rows[0]?.status).toBe('processing');
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    // Some batches later (the open transaction holds them; a 6,000-person delivery takes seconds here):
    await new Promise((r) => setTimeout(r, 400));
    const open = await sql.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
      [db.name],
    );
    expect(open.rows[0].n).toBeGreaterThan(0);
    expect((await sql.query(`SELECT status FROM delivery WHERE source_ref = 'pair-crash'`)).rows[0].status).toBe(
      'processing',
    );
    await first.kill();
    expect(existsSync(join(inbox, 'processing', 'envl_pair-crash.xml'))).toBe(true);
    // PostgreSQL rolled the dead process's transaction back: nothing of the delivery is in the outbox.
    const none = await sql.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->'baseDelivery'->>'messageId' = $1`,
      [messageId],
    );
    expect(none.rows[0].n).toBe(0);

    const second = await service();
    try {
      await eventually(
        async () => {
          const r = await sql.query(`SELECT status, attempts FROM delivery WHERE source_ref = 'pair-crash'`);
          expect(r.rows).toEqual([{ status: 'accepted', attempts: 2 }]);
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const events = await sql.query(
        `SELECT count(*)::int AS n, count(DISTINCT subject)::int AS subjects FROM outbox
        WHERE type = 'person.registered.v1' AND payload->'data'->'baseDelivery'->>'messageId' = $1`,
        [messageId],
      );
      expect(events.rows[0]).toEqual({ n: stats.foreign, subjects: stats.foreign });
      await eventually(() => {
        expect(existsSync(join(inbox, 'processed', 'envl_pair-crash.xml'))).toBe(true);
        expect(existsSync(join(inbox, 'processed', 'data_pair-crash.xml'))).toBe(true);
      });
    } finally {
      await second.stop();
    }
  }, 180_000);
});
