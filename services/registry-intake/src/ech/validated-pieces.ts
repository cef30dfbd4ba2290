import type { EchRecord } from './ech-record.types.js';
import type { IntakeIssue } from './intake-refusal.js';
import type { PieceResult } from './validation-windows.js';

/** A piece handed to the validator; `before` are records read on the main thread that precede its own. */
interface PendingPiece {
  result: Promise<PieceResult>;
  before: EchRecord[];
}

/**
 * The pieces of one delivery in document order, from the validator to `onRecord`: their issues are collected,
 * their records handed on only while no piece had any (so nothing of an invalid delivery is acted on beyond what
 * the caller stages). At most two pieces wait, which bounds memory when the validator runs in a worker.
 */
export class ValidatedPieces {
  readonly issues: IntakeIssue[] = [];
  submitted = 0;
  released = 0;
  private readonly pending: PendingPiece[] = [];
  private readonly ready: EchRecord[] = [];

  constructor(private readonly maxIssues: number) {}

  /** True once as many issues as reported are collected: reading may stop. */
  get full(): boolean {
    return this.issues.length >= this.maxIssues;
  }

  submit(result: Promise<PieceResult>, before: EchRecord[]): void {
    this.submitted++;
    this.pending.push({ result, before });
  }

  /**
   * Waits for pieces in order (all of them when `all` or `stopped()`, else all but two) and hands their records to
   * `onRecord` while nothing stopped the delivery.
   */
  async settle(
    all: boolean,
    stopped: () => boolean,
    onRecord: ((record: EchRecord) => void | Promise<void>) | undefined,
  ): Promise<void> {
    while (this.pending.length > (all || stopped() ? 0 : 2)) {
      const [piece] = this.pending.splice(0, 1);
      const { issues, records } = await piece.result;
      if (issues.length > 0) {
        this.issues.push(...issues.slice(0, this.maxIssues - this.issues.length));
        continue;
      }
      if (!stopped() && this.issues.length === 0) this.ready.push(...piece.before, ...records);
    }
    if (!onRecord) {
      this.released += this.ready.length;
      this.ready.length = 0;
      return;
    }
    while (this.ready.length > 0 && this.issues.length === 0 && !stopped()) {
      const [record] = this.ready.splice(0, 1);
      this.released++;
      await onRecord(record);
    }
  }
}
