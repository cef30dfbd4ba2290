import { connect, type ChannelModel, type RecoveringChannelModel } from 'amqplib';
import type { Logger } from '@si/observability';

export interface AmqpConnectionOptions {
  url: string;
  /** Shown in the broker's connection list (`connection_name`), e.g. `case-management.relay`. */
  name: string;
  logger?: Logger;
  /** Reconnect backoff bounds in ms (exponential with jitter, forever). */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

type ConnectListener = (model: ChannelModel) => Promise<void>;

/**
 * One AMQP connection that comes back after the broker restarts or the network drops (amqplib's built-in
 * recovery: exponential backoff with jitter, no retry limit). Channels do not survive a reconnect, so users
 * register {@link onConnect} and build their channels, consumers and topology there; it runs after every
 * (re)connect. A listener that throws closes the connection, which schedules another attempt with backoff.
 */
export class AmqpConnection {
  private recovering?: RecoveringChannelModel;
  private model?: ChannelModel;
  private readonly listeners = new Set<ConnectListener>();

  constructor(private readonly options: AmqpConnectionOptions) {}

  /** Starts connecting (does not wait for the broker: `isConnected()` tells when it is there). */
  async start(): Promise<void> {
    if (this.recovering) return;
    const { logger } = this.options;
    this.recovering = await connect(withHeartbeat(this.options.url), {
      clientProperties: { connection_name: this.options.name },
      recovery: {
        initialDelay: this.options.initialDelayMs ?? 200,
        maxDelay: this.options.maxDelayMs ?? 5_000,
        waitForConnect: false,
      },
    });
    this.recovering.on('error', (err: Error) =>
      logger?.warn({ err: err.message, connection: this.options.name }, 'amqp connection error'),
    );
    this.recovering.on('disconnect', (err: Error) => {
      this.model = undefined;
      logger?.warn({ err: err.message, connection: this.options.name }, 'amqp connection lost, reconnecting');
    });
    this.recovering.on('connect-failed', (err: Error) =>
      logger?.debug({ err: err.message, connection: this.options.name }, 'amqp connect attempt failed'),
    );
    this.recovering.on('connect', (model: ChannelModel) => {
      this.model = model;
      logger?.info({ connection: this.options.name }, 'amqp connected');
      for (const listener of this.listeners) void this.run(listener, model);
    });
  }

  /** Waits until the first connection is up (or throws after `timeoutMs`). */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.model) {
      if (Date.now() > deadline) throw new Error(`amqp connection ${this.options.name} not up after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Runs `listener` now if connected and after every reconnect; returns an unsubscribe function. */
  onConnect(listener: ConnectListener): () => void {
    this.listeners.add(listener);
    if (this.model) void this.run(listener, this.model);
    return () => this.listeners.delete(listener);
  }

  isConnected(): boolean {
    return this.model !== undefined;
  }

  /** Whether `model` is the live connection (a channel reopen must not use one that was replaced). */
  isCurrent(model: ChannelModel): boolean {
    return this.model === model;
  }

  async close(): Promise<void> {
    const recovering = this.recovering;
    this.recovering = undefined;
    this.model = undefined;
    this.listeners.clear();
    await recovering?.close().catch(() => undefined);
  }

  private async run(listener: ConnectListener, model: ChannelModel): Promise<void> {
    try {
      await listener(model);
    } catch (err) {
      this.options.logger?.error(
        { err: (err as Error).message, connection: this.options.name },
        'amqp setup after connect failed, reconnecting',
      );
      if (this.model === model) await model.close().catch(() => undefined);
    }
  }
}

/** A dead peer (host gone, no FIN) is noticed after two missed heartbeats: 15 s unless the URL says otherwise. */
function withHeartbeat(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', '15');
  return parsed.toString();
}
