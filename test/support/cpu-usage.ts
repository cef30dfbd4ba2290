import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in seconds, or undefined when it is gone (or there is no /proc). */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function pids(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds so far per process, by named group (Linux /proc; empty elsewhere). */
export type CpuSnapshot = Record<string, Map<number, number>>;

export function cpuSnapshot(groups: Record<string, number[] | 'rabbitmq'>): CpuSnapshot {
  const out: CpuSnapshot = {};
  for (const [name, what] of Object.entries(groups)) {
    const list = what === 'rabbitmq' ? pids(['-f', 'beam.smp']) : what;
    const seconds = new Map<number, number>();
    for (const pid of list) {
      const s = cpuSeconds(pid);
      if (s !== undefined) seconds.set(pid, s);
    }
    out[name] = seconds;
  }
  return out;
}

/** CPU seconds used between two snapshots, per group; a process that ended in between is left out. */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([name, now]) => {
      let sum = 0;
      for (const [pid, s] of now) {
        const was = before[name]?.get(pid);
        if (was !== undefined) sum += s - was;
      }
      return [name, sum];
    }),
  );
}
