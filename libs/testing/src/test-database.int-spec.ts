import pg from 'pg';
import { createTestDatabase } from './test-database.js';
import { runMigrations } from '@si/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

class CreateThings1700000000000 implements MigrationInterface {
  name = 'CreateThings1700000000000';
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE thing (id int PRIMARY KEY, label text NOT NULL)');
    await q.query('CREATE TABLE thing_log (id int PRIMARY KEY, what text NOT NULL)');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE thing_log; DROP TABLE thing');
  }
}

describe('test database + migrations + runtime role', () => {
  it('migrates as the migrator, lets the app role write, and keeps append-only tables append-only', async () => {
    const db = await createTestDatabase('case-management');
    try {
      const plan = {
        migratorUrl: db.migratorUrl,
        appRole: db.appRole,
        migrations: [CreateThings1700000000000],
        appendOnlyTables: ['thing_log'],
      };
      expect(await runMigrations(plan)).toEqual(['CreateThings1700000000000']);
      expect(await runMigrations(plan)).toEqual([]);
      const app = new pg.Client({ connectionString: db.appUrl });
      await app.connect();
      try {
        await app.query("INSERT INTO thing VALUES (1, 'a')");
        await app.query("UPDATE thing SET label = 'b'");
        await app.query("INSERT INTO thing_log VALUES (1, 'created')");
        await expect(app.query("UPDATE thing_log SET what = 'forged'")).rejects.toThrow(/permission denied/);
        await expect(app.query('DELETE FROM thing_log')).rejects.toThrow(/permission denied/);
        await expect(app.query('DROP TABLE thing')).rejects.toThrow(/must be owner/);
        expect((await app.query('SELECT what FROM thing_log')).rows).toEqual([{ what: 'created' }]);
      } finally {
        await app.end();
      }
    } finally {
      await db.drop();
    }
  });
});
