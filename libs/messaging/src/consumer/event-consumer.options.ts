import type { DataSource } from 'typeorm';
import type { Logger } from '@si/observability';
import type { AmqpConnection } from '../connection/amqp-connection.js';
import type { CloudEvent } from '../events/cloud-event.js';
import type { EventValidator } from '../events/event-validator.js';
import type { ResolvedTopology } from '../topology/topology.js';
import type { EventHandlers } from './event-handler.js';

export interface EventConsumerOptions {
  /** The broker URL (the consumer opens its own connection) or a shared {@link AmqpConnection}. */
  amqp: string | AmqpConnection;
  dataSource: DataSource;
  /** The queue as named in topology.json, e.g. `case-management.person-events`. */
  queue: string;
  /** The consuming service: the inbox key together with the message id. */
  consumer: string;
  handlers: EventHandlers;
  validator: EventValidator;
  /** Defaults to infra/rabbitmq/topology.json resolved with `prefix`; retry delays come from it. */
  topology?: ResolvedTopology;
  prefix?: string;
  /**
   * Declare the whole topology on every (re)connect (default true), or `'own'`: only this consumer's service's
   * queues, as a service connecting with its own broker user may (broker-users.ts).
   */
  declareTopology?: boolean | 'own';
  /** Unacknowledged deliveries the broker may push (default 500). */
  prefetch?: number;
  /** Transactions running at once, each for different subjects (default 4). */
  concurrency?: number;
  /** Messages applied in one transaction at most (default 100). */
  batchSize?: number;
  /** Attempts including the first before a failing message is dead-lettered (default 5). */
  maxAttempts?: number;
  /** What to do with a valid event no handler is registered for (default: dead-letter it). */
  unhandled?: 'dead-letter' | 'ignore';
  /** Called after a transaction committed, with the events it applied (not the skipped duplicates). */
  afterCommit?: (events: CloudEvent[]) => void;
  logger?: Logger;
}
