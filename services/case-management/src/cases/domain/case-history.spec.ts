import { describe, expect, it } from '@jest/globals';
import { Case } from './case.js';
import { CaseHistory, type HistoryEntry } from './case-history.js';
import { caseInFordern, ib, talkInput, openCase } from './case.fixtures.js';

describe('case history is append-only (CM4)', () => {
  it('numbers entries without gaps and records who, role, when, what and why', () => {
    const c = caseInFordern();
    expect(c.history.map((h) => h.seq)).toEqual(c.history.map((_, i) => i + 1));
    expect(c.history.map((h) => h.action)).toEqual([
      'case-opened',
      'first-information-completed',
      'referral-made',
      'integration-talk-held',
      'agreement-concluded',
      'agreement-reviewed',
      'agreement-concluded',
    ]);
    expect(c.history.find((h) => h.action === 'agreement-reviewed')).toMatchObject({
      role: 'gemeinde',
      actorId: 'ib-hubersdorf',
      reason: 'Kurs nicht besucht, keine Entschuldigung.',
    });
  });

  it('hands out frozen entries: neither the list nor an entry can be changed', () => {
    const c = openCase();
    const entries = c.history as HistoryEntry[];
    expect(() => entries.push({ ...entries[0]!, seq: 99 })).toThrow(TypeError);
    expect(() => {
      (entries[0] as { action: string }).action = 'closed';
    }).toThrow(TypeError);
    expect(() => {
      (entries[0]!.details as Record<string, unknown>)['municipality'] = 1;
    }).toThrow(TypeError);
    expect(c.history).toHaveLength(1);
    expect(c.history[0]!.action).toBe('case-opened');
  });

  it('keeps earlier entries unchanged when later commands run', () => {
    const c = openCase();
    const first = JSON.stringify(c.history[0]);
    c.recordFirstInformation(talkInput(), ib);
    expect(JSON.stringify(c.history[0])).toBe(first);
    expect(c.historyLog.since(1).map((h) => h.seq)).toEqual([2]);
  });

  it('refuses to load a history with a gap or reordering', () => {
    const entries = caseInFordern().history;
    const withGap = [entries[0]!, entries[2]!];
    expect(() => new CaseHistory(withGap)).toThrow(expect.objectContaining({ ruleId: 'CM4' }));
    const snapshot = caseInFordern().toSnapshot();
    expect(() => Case.fromSnapshot({ ...snapshot, history: [...snapshot.history].reverse() })).toThrow(
      expect.objectContaining({ ruleId: 'CM4' }),
    );
  });

  it('does not share mutable objects with the caller', () => {
    const details = { note: 'original' };
    const log = new CaseHistory();
    log.append({ at: '2027-01-01T00:00:00Z', actorId: 'a', role: 'gemeinde', action: 'abs2-considered', details });
    details.note = 'changed';
    expect(log.entries[0]!.details).toEqual({ note: 'original' });
  });
});
