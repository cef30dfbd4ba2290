import { swissDay } from './swiss-day.js';
import { systemActor } from './system-actor.js';

describe('swissDay', () => {
  it('is the day in Solothurn, not in UTC (summer and winter time)', () => {
    expect(swissDay(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(swissDay(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(swissDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('systemActor', () => {
  it('names the service and its part, with the role system and no scope', () => {
    expect(systemActor('registry-intake', 'sedex')).toEqual({
      subject: 'system:registry-intake:sedex',
      username: 'registry-intake/sedex',
      roles: ['system'],
      scope: {},
    });
    expect(systemActor('dfpa').subject).toBe('system:dfpa');
  });
});
