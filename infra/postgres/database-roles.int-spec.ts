import pg from 'pg';

/**
 * Each service's runtime role reaches only its own database and changes no schema (issue 9, point 7; the
 * security probe tried 6 roles × 5 foreign databases and 6 × 4 DDL statements). Roles and databases as
 * infra/postgres/init/01-roles-and-databases.sql creates them on the local platform.
 */
const SERVICES = ['registry_intake', 'case_management', 'offers', 'subsidies', 'reporting', 'dfpa'];
const host = process.env.PGHOST ?? '127.0.0.1';
const port = Number(process.env.PGPORT ?? 5432);

async function outcome(role: string, database: string, sql = 'SELECT 1'): Promise<string> {
  const client = new pg.Client({ host, port, user: role, password: role, database, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    return `no connect: ${(err as { code?: string }).code ?? (err as Error).message}`;
  }
  try {
    await client.query(sql);
    return 'ok';
  } catch (err) {
    return `refused: ${(err as { code?: string }).code}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('database roles (security probe: database)', () => {
  it("lets each runtime role connect to its own database and to no other service's", async () => {
    const seen: string[] = [];
    for (const owner of SERVICES) {
      for (const db of SERVICES) {
        const result = await outcome(`${owner}_app`, db);
        seen.push(
          `${owner}_app → ${db}: ${owner === db ? result : result.startsWith('no connect: 42501') ? 'refused' : result}`,
        );
      }
    }
    expect(seen).toEqual(
      SERVICES.flatMap((owner) => SERVICES.map((db) => `${owner}_app → ${db}: ${owner === db ? 'ok' : 'refused'}`)),
    );
  });

  it('refuses schema changes, TEMP tables and server-side file access to the runtime role in its own database', async () => {
    for (const owner of ['case_management', 'registry_intake']) {
      const role = `${owner}_app`;
      expect(await outcome(role, owner, 'CREATE TABLE probe (id int)')).toBe('refused: 42501');
      expect(await outcome(role, owner, 'CREATE SCHEMA probe')).toBe('refused: 42501');
      expect(await outcome(role, owner, 'CREATE TEMP TABLE probe (id int)')).toBe('refused: 42501');
      expect(await outcome(role, owner, "SELECT pg_read_file('/etc/passwd')")).toBe('refused: 42501');
      expect(await outcome(role, owner, 'SELECT rolpassword FROM pg_authid')).toBe('refused: 42501');
    }
  });

  it("lets no migrator role into another service's database", async () => {
    expect(await outcome('case_management_migrator', 'registry_intake')).toMatch(/^no connect: 42501/);
    expect(await outcome('registry_intake_migrator', 'case_management')).toMatch(/^no connect: 42501/);
  });
});
