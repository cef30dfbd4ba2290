import type { Channel, Message } from 'amqplib';
import { jest } from '@jest/globals';
import { AckBatcher } from './ack-batcher.js';

/** A channel that behaves like the broker: acking an unknown (or already acked) tag is an error. */
function fakeChannel(delivered: number) {
  const outstanding = new Set(Array.from({ length: delivered }, (_, i) => i + 1));
  const frames: string[] = [];
  const channel = {
    ack(message: Message, allUpTo = false) {
      const tag = message.fields.deliveryTag;
      if (!outstanding.has(tag)) throw new Error(`PRECONDITION_FAILED - unknown delivery tag ${tag}`);
      frames.push(`${tag}${allUpTo ? '+' : ''}`);
      for (const t of [...outstanding]) if (t === tag || (allUpTo && t < tag)) outstanding.delete(t);
    },
  };
  return { channel: channel as unknown as Channel, frames, outstanding };
}

const msg = (tag: number) => ({ fields: { deliveryTag: tag } }) as Message;
const tick = () => new Promise((r) => setImmediate(r));

describe('AckBatcher', () => {
  afterEach(() => jest.useRealTimers());

  it('settles a contiguous run with one multiple-ack and ignores repeated acks', async () => {
    const { channel, frames, outstanding } = fakeChannel(5);
    const acks = new AckBatcher(channel);
    for (const tag of [2, 1, 3, 3]) acks.ack(msg(tag));
    await tick();
    expect(frames).toEqual(['3+']);
    acks.ack(msg(2));
    await tick();
    expect(frames).toEqual(['3+']);
    expect([...outstanding]).toEqual([4, 5]);
    acks.close();
  });

  it('acks a delivery finished out of order on its own after the delay, and never names it again', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const { channel, frames, outstanding } = fakeChannel(4);
    const acks = new AckBatcher(channel, 50);
    acks.ack(msg(2));
    acks.ack(msg(3));
    await tick();
    expect(frames).toEqual([]);
    jest.advanceTimersByTime(60);
    expect(frames).toEqual(['2', '3']);
    acks.ack(msg(1));
    await tick();
    expect(frames).toEqual(['2', '3', '1+']);
    acks.ack(msg(4));
    await tick();
    expect(frames).toEqual(['2', '3', '1+', '4+']);
    expect(outstanding.size).toBe(0);
    acks.close();
  });
});
