import type { Channel, ChannelModel, ConfirmChannel, Message, Options } from 'amqplib';
import type { Logger } from '@si/observability';
import type { AmqpConnection } from './amqp-connection.js';

export interface ConfirmChannelSessionOptions {
  amqp: AmqpConnection;
  /** Names the session in logs, e.g. `outbox relay` or the queue a consumer reads. */
  label: string;
  logger?: Logger;
  /**
   * Runs on every fresh confirm channel before the session counts as open: declare topology, open a consuming
   * channel, start consuming. Channels it returns live and die with the confirm channel (one closing closes the
   * others). If it throws, the connection is closed and comes back with backoff ({@link AmqpConnection}).
   */
  setUp?: (confirm: ConfirmChannel, model: ChannelModel, generation: number) => Promise<Channel[] | void>;
  /** The session is open (after `setUp`). */
  onOpen?: (confirm: ConfirmChannel) => void;
  /** The channels of `generation` are gone; the session reopens them when it can. */
  onLost?: (generation: number) => void;
  /** Wait before reopening channels the broker closed while the connection lives (default 1 s; 5 s after a failed reopen). */
  reopenDelayMs?: number;
}

/**
 * The channel life cycle that the outbox relay and every consumer share: a confirm channel (plus the channels
 * `setUp` ties to it) opened on every (re)connect of the {@link AmqpConnection}, reopened after a delay when the
 * broker closes it while the connection lives (e.g. a 404 on a missing queue), closed on {@link stop}. It also
 * keeps the messages the broker returned as unroutable (`mandatory`), so a confirm can be told from a return.
 *
 * `generation` counts opens and losses: work received on a channel carries the generation it came with and is
 * stale once the generation moved on (its deliveries are redelivered by the broker, its acks are void).
 */
export class ConfirmChannelSession {
  private confirm?: ConfirmChannel;
  private running = false;
  private unsubscribe?: () => void;
  private readonly returned = new Set<string>();
  private current = 0;

  constructor(private readonly options: ConfirmChannelSessionOptions) {}

  /** Opens the channels now if connected and after every reconnect (returns at once). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.amqp.onConnect((model) => this.open(model));
  }

  /** Stops reopening and closes the channels. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    const confirm = this.confirm;
    this.confirm = undefined;
    await confirm?.close().catch(() => undefined);
  }

  /** The open confirm channel, if any. */
  get channel(): ConfirmChannel | undefined {
    return this.confirm;
  }

  get generation(): number {
    return this.current;
  }

  isOpen(): boolean {
    return this.confirm !== undefined;
  }

  /** Whether the broker returned this message as unroutable since it was published (forgets it when asked). */
  takeReturned(messageId: string): boolean {
    return this.returned.delete(messageId);
  }

  /**
   * Publishes (`mandatory`) and waits for the broker's confirm; rejects when it is nacked or the channel is gone, and
   * when it was returned as unroutable (told by `options.messageId`).
   */
  publish(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    const channel = this.confirm;
    if (!channel) return Promise.reject(new Error('no confirm channel'));
    return new Promise<void>((resolve, reject) => {
      channel.publish(exchange, routingKey, content, { ...options, mandatory: true }, (err: unknown) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else if (options.messageId !== undefined && this.takeReturned(String(options.messageId)))
          reject(new Error(`unroutable: no queue bound to ${routingKey} on ${exchange}`));
        else resolve();
      });
    });
  }

  private async open(model: ChannelModel): Promise<void> {
    if (!this.running) return;
    const { logger, label } = this.options;
    const confirm = await model.createConfirmChannel();
    confirm.on('error', (err: Error) => logger?.warn({ err: err.message, session: label }, 'channel error'));
    confirm.on('return', (msg: Message) => {
      if (msg.properties.messageId) this.returned.add(String(msg.properties.messageId));
    });
    const generation = ++this.current;
    let tied: Channel[];
    try {
      tied = (await this.options.setUp?.(confirm, model, generation)) ?? [];
    } catch (err) {
      await confirm.close().catch(() => undefined);
      throw err;
    }
    const channels: Channel[] = [confirm, ...tied];
    let lost = false;
    const onClose = () => {
      if (lost) return;
      lost = true;
      for (const c of channels) void c.close().catch(() => undefined);
      if (this.current !== generation) return;
      this.current += 1;
      if (this.confirm === confirm) this.confirm = undefined;
      this.options.onLost?.(generation);
      if (this.running && this.options.amqp.isConnected())
        setTimeout(() => this.reopen(model), this.options.reopenDelayMs ?? 1_000);
    };
    for (const c of channels) c.on('close', onClose);
    if (!this.running) return void confirm.close().catch(() => undefined);
    this.confirm = confirm;
    this.options.onOpen?.(confirm);
  }

  private reopen(model: ChannelModel): void {
    if (!this.running || this.confirm || !this.options.amqp.isCurrent(model)) return;
    this.open(model).catch((err: Error) => {
      this.options.logger?.warn({ err: err.message, session: this.options.label }, 'channel reopen failed');
      setTimeout(() => this.reopen(model), 5 * (this.options.reopenDelayMs ?? 1_000));
    });
  }
}
