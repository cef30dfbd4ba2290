import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@si/testing';

const infra = join(repoRoot(), 'infra', 'scripts', 'infra.sh');

/** Stops the local broker (infra.sh rabbitmq-stop: graceful TERM, KILL after 20 s). Everyone connected sees the outage. */
export function stopRabbitmq(): void {
  execFileSync('bash', [infra, 'rabbitmq-stop'], { stdio: 'pipe', timeout: 60_000 });
}

/** Starts it again and waits for its port. */
export function startRabbitmq(): void {
  execFileSync('bash', [infra, 'rabbitmq-start'], { stdio: 'pipe', timeout: 120_000 });
}

/** The broker's pid as infra.sh recorded it (to prove a restart happened). */
export function rabbitmqPid(): string | undefined {
  try {
    return readFileSync(
      join(process.env.SI_STATE ?? join(repoRoot(), '.platform'), 'pids', 'rabbitmq.pid'),
      'utf8',
    ).trim();
  } catch {
    return undefined;
  }
}
