// Small helpers the case-management benchmark files share.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** The municipality whose officer (ib.solothurn) reads the work list in the benchmark. */
export const SOLOTHURN = 2601;

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
export const say = (line: string) => process.stdout.write(`${line}\n`);

export function machine(): string {
  const cpu = cpus();
  const memInfo = readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1];
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${fmt((Number(memInfo ?? 0) * 1024 || totalmem()) / 2 ** 30, 1)} GiB, Node ${process.version}`;
}
