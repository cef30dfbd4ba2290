import type { Channel, Message } from 'amqplib';

/**
 * Acknowledges deliveries of one channel in as few frames as possible. Delivery tags are consecutive per
 * channel; once every tag up to N is done, one `basic.ack(N, multiple)` settles them all, which saves the
 * consumer a socket write and the quorum queue a log entry per message. A delivery finished out of order
 * (an earlier one still running) is acked on its own after `maxDelayMs`, so a slow message never keeps the
 * others unacknowledged and the prefetch window stays open.
 */
export class AckBatcher {
  private next = 1;
  private readonly done = new Map<number, number>(); // tag → finished at (ms)
  private readonly ackedAlone = new Set<number>();
  private scheduled = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly channel: Channel,
    private readonly maxDelayMs = 50,
  ) {}

  /** Idempotent: a tag acknowledged before (or already waiting) is ignored, never acked twice. */
  ack(message: Message): void {
    const tag = message.fields.deliveryTag;
    if (tag < this.next || this.done.has(tag)) return;
    this.done.set(tag, Date.now());
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Stops the timer (the channel is gone: the broker redelivers what was not acked). */
  close(): void {
    clearTimeout(this.timer);
    this.done.clear();
  }

  private flush(): void {
    this.scheduled = false;
    // The multiple-ack must name a tag still outstanding: the broker rejects a tag it no longer knows.
    let upTo = 0;
    while (this.done.has(this.next)) {
      if (!this.ackedAlone.delete(this.next)) upTo = this.next;
      this.done.delete(this.next);
      this.next += 1;
    }
    try {
      if (upTo) this.channel.ack({ fields: { deliveryTag: upTo } } as Message, true);
      const stale = Date.now() - this.maxDelayMs;
      for (const [tag, at] of this.done) {
        if (at <= stale && !this.ackedAlone.has(tag)) {
          this.channel.ack({ fields: { deliveryTag: tag } } as Message, false);
          this.ackedAlone.add(tag);
        }
      }
    } catch {
      this.close(); // channel closed: nothing more to ack on it
      return;
    }
    clearTimeout(this.timer);
    if (this.done.size > this.ackedAlone.size) this.timer = setTimeout(() => this.flush(), this.maxDelayMs);
  }
}
