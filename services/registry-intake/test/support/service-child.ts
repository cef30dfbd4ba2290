import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built service (dist/main.js) as a child process, as the platform runs it; killed hard when a test says so. */
export class ServiceChild {
  readonly log = join(tmpdir(), `registry-intake-crash-test-${process.pid}-${Date.now()}.log`);
  private child?: ChildProcess;

  constructor(readonly port: number, private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const entry = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npx tsc -b tsconfig.json)`);
    const out = openSync(this.log, 'a');
    this.child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', NODE_OPTIONS: '' },
      stdio: ['ignore', out, out],
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`registry-intake exited with ${this.child.exitCode} (log: ${this.log})`);
      if (await fetch(`${this.url}/health/ready`).then((r) => r.status === 200, () => false)) return;
      if (Date.now() > deadline) throw new Error(`registry-intake not ready after ${timeoutMs} ms (log: ${this.log})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGKILL: no shutdown hook runs, as when the machine loses power. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
