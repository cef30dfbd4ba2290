// Benchmark of the dfpa service: `npm run bench:dfpa` (`bash infra/scripts/bench.sh dfpa` → `node test/dist/bench/dfpa.js`).
// Prints figures, asserts nothing. One dfpa instance serving all 13 Sozialregionen (the canton's), built, as a child
// process on a fresh database:
// 1. hand-over requested → visible in the region's inbox: hand-overs published as case-management's relay does
//    (si.events, header sozialregionid) at BENCH_RATE/s (default 50) spread over the 13 regions for BENCH_SECONDS
//    (default 20); latency = first time the committed row is seen by a 10 ms poll − publish time;
// 2. inbox reads/s with BENCH_CASES (default 100,000) DFPA cases and 100 open hand-overs per region in the database:
//    GET /api/v1/handovers and GET /api/v1/cases as sr.olten (each read audited), BENCH_CONNECTIONS (default 20) for
//    BENCH_READ_SECONDS (default 15) each, after a 3-second warm-up (JIT, prepared statements); dfpa logs warnings only.
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { DfpaPlatform } from '../support/dfpa-platform.js';

const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 15);
const REGIONS = (
  JSON.parse(readFileSync(new URL('../../../contracts/reference/sozialregionen.json', import.meta.url), 'utf8')) as {
    sozialregionen: { id: string; municipalities: number[] }[];
  }
).sozialregionen;

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function handover(i: number) {
  const region = REGIONS[i % REGIONS.length]!;
  const caseId = randomUUID();
  const day = new Date().toISOString().slice(0, 10);
  return {
    type: 'case.dfpa-handover-requested.v1',
    subject: caseId,
    data: {
      handoverId: randomUUID(),
      caseId,
      sozialregionId: region.id,
      municipality: region.municipalities[0],
      requestedOn: day,
      requestedBy: { role: 'gemeinde' },
      reason: 'Besonderer Integrationsbedarf.',
      contact: { name: 'Integrationsstelle' },
      person: {
        personRef: `p-bench-${i}`,
        householdRef: null,
        officialName: `Person${i}`,
        firstName: 'Bench',
        dateOfBirth: '1990-01-01',
        sex: 'unknown',
        nationality: { bfsCode: 8362, iso2: 'ER' },
        permitCode: '0503',
        euEfta: false,
        familyOfSwiss: false,
        language: 'tir',
        address: { street: 'Hauptstrasse', postalCode: '4500', town: 'Solothurn' },
      },
      caseSummary: {
        phase: 'foerdern',
        registrationDate: day,
        firstInformation: {
          outcome: 'completed',
          form: 'talk',
          completedOn: day,
          supportNeed: 'special',
          languageSkills: [],
        },
        referrals: [],
        integrationTalks: [],
        agreements: [],
        reportToMigrationsamtOpen: false,
      },
    },
  };
}

