import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime + stime
  } catch {
    return 0;
  }
}

function pids(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds used so far by named groups of processes (Linux /proc; zeros elsewhere). */
export function cpuSnapshot(groups: Record<string, number[] | 'postgres' | 'rabbitmq'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, what] of Object.entries(groups)) {
    const list = what === 'postgres' ? pids(['-x', 'postgres']) : what === 'rabbitmq' ? pids(['-f', 'beam.smp']) : what;
    out[name] = list.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  }
  return out;
}

export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}
