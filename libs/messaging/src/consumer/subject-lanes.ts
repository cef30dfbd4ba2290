/**
 * Per-subject FIFO lanes: items of one subject are handed out strictly one batch at a time and in arrival
 * order, items of different subjects may run concurrently. This is what keeps the order per subject inside a
 * consumer that processes several messages at once.
 */
export class SubjectLanes<T> {
  private readonly lanes = new Map<string, T[]>();
  /** Subjects with waiting items and no batch in progress, oldest first (a Set keeps insertion order). */
  private readonly ready = new Set<string>();
  private readonly busy = new Set<string>();
  private size = 0;

  push(subject: string, item: T): void {
    const lane = this.lanes.get(subject);
    if (lane) lane.push(item);
    else this.lanes.set(subject, [item]);
    this.size += 1;
    if (!this.busy.has(subject)) this.ready.add(subject);
  }

  /** Items waiting (not handed out). */
  get waiting(): number {
    return this.size;
  }

  /** Subjects currently handed out. */
  get inProgress(): number {
    return this.busy.size;
  }

  /**
   * Takes up to `max` items from ready subjects (whole lanes as far as they fit), marking those subjects busy
   * until {@link release}. Returns the subjects taken with their items in order.
   */
  take(max: number): { subjects: string[]; items: T[] } {
    const subjects: string[] = [];
    const items: T[] = [];
    for (const subject of this.ready) {
      if (items.length >= max) break;
      const lane = this.lanes.get(subject) ?? [];
      const taken = lane.splice(0, max - items.length);
      items.push(...taken);
      this.size -= taken.length;
      if (lane.length === 0) this.lanes.delete(subject);
      this.ready.delete(subject);
      this.busy.add(subject);
      subjects.push(subject);
    }
    return { subjects, items };
  }

  /** Ends the batch of these subjects; their remaining items become ready again. */
  release(subjects: string[]): void {
    for (const subject of subjects) {
      this.busy.delete(subject);
      if (this.lanes.has(subject)) this.ready.add(subject);
    }
  }

  /** Drops waiting items that match (e.g. deliveries of a closed channel, which the broker redelivers). */
  drop(predicate: (item: T) => boolean): number {
    let dropped = 0;
    for (const [subject, lane] of this.lanes) {
      const kept = lane.filter((item) => !predicate(item));
      dropped += lane.length - kept.length;
      if (kept.length) this.lanes.set(subject, kept);
      else {
        this.lanes.delete(subject);
        this.ready.delete(subject);
      }
    }
    this.size -= dropped;
    return dropped;
  }
}
