import { spawn, type ChildProcess } from 'node:child_process';
import { endChild } from './end-child.js';
import { repoRoot } from './repo-root.js';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback, for a process that must be told its port up front. */
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

/**
 * One built service (`services/<name>/dist/main.js`) as a child process, as the platform runs it:
 * the test gives it its own databases, broker name prefix and identity server through the environment.
 */
export class ServiceProcess {
  readonly log: string;
  private child?: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.log = join(tmpdir(), `si-${name}-${process.pid}-${Date.now()}.log`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const entry = join(repoRoot(), 'services', this.name, 'dist', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npx tsc -b tsconfig.json)`);
    const out = openSync(this.log, 'a');
    this.child = spawn(process.execPath, ['--enable-source-maps', entry], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', NODE_OPTIONS: '' },
      stdio: ['ignore', out, out],
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`${this.name} exited with ${this.child.exitCode} (log: ${this.log})`);
      const ready = await fetch(`${this.url}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`${this.name} not ready after ${timeoutMs} ms (log: ${this.log})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL: no shutdown hook runs, as when the machine loses power. */
  kill(): Promise<void> {
    return endChild(this.child, (child) => child.kill('SIGKILL'));
  }

  /** SIGTERM, as an orchestrator stops it; SIGKILL if it does not go in time. */
  stop(timeoutMs = 15_000): Promise<void> {
    return endChild(this.child, (child) => child.kill('SIGTERM'), timeoutMs);
  }
}
