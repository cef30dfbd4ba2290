// CPU used per request by the service, PostgreSQL and the load generator, from /proc (Linux).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fmt } from './bench-support.js';

export function cpuByPid(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) / 100); // utime + stime in USER_HZ
    } catch {
      // the process ended
    }
  }
  return out;
}

/** CPU seconds used between two snapshots by the processes alive at the end (a process that ended is not counted). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}

export function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Busy and total jiffies of the whole machine (first line of /proc/stat). */
export function machineJiffies(): { busy: number; total: number } {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU ms per request of the service, PostgreSQL and this load generator during `run`, and how busy the machine was. */
export async function withCpu<T extends { requests: number }>(
  servicePid: number,
  run: () => Promise<T>,
): Promise<T & { cpu: string }> {
  const pg0 = cpuByPid(postgresPids());
  const svc0 = cpuByPid([servicePid]);
  const self0 = process.cpuUsage();
  const m0 = machineJiffies();
  const result = await run();
  const m1 = machineJiffies();
  const self = process.cpuUsage(self0);
  const per = (seconds: number) => fmt((seconds * 1000) / Math.max(1, result.requests), 2);
  const elapsedTicks = Math.max(1, m1.total - m0.total);
  const busy = (100 * (m1.busy - m0.busy)) / elapsedTicks;
  const svc = cpuBetween(svc0, cpuByPid([servicePid]));
  const pgs = cpuBetween(pg0, cpuByPid(postgresPids()));
  const gen = (self.user + self.system) / 1e6;
  // Everything the machine did that is none of the three: other processes (the machine is shared), kernel work.
  const ours = (100 * (svc + pgs + gen) * 100) / elapsedTicks; // seconds → ticks (USER_HZ 100), as % of all cores' ticks
  return {
    ...result,
    cpu: `CPU/request: service ${per(svc)} ms, PostgreSQL ${per(pgs)} ms, load generator ${per(gen)} ms; machine ${fmt(busy)} % busy, ${fmt(Math.max(0, busy - ours))} % of it other work`,
  };
}
