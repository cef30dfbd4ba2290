import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerToken } from './browser.js';
import { urls } from './urls.js';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
let seed = Date.now() % 100_000;

/**
 * Delivers one eCH-0020 arrival from abroad for `bfs` to registry-intake, as the municipal register does
 * (synthetic, XSD-valid, from the platform's generator), and returns the newcomer's names. `today` is the
 * generator's reference day: the arrival falls within the 60 days before it (a past quarter for the subsidies flow).
 */
export async function deliverArrival(
  bfs: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ officialName: string; firstName: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'web-arrival-'));
  try {
    for (;;) {
      seed += 1;
      execFileSync(
        process.execPath,
        [
          join(repoRoot, 'services/registry-intake/scripts/gen-ech.mjs'),
          '--kind',
          'events',
          '--persons',
          '12',
          '--municipality',
          String(bfs),
          '--seed',
          String(seed),
          '--today',
          today,
          '--out',
          dir,
        ],
        { stdio: 'ignore' },
      );
      const file = readdirSync(dir).find((f) => /-moveIn-abroad\.xml$/.test(f));
      if (!file) continue;
      const xml = readFileSync(join(dir, file));
      const text = xml.toString('utf8');
      const officialName = /<[\w-]+:officialName>([^<]+)</.exec(text)?.[1] ?? '';
      const firstName = /<[\w-]+:firstName>([^<]+)</.exec(text)?.[1] ?? '';
      const r = await fetch(`${urls().intake}/api/v1/deliveries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await registerToken()}`, 'content-type': 'application/xml' },
        body: xml,
      });
      const body = (await r.json()) as { status?: string; emitted?: number };
      if (r.status !== 202 || body.emitted !== 1)
        throw new Error(`arrival not accepted: ${r.status} ${JSON.stringify(body)}`);
      return { officialName, firstName };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
