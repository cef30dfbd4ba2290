import type { DataSource } from 'typeorm';

/**
 * Marks confirmed rows published, one UPDATE at a time, each taking every id confirmed meanwhile (so the
 * marks keep up with any publish rate). A failed UPDATE leaves the rows unpublished: they go out again
 * (duplicates, which consumers skip), never lost.
 */
export class MarkQueue {
  private ids: string[] = [];
  private unroutableIds: string[] = [];
  private running?: Promise<void>;
  private delayed?: NodeJS.Timeout;
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly onMarked: (ids: string[]) => void,
    private readonly onError: (err: Error) => void,
  ) {}

  published(id: string): void {
    this.ids.push(id);
    this.kick();
  }

  unroutable(id: string): void {
    this.unroutableIds.push(id);
    this.kick();
  }

  async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.running || this.ids.length || this.unroutableIds.length) {
        this.kick();
        await this.running;
      }
    } finally {
      this.flushing = false;
    }
  }

  private kick(): void {
    if (this.running || (this.ids.length === 0 && this.unroutableIds.length === 0)) return;
    // Marks are not on the latency path: at low rates wait a few ms to mark several rows with one UPDATE.
    if (this.ids.length < 256 && !this.flushing) {
      this.delayed ??= setTimeout(() => {
        this.delayed = undefined;
        this.flushing = true;
        this.kick();
        this.flushing = false;
      }, 5);
      return;
    }
    clearTimeout(this.delayed);
    this.delayed = undefined;
    const ids = this.ids;
    const unroutable = this.unroutableIds;
    this.ids = [];
    this.unroutableIds = [];
    this.running = (async () => {
      try {
        if (ids.length)
          await this.dataSource.query(
            'UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])',
            [ids],
          );
        if (unroutable.length) {
          await this.dataSource.query(
            `UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = 'unroutable' WHERE id = ANY($1::uuid[])`,
            [unroutable],
          );
        }
        this.onMarked([...ids, ...unroutable]);
      } catch (err) {
        this.onError(err as Error);
      } finally {
        this.running = undefined;
      }
      this.kick();
    })();
  }
}
