import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiToken, registerToken } from './browser.js';
import { urls } from './urls.js';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
let seed = Date.now() % 100_000;

/** The officer of each municipality the browser tests deliver to. */
const OFFICER: Record<number, string> = { 2601: 'ib.solothurn', 2581: 'ib.olten' };

/** A family name no other test's newcomer has: the generator's name plus letters drawn from the seed. */
const unique = (name: string, n: number): string => {
  let letters = '';
  for (let v = n + 26 * 26; v > 0; v = Math.floor(v / 26)) letters += String.fromCharCode(97 + (v % 26));
  return `${name}${letters}`;
};

/** Whether the arrival opened a case the municipality's officer sees (not every newcomer is in the target group). */
async function caseOpened(bfs: number, officialName: string, firstName: string): Promise<boolean> {
  const officer = OFFICER[bfs];
  if (!officer) throw new Error(`no officer known for BFS ${bfs} in the browser tests`);
  const token = await apiToken(officer);
  for (const until = Date.now() + 30_000; Date.now() < until;) {
    const r = await fetch(`${urls().cases}/api/v1/cases?q=${encodeURIComponent(officialName)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const items = r.ok ? ((await r.json()) as { items: { person: { firstName: string } | null }[] }).items : [];
    if (items.some((i) => i.person?.firstName === firstName)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

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
      for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
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
      const generated = readFileSync(join(dir, file), 'utf8');
      const generatedName = /<[\w-]+:officialName>([^<]+)</.exec(generated)?.[1] ?? '';
      // Each test's newcomer has a name of its own, so a search finds exactly this one.
      const officialName = unique(generatedName, seed);
      const text = generated.replaceAll(`officialName>${generatedName}<`, `officialName>${officialName}<`);
      const xml = Buffer.from(text, 'utf8');
      const firstName = /<[\w-]+:firstName>([^<]+)</.exec(text)?.[1] ?? '';
      const r = await fetch(`${urls().intake}/api/v1/deliveries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await registerToken()}`, 'content-type': 'application/xml' },
        body: xml,
      });
      const body = (await r.json()) as { status?: string; emitted?: number };
      if (r.status !== 202 || body.emitted !== 1)
        throw new Error(`arrival not accepted: ${r.status} ${JSON.stringify(body)}`);
      if (await caseOpened(bfs, officialName, firstName)) return { officialName, firstName };
      // Outside the target group (or closed again at once): deliver another newcomer.
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
