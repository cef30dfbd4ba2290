import type { DataSource } from 'typeorm';
import type { Logger } from '@si/observability';
import type { AmqpConnection } from '../connection/amqp-connection.js';
import { EventConsumer, type EventConsumerOptions, type EventHandlers } from './event-consumer.js';
import type { EventValidator } from '../events/event-validator.js';
import type { ResolvedTopology } from '../topology/topology.js';

/** Per-queue tuning a service may set when it registers handlers. */
export type ConsumerTuning = Partial<
  Pick<EventConsumerOptions, 'prefetch' | 'concurrency' | 'batchSize' | 'maxAttempts' | 'unhandled' | 'afterCommit'>
>;

export interface EventConsumersOptions {
  service: string;
  amqp: AmqpConnection;
  dataSource: DataSource;
  validator: EventValidator;
  topology?: ResolvedTopology;
  prefix?: string;
  /** See {@link EventConsumerOptions.declareTopology}. */
  declareTopology?: boolean | 'own';
  logger?: Logger;
}

/**
 * The consumers of one service on one shared connection. Handler classes register their queue's handlers
 * (in Nest: in `onModuleInit`); {@link start} starts all of them, and a queue registered later starts at once.
 */
export class EventConsumers {
  private readonly consumers = new Map<string, EventConsumer>();
  private started = false;

  constructor(private readonly options: EventConsumersOptions) {}

  register(queue: string, handlers: EventHandlers, tuning: ConsumerTuning = {}): EventConsumer {
    if (this.consumers.has(queue)) throw new Error(`handlers for ${queue} are already registered`);
    const { service, amqp, dataSource, validator, topology, prefix, logger, declareTopology } = this.options;
    const consumer = new EventConsumer({
      amqp,
      dataSource,
      validator,
      topology,
      prefix,
      logger,
      queue,
      consumer: service,
      handlers,
      declareTopology,
      ...tuning,
    });
    this.consumers.set(queue, consumer);
    if (this.started) void consumer.start();
    return consumer;
  }

  async start(): Promise<void> {
    this.started = true;
    for (const consumer of this.consumers.values()) await consumer.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.consumers.values()].map((c) => c.stop()));
  }

  /** Queue name → connected, for the readiness probe. */
  status(): Record<string, boolean> {
    return Object.fromEntries([...this.consumers].map(([queue, c]) => [queue, c.isConnected()]));
  }

  isConnected(): boolean {
    return [...this.consumers.values()].every((c) => c.isConnected());
  }
}