/** User + system CPU of a process in clock ticks (10 ms), from /proc. */
function cpuTicks(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function peakRss(pid: number | undefined): string {
  if (!pid) return '?';
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return `${fmt(kb / 1024)} MB`;
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30, 1)} GB, load average ${loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')}`,
  );
  const p = await DfpaPlatform.create();
  try {
    // Warnings only, as case-management's benchmark runs: one access-log line per read is not what is measured here.
    const dfpa = await p.startDfpa('*', { LOG_LEVEL: 'warn' });

    // 1. hand-over → inbox latency at a paced rate over the 13 regions.
    const published = new Map<string, number>();
    const seen = new Map<string, number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const rows = (
          await dfpa.sql.query(`SELECT handover_id FROM handover WHERE received_at > now() - interval '60 seconds'`)
        ).rows as { handover_id: string }[];
        const at = Date.now();
        for (const r of rows) if (!seen.has(r.handover_id)) seen.set(r.handover_id, at);
        await sleep(10);
      }
    })();
    const total = RATE * SECONDS;
    const start = Date.now();
    for (let i = 0; i < total; i += 1) {
      const due = start + (i * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
      const e = handover(i);
      published.set(e.data.handoverId, Date.now());
      await p.publish('case-management', [e]);
    }
    const deadline = Date.now() + 60_000;
    while (seen.size < total && Date.now() < deadline) await sleep(50);
    polling = false;
    await poller;
    const latencies = [...published]
      .filter(([id]) => seen.has(id))
      .map(([id, t]) => seen.get(id)! - t)
      .sort((a, b) => a - b);
    console.log(
      `hand-over → inbox: ${fmt(total)} hand-overs at ${RATE}/s over ${REGIONS.length} regions; visible ${fmt(latencies.length)}; latency p50 ${fmt(pct(latencies, 50))} ms, p99 ${fmt(pct(latencies, 99))} ms, max ${fmt(latencies.at(-1) ?? NaN)} ms (10 ms poll included)`,
    );

    // 2. reads with BENCH_CASES cases and 100 open hand-overs per region.
    await dfpa.sql.query(
      `
      INSERT INTO dfpa_case (dfpa_case_id, sozialregion_id, origin, handover_id, case_id, person_ref, status, caseworkers, state, version, opened_on)
      SELECT id, region, 'direct', NULL, NULL, 'p-seed-' || n, CASE WHEN n % 5 = 0 THEN 'closed' ELSE 'active' END, ARRAY['sr.' || region],
             jsonb_build_object('dfpaCaseId', id, 'sozialregionId', region, 'origin', 'direct', 'handoverId', NULL, 'caseId', NULL, 'municipality', NULL,
               'personRef', 'p-seed-' || n, 'person', jsonb_build_object('officialName', 'Seed' || n, 'firstName', 'Person', 'dateOfBirth', '1990-01-01', 'sex', 'unknown'),
               'status', CASE WHEN n % 5 = 0 THEN 'closed' ELSE 'active' END, 'progress', 'accepted', 'caseworkers', jsonb_build_array('sr.' || region),
               'openedOn', (current_date - (n % 900))::text, 'assessmentVersion', 0, 'latestAssessment', NULL, 'plan', NULL, 'measures', '[]'::jsonb,
               'reviews', '[]'::jsonb, 'ravReports', '[]'::jsonb, 'placements', '[]'::jsonb, 'exit', NULL, 'version', 1),
             1, current_date - (n % 900)
      FROM (SELECT n, gen_random_uuid() AS id, (ARRAY[${REGIONS.map((r) => `'${r.id}'`).join(',')}])[1 + n % ${REGIONS.length}] AS region FROM generate_series(1, $1) AS n) s`,
      [CASES],
    );
    await p.publish(
      'case-management',
      Array.from({ length: 100 * REGIONS.length }, (_, i) => handover(total + i)),
    );
    const open = async () =>
      Number((await dfpa.sql.query(`SELECT count(*) AS n FROM handover WHERE status = 'open'`)).rows[0].n);
    while ((await open()) < total + 100 * REGIONS.length) await sleep(200);
    await dfpa.sql.query('ANALYZE');
    const token = await p.token('sr.olten');
    for (const path of ['/api/v1/handovers', '/api/v1/cases']) {
      const requests = [
        {
          method: 'GET',
          path,
          setupRequest: (req: { headers?: Record<string, string> }) => ({
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${token}` },
          }),
        },
      ];
      await autocannon({ url: dfpa.url, connections: CONNECTIONS, duration: 3, requests });
      const cpuBefore = cpuTicks(dfpa.process.pid);
      const r = await autocannon({
        url: dfpa.url,
        connections: CONNECTIONS,
        duration: READ_SECONDS,
        requests,
      });
      console.log(
        `GET ${path} as sr.olten (${fmt(CASES)} cases, ${fmt(total + 100 * REGIONS.length)} open hand-overs, 50 per page, audited): ${fmt(r.requests.average)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; non-2xx ${r.non2xx}, errors ${r.errors}; dfpa CPU ${fmt(((cpuTicks(dfpa.process.pid) - cpuBefore) * 10_000) / Math.max(1, r.requests.total))} µs per read; load average ${loadavg()
          .map((l) => fmt(l, 1))
          .join(' ')}`,
      );
    }
    console.log(
      `dfpa peak RSS ${peakRss(dfpa.process.pid)}; load average now ${loadavg()
        .map((l) => fmt(l, 1))
        .join(' ')}`,
    );
  } finally {
    await p.stop();
  }
}

await main();
