// Loads the demo data once: synthetic eCH-0020 v3 deliveries (arrivals from abroad, moves, permit changes …)
// for Solothurn, Olten and the Leitgemeinde Hubersdorf with its member Flumenthal, posted to registry-intake
// as the register connector, exactly as a municipal register would deliver them. Cases then open in
// case-management through the events. A marker file keeps a second `npm run platform` from loading again;
// were it lost, the deliveries' messageIds make a second load a no-op (answered as duplicates).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [marker] = process.argv.slice(2);
if (marker && existsSync(marker)) {
  console.log('  demo data: already loaded');
  process.exit(0);
}
const root = new URL('../..', import.meta.url).pathname;
const oidc = process.env.OIDC_AUTH_SERVER_URL ?? 'http://localhost:8080';
const intake = process.env.REGISTRY_INTAKE_URL ?? 'http://127.0.0.1:3001';
const today = new Date().toISOString().slice(0, 10);

const tokenRes = await fetch(`${oidc}/realms/start-integration/protocol/openid-connect/token`, {
  method: 'POST',
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'register-connector',
    client_secret: 'register-connector-secret',
  }),
});
if (!tokenRes.ok) throw new Error(`the register connector got no token (${tokenRes.status})`);
const { access_token: token } = await tokenRes.json();

const counts = { accepted: 0, duplicate: 0, refused: 0 };
const work = mkdtempSync(join(tmpdir(), 'si-demo-'));
try {
  for (const [municipality, deliveries] of [
    [2601, 12],
    [2581, 8],
    [2545, 4],
    [2548, 3],
  ]) {
    const dir = join(work, String(municipality));
    execFileSync(
      process.execPath,
      [
        join(root, 'services/registry-intake/scripts/gen-ech.mjs'),
        '--kind',
        'events',
        '--persons',
        String(deliveries),
        '--municipality',
        String(municipality),
        '--seed',
        String(municipality),
        '--today',
        today,
        '--out',
        dir,
      ],
      { stdio: 'ignore' },
    );
    for (const { file } of JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))) {
      const res = await fetch(`${intake}/api/v1/deliveries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: readFileSync(join(dir, file)),
      });
      if (res.status >= 500)
        throw new Error(`registry-intake failed on ${municipality}/${file}: ${res.status} ${await res.text()}`);
      const body = await res.json();
      counts[res.status < 300 ? (body.status === 'duplicate' ? 'duplicate' : 'accepted') : 'refused'] += 1;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `  demo data: ${counts.accepted} deliveries accepted, ${counts.duplicate} already known, ${counts.refused} refused`,
);
// The Angebotsplattform's providers and offers, published through the offers API as AGS would (services/offers/scripts).
const { loadDemoOffers } = await import(join(root, 'services/offers/scripts/demo-offers.mjs'));
console.log(`  demo offers: ${await loadDemoOffers()} published`);
if (marker) writeFileSync(marker, `${new Date().toISOString()} ${JSON.stringify(counts)}\n`);
