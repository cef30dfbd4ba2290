import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { endChild, repoRoot } from '@si/testing';

export const childScript = join(repoRoot(), 'test', 'dist', 'support', 'backbone-child.js');

/** A forked relay or consumer process; logs go to a file in the temp folder. */
export class BackboneChild {
  readonly log: string;
  private child?: ChildProcess;
  private ready = false;
  starts = 0;
  lastRssKb = 0;

  constructor(
    readonly role: 'relay' | 'consumer',
    private readonly config: object,
    private readonly onMessage: (message: Record<string, unknown>) => void = () => undefined,
  ) {
    this.log = join(tmpdir(), `backbone-${role}-${process.pid}-${Date.now()}.log`);
    if (!existsSync(childScript)) throw new Error(`${childScript} is missing: build first (npx tsc -b tsconfig.json)`);
  }

  /** Starts the process and waits until it reports a live broker connection. */
  async start(timeoutMs = 60_000): Promise<void> {
    const out = openSync(this.log, 'a');
    this.ready = false;
    this.starts += 1;
    // BACKBONE_CHILD_EXEC_ARGV="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the children.
    const execArgv = process.env.BACKBONE_CHILD_EXEC_ARGV?.split(' ').filter(Boolean) ?? [];
    const child = fork(childScript, [this.role], {
      execArgv,
      env: { ...process.env, BACKBONE_CONFIG: JSON.stringify(this.config) },
      stdio: ['ignore', out, out, 'ipc'],
    });
    closeSync(out); // the child has its own copy
    this.child = child;
    child.on('message', (m: Record<string, unknown>) => {
      if (m.ready) this.ready = true;
      if (typeof m.rssKb === 'number') this.lastRssKb = m.rssKb;
      this.onMessage(m);
    });
    const deadline = Date.now() + timeoutMs;
    while (!this.ready) {
      if (child.exitCode !== null) throw new Error(`${this.role} exited with ${child.exitCode} (log: ${this.log})`);
      if (Date.now() > deadline) throw new Error(`${this.role} not ready after ${timeoutMs} ms (log: ${this.log})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL: no graceful anything, as when a container is killed. */
  kill(): Promise<void> {
    return endChild(this.child, (child) => child.kill('SIGKILL'));
  }

  /** Graceful stop (the child reports its peak RSS), SIGKILL after `timeoutMs`. An empty log file is removed. */
  async stop(timeoutMs = 15_000): Promise<void> {
    await endChild(this.child, (child) => child.send({ stop: true }), timeoutMs);
    if (existsSync(this.log) && statSync(this.log).size === 0) rmSync(this.log);
  }
}
