// HTTP load: closed loop at the highest rate (autocannon) and open loop at a fixed rate.
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { now, percentile, sleep } from './bench-support.js';

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export function get(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Closed loop with autocannon (raw sockets, less CPU than node:http, and the load generator shares the 2 cores
 * with the service and PostgreSQL): `connections` keep-alive connections, each sending the next request when
 * the last answered; tokens rotate per request.
 */
export async function cannon(
  port: number,
  path: string,
  headers: () => Record<string, string>,
  connections: number,
  seconds: number,
  overallRate?: number,
): Promise<LoadResult> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ method: 'GET', path, setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...headers() } }) }],
  });
  return {
    requests: r.requests.total,
    errors: r.errors + r.non2xx + r.timeouts,
    perSecond: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

/** Open loop at a fixed rate; latency counts from the intended send time (no coordinated omission). */
export async function openLoop(
  port: number,
  path: string,
  headers: () => Record<string, string>,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const intended = start + i * interval;
    const wait = intended - now();
    if (wait > 1) await sleep(wait);
    inflight.push(
      get(agent, port, path, headers()).then(
        (status) => {
          latencies.push(now() - intended);
          if (status !== 200) errors += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inflight);
  const elapsed = (now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
  };
}
