import { createDataSource, runMigrations } from '@si/persistence';
import { createTestDatabase, type TestDatabase } from '@si/testing';
import { correlation } from '@si/observability';
import type { DataSource } from 'typeorm';
import { AuditLog } from './audit-log.js';
import { AUDIT_TABLE, type AuditEntry } from './audit-record.js';
import { auditMigrations } from './audit.migration.js';

const entry: AuditEntry = {
  actor: { subject: 'u-1', username: 'ib.solothurn', roles: ['gemeinde'], scope: { gemeinden: [2601] } },
  action: 'case.read',
  objectType: 'case',
  objectId: 'c-1',
  municipality: 2601,
  outcome: 'granted',
};

describe('AuditLog against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('case-management');
    await runMigrations({
      migratorUrl: db.migratorUrl,
      appRole: db.appRole,
      migrations: auditMigrations,
      appendOnlyTables: [AUDIT_TABLE],
    });
    ds = createDataSource({ url: db.appUrl });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('commits with the action and disappears with its rollback', async () => {
    const audit = new AuditLog(ds);
    await correlation.run({ correlationId: 'corr-1' }, () => ds.transaction((em) => audit.record(em, entry)));
    await expect(
      ds.transaction(async (em) => {
        await audit.record(em, { ...entry, objectId: 'c-rolled-back' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const rows = await ds.query(
      'SELECT actor_username, action, object_id, municipality, outcome, correlation_id, actor_scope FROM audit_record',
    );
    expect(rows).toEqual([
      {
        actor_username: 'ib.solothurn',
        action: 'case.read',
        object_id: 'c-1',
        municipality: 2601,
        outcome: 'granted',
        correlation_id: 'corr-1',
        actor_scope: { gemeinden: [2601] },
      },
    ]);
  });

  it('cannot be updated, deleted or truncated by the runtime role', async () => {
    await new AuditLog(ds).recordAlone({ ...entry, outcome: 'denied' });
    await expect(ds.query("UPDATE audit_record SET outcome = 'granted'")).rejects.toThrow(/permission denied/);
    await expect(ds.query('DELETE FROM audit_record')).rejects.toThrow(/permission denied/);
    await expect(ds.query('TRUNCATE audit_record')).rejects.toThrow(/permission denied/);
  });

  it('refuses changes even by the owning migrator role', async () => {
    const owner = createDataSource({ url: db.migratorUrl });
    await owner.initialize();
    try {
      await expect(owner.query('DELETE FROM audit_record')).rejects.toThrow(/append-only/);
    } finally {
      await owner.destroy();
    }
  });
});
