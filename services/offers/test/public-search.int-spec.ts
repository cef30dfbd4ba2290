import { startOffersApp, type OffersTestApp } from './support/offers-app.js';
import { offerBody, providerBody } from './support/offer-bodies.js';

let t: OffersTestApp;
const ids: Record<string, string> = {};

const at = (municipality: number, place: string, lat: number, lon: number) => [
  { street: 'Kirchgasse 1', postcode: '4500', place, municipality, lat, lon },
];

async function publish(name: string, over: Record<string, unknown>) {
  const r = await t.call('anbieter.vhs', 'POST', '/api/v1/offers', offerBody(over));
  expect(r.status).toBe(201);
  await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${r.body.id}/submit`);
  expect((await t.call('ags.koordination', 'POST', `/api/v1/offers/${r.body.id}/publish`)).status).toBe(200);
  ids[name] = r.body.id;
}

beforeAll(async () => {
  t = await startOffersApp({ config: { publicRateLimit: 60 } });
  await t.call('ags.koordination', 'POST', '/api/v1/providers', providerBody('vhs-solothurn'));
  await publish('french', {});
  await publish('german', {
    originalLanguage: 'de',
    texts: {
      de: {
        title: 'Deutschkurs A2 für Mütter',
        summary: 'Deutsch lernen mit Kinderhütedienst',
        description: 'Für Mütter mit kleinen Kindern.',
      },
    },
    cefrFrom: 'A1',
    cefrTo: 'A2',
    languagesHeld: ['deu'],
    locations: at(2581, 'Olten', 47.35, 7.9),
    cost: { priceRappen: 0, subsidised: true },
    schedule: { start: '2030-03-01', end: '2030-07-01' },
    registration: { phone: '+41 62 000 00 00' },
  });
  await publish('school', {
    originalLanguage: 'fr',
    texts: {
      fr: {
        title: 'École des parents',
        summary: 'Rencontres pour parents',
        description: 'Échanges sur l’école en Suisse.',
      },
      it: {
        title: 'Scuola per genitori',
        summary: 'Incontri per genitori',
        description: 'Scambi sulla scuola in Svizzera.',
      },
    },
    category: 'early-childhood',
    cefrFrom: undefined,
    cefrTo: undefined,
    languagesHeld: ['fra', 'ita'],
    childcare: 'none',
    locations: at(2546, 'Grenchen', 47.1921, 7.3959),
    schedule: { start: '2030-01-10', end: '2030-12-01' },
    registration: { email: 'ecole@example.org' },
  });
  // A draft is never public.
  await t.call(
    'anbieter.vhs',
    'POST',
    '/api/v1/offers',
    offerBody({ texts: { de: { title: 'Geheimer Entwurf Französisch', summary: 's', description: 'd' } } }),
  );
}, 90_000);
afterAll(() => t?.close());

const search = (qs: string) => t.call(null, 'GET', `/api/v1/public/offers?${qs}`);
const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe('public offer search (no login)', () => {
  it('finds "cours francais soleure" in French, accent-insensitive, with the place name in French', async () => {
    const r = await search('q=cours%20francais%20soleure&lang=fr');
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({
      id: ids.french,
      title: 'Cours de français A1 à Soleure',
      lang: 'fr',
      fallback: false,
    });
    expect(r.headers.get('cache-control')).toMatch(/^public, max-age=60/);
    expect(Object.keys(r.body.items[0])).not.toEqual(
      expect.arrayContaining(['status', 'history', 'reviewComment', 'iban', 'providerId', 'version']),
    );
  });

  it('stems per language ("mutter" finds "Mütter") and tolerates typos ("Deutshkurs")', async () => {
    expect(idsOf((await search('q=mutter&lang=de')).body)).toEqual([ids.german]);
    expect(idsOf((await search('q=Deutshkurs')).body)).toContain(ids.german);
    expect(idsOf((await search('q=ecole&lang=fr')).body)).toEqual([ids.school]);
    expect(idsOf((await search('q=geheimer')).body)).toEqual([]);
  });

  it("answers in the reader's language and falls back to the original", async () => {
    const it = (await search('lang=it&sort=start')).body.items;
    expect(it.find((i: { id: string }) => i.id === ids.school)).toMatchObject({
      title: 'Scuola per genitori',
      lang: 'it',
      fallback: false,
    });
    expect(it.find((i: { id: string }) => i.id === ids.german)).toMatchObject({
      title: 'Deutschkurs A2 für Mütter',
      lang: 'de',
      fallback: true,
    });
  });

  it('filters, counts facets and pages', async () => {
    const all = (await search('pageSize=2&sort=start')).body;
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.facets.category).toEqual({ language: 2, 'early-childhood': 1 });
    expect(all.facets.freeOfCharge).toBe(1);
    expect(idsOf((await search('pageSize=2&page=2&sort=start')).body)).toEqual([ids.german]);
    expect(idsOf((await search('category=language&cefr=A2')).body)).toEqual([ids.german]);
    expect(idsOf((await search('held=ita')).body)).toEqual([ids.school]);
    expect(idsOf((await search('free=true')).body)).toEqual([ids.german]);
    expect(idsOf((await search('childcare=true&municipality=2601')).body)).toEqual([ids.french]);
    expect(idsOf((await search('region=olten')).body)).toEqual([ids.german]);
    expect(idsOf((await search('startsAfter=2030-02-15')).body)).toEqual([ids.german]);
    const near = (await search('near=2543&radiusKm=20&sort=distance')).body;
    expect(idsOf(near)).toEqual([ids.school, ids.french]);
    expect(near.items[0].distanceKm).toBeLessThan(3);
  });

  it('answers a repeated question from its cache with an ETag (304 when unchanged) until a publication changes the catalogue', async () => {
    const first = await search('q=nahkurs&lang=de');
    expect(first.body.total).toBe(0);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9]+-[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${t.url}/api/v1/public/offers?q=nahkurs&lang=de`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await publish('sewing', {
      texts: { de: { title: 'Nähkurs für Frauen', summary: 'Nähen lernen', description: 'Jeden Dienstag.' } },
      category: 'living-together',
      cefrFrom: undefined,
      cefrTo: undefined,
      originalLanguage: 'de',
    });
    const after = await search('q=nahkurs&lang=de');
    expect(idsOf(after.body)).toEqual([ids.sewing]);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${ids.sewing}/withdraw`)).status).toBe(200);
    expect((await search('q=nahkurs&lang=de')).body.total).toBe(0);
  });

  it('refuses bad requests as problem+json naming the parameter, and caps page size and query length', async () => {
    const big = await search('pageSize=500');
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ rule: 'OF12', errors: [expect.objectContaining({ pointer: '/pageSize' })] });
    expect((await search(`q=${'a'.repeat(201)}`)).body.errors[0].pointer).toBe('/q');
    expect((await search('colour=red')).status).toBe(400);
    expect((await search('sort=distance')).body.rule).toBe('OF12');
    expect((await search('near=2401&radiusKm=5')).status).toBe(200);
  });

  it('rate-limits per address with 429 problem+json and Retry-After', async () => {
    let last = await search('q=x');
    for (let i = 0; i < 70 && last.status !== 429; i += 1) last = await search('q=x');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toMatch(/^[0-9]+$/);
    expect(last.body.rule).toBe('OF12');
    // An untrusted sender cannot pick another counter by naming a client.
    const spoofed = await fetch(`${t.url}/api/v1/public/offers?q=x`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(spoofed.status).toBe(429);
  });
});

describe('rate limit behind a trusted proxy (the web server)', () => {
  let proxied: OffersTestApp;
  beforeAll(async () => {
    proxied = await startOffersApp({ config: { publicRateLimit: 3, trustedProxies: '127.0.0.1' } });
  }, 60_000);
  afterAll(() => proxied?.close());

  it('counts each visitor the proxy names in X-Forwarded-For separately', async () => {
    const as = (client: string) =>
      fetch(`${proxied.url}/api/v1/public/offers`, { headers: { 'x-forwarded-for': client } }).then((r) => r.status);
    const first = [
      await as('198.51.100.1'),
      await as('198.51.100.1'),
      await as('198.51.100.1'),
      await as('198.51.100.1'),
    ];
    expect(first).toEqual([200, 200, 200, 429]);
    expect(await as('198.51.100.2')).toBe(200);
  });
});
