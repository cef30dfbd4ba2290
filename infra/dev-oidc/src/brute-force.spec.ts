import { describe, expect, it } from '@jest/globals';
import { BruteForceProtector, bruteForceSettingsOf, type BruteForceSettings } from './brute-force.js';

function protector(overrides: Partial<BruteForceSettings> = {}) {
  const clock = { now: 1_000_000 };
  const settings = {
    ...bruteForceSettingsOf({ realm: 'r', bruteForceProtected: true, failureFactor: 3 }),
    ...overrides,
  };
  return { clock, guard: new BruteForceProtector(settings, () => clock.now) };
}

describe('BruteForceProtector (Keycloak brute-force detection)', () => {
  it('takes Keycloak defaults for what the realm file does not set, and is off unless bruteForceProtected', () => {
    expect(bruteForceSettingsOf({ realm: 'r' })).toEqual({
      enabled: false,
      permanentLockout: false,
      failureFactor: 30,
      waitIncrementSeconds: 60,
      quickLoginCheckMilliSeconds: 1000,
      minimumQuickLoginWaitSeconds: 60,
      maxFailureWaitSeconds: 900,
      maxDeltaTimeSeconds: 43200,
    });
    const off = new BruteForceProtector(bruteForceSettingsOf({ realm: 'r' }), () => 0);
    for (let i = 0; i < 50; i++) off.failure('u');
    expect(off.isLocked('u')).toBe(false);
  });

  it('locks for waitIncrement × rounds after every failureFactor slow failures, capped at maxFailureWait', () => {
    const { clock, guard } = protector({ maxFailureWaitSeconds: 100 });
    const fail = (): void => {
      guard.failure('u');
      clock.now += 2_000;
    };
    fail();
    fail();
    expect(guard.isLocked('u')).toBe(false);
    fail(); // third failure: one round, 60 s from the failure
    expect(guard.isLocked('u')).toBe(true);
    clock.now += 57_000;
    expect(guard.isLocked('u')).toBe(true);
    clock.now += 2_000;
    expect(guard.isLocked('u')).toBe(false);
    fail();
    fail();
    fail(); // sixth: two rounds, 120 s, capped at 100 s
    clock.now += 96_000;
    expect(guard.isLocked('u')).toBe(true);
    clock.now += 3_000;
    expect(guard.isLocked('u')).toBe(false);
    expect(guard.isLocked('someone-else')).toBe(false);
  });

  it('locks for the minimum quick-login wait after two failures within a second', () => {
    const { clock, guard } = protector();
    guard.failure('u');
    clock.now += 500;
    guard.failure('u');
    expect(guard.isLocked('u')).toBe(true);
    clock.now += 60_001;
    expect(guard.isLocked('u')).toBe(false);
  });

  it('forgets failures after a success and after maxDeltaTime', () => {
    const { clock, guard } = protector({ maxDeltaTimeSeconds: 10, failureFactor: 2 });
    guard.failure('u');
    clock.now += 2_000;
    guard.success('u');
    guard.failure('u');
    expect(guard.isLocked('u')).toBe(false);
    clock.now += 11_000;
    guard.failure('u');
    expect(guard.isLocked('u')).toBe(false);
    clock.now += 2_000;
    guard.failure('u');
    expect(guard.isLocked('u')).toBe(true);
  });

  it('keeps the user locked with permanentLockout', () => {
    const { clock, guard } = protector({ permanentLockout: true });
    for (let i = 0; i < 3; i++) {
      guard.failure('u');
      clock.now += 2_000;
    }
    clock.now += 86_400_000;
    expect(guard.isLocked('u')).toBe(true);
  });
});
