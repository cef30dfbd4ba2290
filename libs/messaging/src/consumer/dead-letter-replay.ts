import type { ConfirmChannel, GetMessage } from 'amqplib';
import { Headers } from './dead-letter.js';
import type { ResolvedQueue, ResolvedTopology } from '../topology/topology.js';

/**
 * Moves up to `limit` messages from `<queue>.dlq` back into `<queue>` (through the retry exchange, which is bound to
 * the main queue by its name), with the same body and message id and the attempt count reset: for after the
 * cause is fixed. Each message is acked in the DLQ only after the broker confirmed its copy, so a crash can
 * duplicate (the inbox skips it) but not lose. Returns the number of messages moved.
 */
export async function replayDeadLetters(
  channel: ConfirmChannel,
  topology: ResolvedTopology,
  queue: ResolvedQueue,
  limit = 1_000,
): Promise<number> {
  let moved = 0;
  for (; moved < limit; moved += 1) {
    const msg: GetMessage | false = await channel.get(queue.dlq, { noAck: false });
    if (!msg) break;
    const {
      [Headers.attempts]: _attempts,
      [Headers.deathReason]: reason,
      [Headers.error]: error,
      ...headers
    } = msg.properties.headers ?? {};
    await new Promise<void>((resolve, reject) =>
      channel.publish(
        topology.retryExchange,
        queue.name,
        msg.content,
        {
          persistent: true,
          mandatory: true,
          messageId: msg.properties.messageId,
          contentType: msg.properties.contentType,
          type: msg.properties.type,
          timestamp: msg.properties.timestamp,
          headers: {
            ...headers,
            'x-si-replayed-from': String(reason ?? 'broker'),
            'x-si-replayed-error': String(error ?? ''),
          },
        },
        (err: unknown) => (err ? reject(err) : resolve()),
      ),
    );
    channel.ack(msg);
  }
  return moved;
}
