import type { ConsumeMessage } from 'amqplib';
import type { Logger } from '@si/observability';
import type { ConfirmChannelSession } from '../connection/confirm-channel-session.js';
import type { ResolvedQueue, ResolvedTopology } from '../topology/topology.js';
import { Headers, errorText, type DeathReason } from './dead-letter.js';

/**
 * Copies of a delivery into a retry queue or the queue's dead-letter queue: same body, id and properties, extra
 * headers, each confirmed by the broker before the caller acks the original. A copy that is not confirmed returns
 * false: the original stays unacknowledged and the broker delivers it again.
 */
export class DeliveryCopies {
  constructor(
    private readonly session: ConfirmChannelSession,
    private readonly topology: ResolvedTopology,
    private readonly queue: ResolvedQueue,
    private readonly consumer: string,
    private readonly logger?: Logger,
  ) {}

  /** Into `retryQueue` (one of the queue's delayed-retry queues) through the retry exchange. */
  toRetry(msg: ConsumeMessage, retryQueue: string, headers: Record<string, unknown>): Promise<boolean> {
    return this.publish(msg, this.topology.retryExchange, retryQueue, headers);
  }

  /** Into `<queue>.dlq` with the reason, the error, the time and the attempts, for a human to look at or replay. */
  toDeadLetter(
    msg: ConsumeMessage,
    type: string,
    attempts: number,
    reason: DeathReason,
    err: unknown,
  ): Promise<boolean> {
    this.logger?.error({ eventId: msg.properties.messageId, type, reason, err: errorText(err) }, 'event dead-lettered');
    return this.publish(msg, this.topology.deadLetterExchange, this.queue.name, {
      [Headers.deathReason]: reason,
      [Headers.error]: errorText(err),
      [Headers.failedAt]: new Date().toISOString(),
      [Headers.attempts]: attempts,
      [Headers.queue]: this.queue.name,
      [Headers.consumer]: this.consumer,
    });
  }

  private async publish(
    msg: ConsumeMessage,
    exchange: string,
    routingKey: string,
    headers: Record<string, unknown>,
  ): Promise<boolean> {
    const p = msg.properties;
    try {
      await this.session.publish(exchange, routingKey, msg.content, {
        persistent: true,
        messageId: p.messageId,
        contentType: p.contentType,
        type: p.type,
        timestamp: p.timestamp,
        headers: { ...(p.headers ?? {}), ...headers },
      });
      return true;
    } catch (err) {
      this.logger?.warn(
        { err: errorText(err), exchange, routingKey },
        'copy not confirmed; the message will be redelivered',
      );
      return false;
    }
  }
}
