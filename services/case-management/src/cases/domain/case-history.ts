import type { Role } from './actor.js';
import { CaseDomainError } from './case.errors.js';

/** What happened to the case; one value per command (and `case-opened`). */
export type HistoryAction =
  | 'case-opened'
  | 'first-information-completed'
  | 'first-information-no-show'
  | 'first-information-refused'
  | 'referral-made'
  | 'referral-status-changed'
  | 'integration-talk-held'
  | 'abs2-considered'
  | 'agreement-concluded'
  | 'agreement-reviewed'
  | 'reported-to-migrationsamt'
  | 'migrationsamt-review-recorded'
  | 'migrationsamt-decision-recorded'
  | 'dfpa-handover-requested'
  | 'dfpa-handover-accepted'
  | 'dfpa-handover-rejected'
  | 'dfpa-case-returned'
  | 'dfpa-progress'
  | 'transferred'
  | 'permit-changed'
  | 'subject-corrected'
  | 'family-of-swiss-recorded'
  | 'deadline-suspended'
  | 'deadline-resumed'
  | 'deadline-extended'
  | 'closed';

/**
 * One change of the case: who (actor id and role), when, what, why, and the facts of the change.
 * `seq` starts at 1 and has no gaps, so the repository can insert exactly the entries it has not
 * stored yet (`seq > stored`) and a unique (case_id, seq) key rejects a lost update.
 */
export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly role: Role;
  readonly action: HistoryAction;
  readonly reason?: string;
  readonly details: Readonly<Record<string, unknown>>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * The append-only history of a case (CM4). Entries are deep-frozen copies; there is no update or
 * delete, and `entries` hands out a frozen array, so neither callers nor the aggregate can rewrite
 * the past. Loading checks the sequence, so a gap or reordering in storage is noticed, not hidden.
 */
export class CaseHistory {
  private readonly list: HistoryEntry[] = [];

  constructor(entries: readonly HistoryEntry[] = []) {
    entries.forEach((e, i) => {
      if (e.seq !== i + 1) {
        throw new CaseDomainError(
          'CM4',
          'history-corrupt',
          {
            de: `Die Fallgeschichte ist lückenhaft (Eintrag ${i + 1} hat Nummer ${e.seq}).`,
            en: `The case history has a gap (entry ${i + 1} has seq ${e.seq}).`,
          },
          'conflict',
        );
      }
      this.list.push(deepFreeze(structuredClone(e)));
    });
  }

  append(entry: Omit<HistoryEntry, 'seq'>): HistoryEntry {
    const stored = deepFreeze(structuredClone({ ...entry, seq: this.list.length + 1 }));
    this.list.push(stored);
    return stored;
  }

  get entries(): readonly HistoryEntry[] {
    return Object.freeze([...this.list]);
  }

  get length(): number {
    return this.list.length;
  }

  /** Entries added after `seq` (what the repository still has to insert). */
  since(seq: number): readonly HistoryEntry[] {
    return Object.freeze(this.list.slice(seq));
  }
}
