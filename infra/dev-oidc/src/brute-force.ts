import type { RealmRepresentation } from './realm-representation.js';

/** Keycloak's brute-force detection settings, with Keycloak's defaults where the realm file is silent. */
export interface BruteForceSettings {
  enabled: boolean;
  permanentLockout: boolean;
  failureFactor: number;
  waitIncrementSeconds: number;
  quickLoginCheckMilliSeconds: number;
  minimumQuickLoginWaitSeconds: number;
  maxFailureWaitSeconds: number;
  maxDeltaTimeSeconds: number;
}

export function bruteForceSettingsOf(realm: RealmRepresentation): BruteForceSettings {
  return {
    enabled: realm.bruteForceProtected === true,
    permanentLockout: realm.permanentLockout === true,
    failureFactor: Math.max(1, realm.failureFactor ?? 30),
    waitIncrementSeconds: realm.waitIncrementSeconds ?? 60,
    quickLoginCheckMilliSeconds: realm.quickLoginCheckMilliSeconds ?? 1000,
    minimumQuickLoginWaitSeconds: realm.minimumQuickLoginWaitSeconds ?? 60,
    maxFailureWaitSeconds: realm.maxFailureWaitSeconds ?? 900,
    maxDeltaTimeSeconds: realm.maxDeltaTimeSeconds ?? 43200,
  };
}

interface LoginFailures {
  count: number;
  lastFailure: number;
  /** Epoch ms before which every login of the user is refused. */
  notBefore: number;
  permanentlyLocked: boolean;
}

/**
 * Keycloak's per-user brute-force detection: every `failureFactor` failures lock the user for
 * `waitIncrementSeconds` times the number of completed rounds (at most `maxFailureWaitSeconds`); two
 * failures closer than `quickLoginCheckMilliSeconds` lock for `minimumQuickLoginWaitSeconds`; failures
 * older than `maxDeltaTimeSeconds` are forgotten; a successful login clears the count. With
 * `permanentLockout` the user stays locked after `failureFactor` failures (until the server restarts).
 * Only known users are counted, as in Keycloak, and a locked user is told nothing more than that the
 * credentials were wrong, so a lock does not reveal that the account exists.
 */
export class BruteForceProtector {
  private readonly failures = new Map<string, LoginFailures>();

  constructor(
    private readonly settings: BruteForceSettings,
    private readonly now: () => number,
  ) {}

  isLocked(userId: string): boolean {
    if (!this.settings.enabled) return false;
    const record = this.failures.get(userId);
    return record !== undefined && (record.permanentlyLocked || this.now() < record.notBefore);
  }

  failure(userId: string): void {
    if (!this.settings.enabled) return;
    const now = this.now();
    const record = this.failures.get(userId) ?? { count: 0, lastFailure: 0, notBefore: 0, permanentlyLocked: false };
    const delta = record.lastFailure > 0 ? now - record.lastFailure : 0;
    if (delta > this.settings.maxDeltaTimeSeconds * 1000) record.count = 0;
    record.lastFailure = now;
    record.count += 1;
    this.failures.set(userId, record);

    if (this.settings.permanentLockout && record.count >= this.settings.failureFactor) {
      record.permanentlyLocked = true;
      return;
    }
    let waitSeconds = this.settings.waitIncrementSeconds * Math.floor(record.count / this.settings.failureFactor);
    if (waitSeconds === 0 && delta > 0 && delta < this.settings.quickLoginCheckMilliSeconds)
      waitSeconds = this.settings.minimumQuickLoginWaitSeconds;
    if (waitSeconds > 0)
      record.notBefore = Math.max(
        record.notBefore,
        now + Math.min(waitSeconds, this.settings.maxFailureWaitSeconds) * 1000,
      );
  }

  success(userId: string): void {
    this.failures.delete(userId);
  }
}
