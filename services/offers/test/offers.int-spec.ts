import { startOffersApp, type OffersTestApp } from './support/offers-app.js';
import { offerBody, providerBody } from './support/offer-bodies.js';
import { eventually } from '@si/testing';
import { OfferReviewQueue } from '../src/offers/jobs/offer-review.queue.js';

let t: OffersTestApp;

beforeAll(async () => {
  t = await startOffersApp();
  for (const id of ['vhs-solothurn', 'caritas-solothurn'])
    expect((await t.call('ags.koordination', 'POST', '/api/v1/providers', providerBody(id))).status).toBe(201);
  expect(
    (
      await t.call(
        'ags.koordination',
        'POST',
        '/api/v1/providers',
        providerBody('stadt-olten', { kind: 'public-body', municipality: 2581 }),
      )
    ).status,
  ).toBe(201);
}, 60_000);
afterAll(() => t?.close());

async function created(
  over: Record<string, unknown> = {},
  user: 'anbieter.vhs' | 'ags.koordination' | 'ib.olten' = 'anbieter.vhs',
) {
  const r = await t.call(user, 'POST', '/api/v1/offers', offerBody(over));
  expect(r.status).toBe(201);
  return r.body as { id: string; status: string; version: number };
}

async function published(over: Record<string, unknown> = {}) {
  const { id } = await created(over);
  expect((await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/submit`)).status).toBe(200);
  expect((await t.call('ags.koordination', 'POST', `/api/v1/offers/${id}/publish`)).status).toBe(200);
  return id;
}

describe('offers: keeping and curating', () => {
  it('a provider creates a draft for its own provider; the claim decides, not the body', async () => {
    const offer = await created({}, 'anbieter.vhs');
    const r = await t.call('anbieter.vhs', 'GET', `/api/v1/offers/${offer.id}`);
    expect(r.body).toMatchObject({
      status: 'draft',
      providerId: 'vhs-solothurn',
      version: 1,
      translationStatus: { de: 'original', fr: 'translated' },
    });
    expect(r.body.history).toEqual([expect.objectContaining({ version: 1, action: 'created', actorKind: 'provider' })]);
    const sneaky = await t.call('anbieter.caritas', 'POST', '/api/v1/offers', {
      ...offerBody(),
      providerId: 'vhs-solothurn',
    });
    expect(sneaky.status).toBe(201);
    expect(sneaky.body.providerId).toBe('caritas-solothurn');
  });

  it('refuses incomplete or wrong offers with problem+json naming each field', async () => {
    const r = await t.call(
      'anbieter.vhs',
      'POST',
      '/api/v1/offers',
      offerBody({ category: 'cooking', cost: { priceRappen: 12.5, subsidised: false } }),
    );
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.rule).toBe('OF1');
    expect(r.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(['/category', '/cost/priceRappen']),
    );

    const rules = await t.call(
      'anbieter.vhs',
      'POST',
      '/api/v1/offers',
      offerBody({
        schedule: { start: '2030-06-01', end: '2030-05-01' },
        locations: [{ street: 'x', postcode: '3000', place: 'Bern', municipality: 351, lat: 46.9, lon: 7.4 }],
      }),
    );
    expect(rules.status).toBe(422);
    expect(rules.body.rule).toBe('OF4');
    expect(rules.body.details.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/schedule/end',
      '/locations/0/municipality',
    ]);

    const noOriginal = await t.call('anbieter.vhs', 'POST', '/api/v1/offers', offerBody({ originalLanguage: 'it' }));
    expect(noOriginal.status).toBe(422);
    expect(noOriginal.body.rule).toBe('OF2');
  });

  it('another provider neither sees nor changes the offer (404, OF7)', async () => {
    const { id } = await created();
    expect((await t.call('anbieter.caritas', 'GET', `/api/v1/offers/${id}`)).status).toBe(404);
    const put = await t.call('anbieter.caritas', 'PUT', `/api/v1/offers/${id}`, offerBody());
    expect(put.status).toBe(404);
    expect(put.body.rule).toBe('OF7');
    const list = await t.call('anbieter.caritas', 'GET', '/api/v1/offers');
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(id);
  });

  it('AGS sends back with a comment, the provider edits and resubmits, AGS publishes; every step is in the history', async () => {
    const { id } = await created();
    expect((await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/submit`)).body.status).toBe('in-review');
    const queue = await t.call('ags.koordination', 'GET', '/api/v1/curation/offers');
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(id);
    const noComment = await t.call('ags.koordination', 'POST', `/api/v1/offers/${id}/send-back`, {});
    expect(noComment.status).toBe(422);
    expect(noComment.body.rule).toBe('OF10');
    expect((await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/publish`)).body.rule).toBe('OF8');
    const back = await t.call('ags.koordination', 'POST', `/api/v1/offers/${id}/send-back`, {
      comment: 'Bitte Kosten für Familien ergänzen.',
    });
    expect(back.body).toMatchObject({ status: 'returned', reviewComment: 'Bitte Kosten für Familien ergänzen.' });

    const changedDe = {
      ...offerBody().texts,
      de: { ...offerBody().texts.de, summary: 'Französisch für den Alltag, abends; Familien zahlen die Hälfte.' },
    };
    const edited = await t.call('anbieter.vhs', 'PUT', `/api/v1/offers/${id}`, offerBody({ texts: changedDe }));
    expect(edited.body.translationStatus).toEqual({ de: 'original', fr: 'outdated' });
    await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/submit`);
    const pub = await t.call('ags.koordination', 'POST', `/api/v1/offers/${id}/publish`);
    expect(pub.body).toMatchObject({ status: 'published', reviewComment: null });

    const history = (await t.call('anbieter.vhs', 'GET', `/api/v1/offers/${id}`)).body.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'submit',
      'send-back',
      'edited',
      'submit',
      'publish',
    ]);
    expect(history[3].changed).toEqual(['texts']);
    expect(history[2].comment).toBe('Bitte Kosten für Familien ergänzen.');
    await eventually(() => expect(t.emitted('offer.published.v1').map((e) => e.data.offerId)).toContain(id));
    const history2 = await t.sql
      .query('UPDATE offer_history SET comment = NULL WHERE offer_id = $1', [id])
      .catch((e: Error) => e.message);
    expect(history2).toContain('append-only');
  });

  it('an officer publishes offers held in their municipalities only', async () => {
    const inOlten = [
      { street: 'Hauptgasse 1', postcode: '4600', place: 'Olten', municipality: 2581, lat: 47.35, lon: 7.9 },
    ];
    const olten = await created({ locations: inOlten });
    await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${olten.id}/submit`);
    const solothurn = await created();
    await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${solothurn.id}/submit`);
    expect((await t.call('ib.olten', 'POST', `/api/v1/offers/${olten.id}/publish`)).body.status).toBe('published');
    expect((await t.call('ib.olten', 'POST', `/api/v1/offers/${solothurn.id}/publish`)).status).toBe(404);
    // The municipality's own offers are kept by its officers.
    const own = await created({ providerId: 'stadt-olten', locations: inOlten }, 'ib.olten');
    expect((await t.call('ib.olten', 'GET', `/api/v1/offers/${own.id}`)).body.status).toBe('draft');
    expect((await t.call('ib.solothurn', 'GET', `/api/v1/offers/${own.id}`)).status).toBe(404);
    expect(
      (await t.call('ib.solothurn', 'POST', '/api/v1/offers', { ...offerBody(), providerId: 'stadt-olten' })).status,
    ).toBe(403);
  });

  it('withdrawing a published offer emits offer.withdrawn.v1 and removes it from the public search', async () => {
    const id = await published({
      texts: { de: { title: 'Elterncafé Grenchen', summary: 'Treffpunkt für Eltern', description: 'Jeden Mittwoch.' } },
      category: 'early-childhood',
      cefrFrom: undefined,
      cefrTo: undefined,
    });
    expect((await t.call(null, 'GET', `/api/v1/public/offers/${id}`)).status).toBe(200);
    expect((await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/withdraw`)).body.status).toBe('withdrawn');
    await eventually(() =>
      expect(t.emitted('offer.withdrawn.v1').map((e) => e.data)).toContainEqual(
        expect.objectContaining({ offerId: id, reason: 'withdrawn' }),
      ),
    );
    expect((await t.call(null, 'GET', `/api/v1/public/offers/${id}`)).status).toBe(404);
    expect((await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/publish`)).body.rule).toBe('OF9');
  });

  it('the review sweep expires ended offers and asks yearly for confirmation, once', async () => {
    const id = await published();
    await t.sql.query(`UPDATE offer SET confirmation_due_on = current_date - 1 WHERE id = $1`, [id]);
    const ended = await published();
    await t.sql.query(
      `UPDATE offer SET ends_on = current_date - 1, content = jsonb_set(content, '{schedule,end}', to_jsonb((current_date - 1)::text)) WHERE id = $1`,
      [ended],
    );
    const sweep = t.app.get(OfferReviewQueue);
    const first = await sweep.sweep();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.asked).toBeGreaterThanOrEqual(1);
    expect(await sweep.sweep()).toEqual({ expired: 0, asked: 0 });
    const asked = (await t.call('anbieter.vhs', 'GET', `/api/v1/offers/${id}`)).body;
    expect(asked.history.at(-1)).toMatchObject({ action: 'confirmation-asked' });
    const confirmed = (await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/confirm`)).body;
    expect(confirmed.confirmationDueOn > confirmed.lastConfirmedOn).toBe(true);
    expect((await t.call('anbieter.vhs', 'GET', `/api/v1/offers/${ended}`)).body.status).toBe('expired');
    await eventually(() =>
      expect(t.emitted('offer.withdrawn.v1').map((e) => e.data)).toContainEqual(
        expect.objectContaining({ offerId: ended, reason: 'expired' }),
      ),
    );
  });
});
