import { describe, expect, it } from '@jest/globals';
import { apiQuery, groupHouseholds, listUrl, parseFilters } from './work-list.query.js';

describe('work-list query', () => {
  it('keeps only usable filters and a municipality the user acts for', () => {
    const f = parseFilters(
      {
        q: ' Müller ',
        phase: 'fordern',
        status: 'nope',
        municipality: '2545',
        due: '2026-12-06',
        overdue: 'true',
        nationality: 'ER',
        sort: '-name',
      },
      [2548, 2545],
    );
    expect(f).toMatchObject({
      q: 'Müller',
      phase: 'fordern',
      status: '',
      municipality: '2545',
      due: '2026-12-06',
      overdue: true,
      nationality: 'ER',
      sort: '-name',
    });
    expect(parseFilters({ municipality: '2601' }, [2548]).municipality).toBe('');
    expect(apiQuery(f, 25)).toMatchObject({
      q: 'Müller',
      phase: 'fordern',
      municipality: '2545',
      overdue: true,
      sort: '-name',
      limit: 25,
    });
  });

  it('builds paging links that remember where the previous pages started', () => {
    const f = parseFilters({ phase: 'informieren' }, []);
    expect(listUrl(f, { cursor: 'abc', prev: ['-'] })).toBe('/faelle?phase=informieren&sort=due&cursor=abc&prev=-');
  });

  it('shows the cases of one household together, after its first case', () => {
    const items = [
      { id: 1, householdRef: 'h1' },
      { id: 2, householdRef: null },
      { id: 3, householdRef: 'h1' },
      { id: 4, householdRef: 'h2' },
    ];
    expect(groupHouseholds(items).map((r) => [r.item.id, r.household])).toEqual([
      [1, 'first'],
      [3, 'member'],
      [2, null],
      [4, null],
    ]);
  });
});
