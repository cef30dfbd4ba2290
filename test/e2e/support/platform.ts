import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, type TestDatabase } from '@si/testing';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface RunningService {
  name: string;
  url: string;
  log: string;
  process: ChildProcess;
}

export interface Platform {
  oidc: DevOidcServer;
  prefix: string;
  intake: RunningService;
  cases: RunningService;
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function start(name: string, env: Record<string, string>, db: TestDatabase): Promise<RunningService> {
  const main = join(repoRoot, 'services', name, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx tsc -b tsconfig.json)`);
  const port = await freePort();
  const log = join(tmpdir(), `e2e-${name}-${process.pid}-${Date.now()}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATOR_URL: db.migratorUrl,
      PORT: String(port),
      LOG_LEVEL: 'info',
    }, // info: the log scan sees every line a service writes
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} (log: ${log})`);
    const status = await fetch(`${url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { name, url, log, process: child };
    if (Date.now() > deadline) throw new Error(`${name} not ready after 60 s (log: ${log})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopProcess(s: RunningService | undefined): Promise<void> {
  const child = s?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * registry-intake and case-management as the built services (dist/main.js, child processes), each on its
 * own fresh database, sharing one dev identity server and one RabbitMQ name prefix, so the test sees only
 * its own messages on the shared broker.
 */
export async function startPlatform(): Promise<Platform> {
  const prefix = `e2e${randomBytes(3).toString('hex')}.`;
  const oidc = await startDevOidc({ port: 0 });
  const intakeDb = await createTestDatabase('registry-intake');
  const casesDb = await createTestDatabase('case-management');
  const common = { SI_MESSAGING_PREFIX: prefix, OIDC_AUTH_SERVER_URL: oidc.publicUrl, AMQP_URL };
  let intake: RunningService | undefined;
  let cases: RunningService | undefined;
  const stop = async () => {
    await Promise.all([stopProcess(intake), stopProcess(cases)]);
    try {
      const amqp = await connect(AMQP_URL);
      amqp.on('error', () => undefined);
      await deleteTopology(await amqp.createChannel(), resolveTopology(loadTopology(), prefix)).catch(() => undefined);
      await amqp.close().catch(() => undefined);
    } catch {
      // the broker is away (another suite restarts it): the queues stay, the test's verdict does not depend on them
    }
    await oidc.close();
    await intakeDb.drop();
    await casesDb.drop();
  };
  try {
    [intake, cases] = await Promise.all([
      start(
        'registry-intake',
        {
          ...common,
          PERSON_REF_KEY: `e2e-person-ref-key-${randomBytes(16).toString('hex')}`,
          SEDEX_INBOX_DIR: mkdtempSync(join(tmpdir(), 'e2e-sedex-')),
          INTAKE_JOBS_PREFIX: `${prefix}bull`,
        },
        intakeDb,
      ),
      start('case-management', { ...common, CASE_JOBS_PREFIX: `${prefix}bull` }, casesDb),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  const tokens = new Map<string, string>();
  return {
    oidc,
    prefix,
    intake,
    cases,
    stop,
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const r = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password: 'demo' }),
      });
      if (r.status !== 200) throw new Error(`token for ${username}: ${r.status}`);
      const token = ((await r.json()) as { access_token: string }).access_token;
      tokens.set(username, token);
      return token;
    },
  };
}
