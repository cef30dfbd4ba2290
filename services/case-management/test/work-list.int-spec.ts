import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { bodies, openCase } from './support/case-flow.js';
import { daysAgo, GERMANY } from './support/person-events.js';

describe('work list: filters, name search, sorting and keyset pagination', () => {
  let t: CaseTestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startCaseApp();
    // Olten cases only, so ib.olten's list holds exactly these.
    ids.old = (
      await openCase(t, {
        bfsNumber: 2581,
        arrivalDate: daysAgo(120),
        officialName: 'Ålvarez',
        firstName: 'Zoë',
        language: 'es',
      })
    ).caseId;
    ids.mid = (
      await openCase(t, { bfsNumber: 2581, arrivalDate: daysAgo(40), officialName: 'Berhane', firstName: 'Yonas' })
    ).caseId;
    ids.new = (
      await openCase(t, {
        bfsNumber: 2581,
        arrivalDate: daysAgo(5),
        officialName: 'Müller',
        firstName: 'Anna',
        country: GERMANY,
        language: 'de',
      })
    ).caseId;
    ids.informed = (
      await openCase(t, {
        bfsNumber: 2581,
        arrivalDate: daysAgo(30),
        officialName: 'Cheng',
        firstName: 'Li',
        language: 'zh',
      })
    ).caseId;
    await t.call('ib.olten', 'POST', `/api/v1/cases/${ids.informed}/first-information/talk`, bodies.talk());
    ids.closed = (await openCase(t, { bfsNumber: 2581, officialName: 'Dahl', firstName: 'Ola' })).caseId;
    await t.call('ib.olten', 'POST', `/api/v1/cases/${ids.closed}/closure`, { on: daysAgo(0), note: 'weggezogen' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: string) => {
    const r = await t.call('ib.olten', 'GET', `/api/v1/cases${query}`);
    expect(r.status).toBe(200);
    return r.body as {
      items: { id: string; due: string | null; overdue: boolean; person: { officialName: string } }[];
      nextCursor: string | null;
    };
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

  it('sorts by the next due date by default and leaves closed cases out', async () => {
    const page = await list('');
    expect(idsOf(page)).toEqual([ids.old, ids.mid, ids.new, ids.informed]); // informed: no due date (null sorts last)
    expect(page.items[0]?.overdue).toBe(true);
    expect(page.items[3]?.due).toBeNull();
    expect(idsOf(await list('?status=closed'))).toEqual([ids.closed]);
  });

  it('filters by phase, overdue, due date, nationality, language and municipality', async () => {
    expect(idsOf(await list('?phase=foerdern'))).toEqual([ids.informed]);
    expect(idsOf(await list('?overdue=true'))).toEqual([ids.old]);
    expect(idsOf(await list(`?due=${daysAgo(-55)}`))).toEqual([ids.old, ids.mid]);
    expect(idsOf(await list('?nationality=DE'))).toEqual([ids.new]);
    expect(idsOf(await list('?nationality=8207'))).toEqual([ids.new]);
    expect(idsOf(await list('?language=spa'))).toEqual([ids.old]);
    expect(idsOf(await list('?municipality=2601'))).toEqual([]); // narrows, never widens the scope
  });

  it('searches names ignoring case and accents, with every word', async () => {
    expect(idsOf(await list('?q=muller'))).toEqual([ids.new]);
    expect(idsOf(await list('?q=ALVAREZ%20zoe'))).toEqual([ids.old]);
    expect(idsOf(await list('?q=alvarez%20anna'))).toEqual([]);
    expect(idsOf(await list('?q=%25'))).toEqual([]); // LIKE wildcards are literal
  });

  it('sorts by name and registration date both ways and pages with a cursor that belongs to its sort', async () => {
    expect((await list('?sort=name')).items.map((i) => i.person.officialName)).toEqual([
      'Ålvarez',
      'Berhane',
      'Cheng',
      'Müller',
    ]);
    expect(idsOf(await list('?sort=-registrationDate'))).toEqual([ids.new, ids.informed, ids.mid, ids.old]);
    const first = await list('?sort=name&limit=3');
    expect(first.items).toHaveLength(3);
    const second = await list(`?sort=name&limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.person.officialName)).toEqual(['Müller']);
    expect(second.nextCursor).toBeNull();
    const wrong = await t.call('ib.olten', 'GET', `/api/v1/cases?sort=due&cursor=${first.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.rule).toBe('CM7');
    const bad = await t.call('ib.olten', 'GET', '/api/v1/cases?limit=1000');
    expect(bad.status).toBe(400);
  });

  it('pages through due-date order without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.old, ids.mid, ids.new, ids.informed]);
  });

  it('writes one audit record per list read naming the case ids shown', async () => {
    await list('?q=berhane');
    const { rows } = await t.sql.query(
      `SELECT object_id, detail FROM audit_record WHERE action = 'case.list' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].detail.caseIds).toEqual([ids.mid]);
    expect(rows[0].object_id).toContain('q="*"'); // the search text itself is personal data and stays out
  });
});
