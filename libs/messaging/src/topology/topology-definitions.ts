import { createHash } from 'node:crypto';
import { loadEventSchemas } from '@si/contracts';
import { brokerUsers, type BrokerUserOptions } from './broker-users.js';
import { resolveTopology, topologyPlan, type Topology } from './topology.js';

/** RabbitMQ's definitions format (what `rabbitmqctl export_definitions` writes and `load_definitions` reads). */
export interface RabbitDefinitions {
  rabbit_version?: string;
  users: {
    name: string;
    password_hash: string;
    hashing_algorithm: string;
    tags: string[];
    limits: Record<string, never>;
  }[];
  vhosts: { name: string }[];
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  topic_permissions: { user: string; vhost: string; exchange: string; write: string; read: string }[];
  exchanges: {
    name: string;
    vhost: string;
    type: string;
    durable: boolean;
    auto_delete: boolean;
    internal: boolean;
    arguments: Record<string, unknown>;
  }[];
  queues: { name: string; vhost: string; durable: boolean; auto_delete: boolean; arguments: Record<string, unknown> }[];
  bindings: {
    source: string;
    vhost: string;
    destination: string;
    destination_type: 'queue' | 'exchange';
    routing_key: string;
    arguments: Record<string, unknown>;
  }[];
}

/**
 * RabbitMQ's `rabbit_password_hashing_sha256`: base64(salt ‖ sha256(salt ‖ password)). The salt is fixed
 * so that the generated file is stable. Development passwords only (each = the user name, like the database
 * roles'); a production broker gets its users' hashes from its secret store, with these permissions.
 */
function devPasswordHash(password: string): string {
  const salt = Buffer.from('73692e65', 'hex');
  return Buffer.concat([
    salt,
    createHash('sha256')
      .update(Buffer.concat([salt, Buffer.from(password)]))
      .digest(),
  ]).toString('base64');
}

/** The operator account: declares the topology, replays dead letters, runs the management UI. Not used by services. */
export const BROKER_ADMIN = 'si-admin';

/** Which service publishes each event type (`x-producer` of its contract). */
export function eventProducers(): Map<string, string> {
  return new Map(
    [...loadEventSchemas()].map(([type, schema]) => [
      type,
      String((schema as { 'x-producer'?: string })['x-producer']),
    ]),
  );
}

/**
 * Definitions for docker compose (`load_definitions`) and the local broker (`rabbitmqctl import_definitions`),
 * generated from topology.json and the contracts so the three cannot drift (a test compares the committed files
 * with this output): the topology, one user per service with only its own rights ({@link brokerUsers}) and the
 * administrator. No `guest`: importing definitions at boot skips RabbitMQ's default user.
 */
export function definitionsFromTopology(
  topology: Topology,
  options: BrokerUserOptions = {},
  producers = eventProducers(),
): RabbitDefinitions {
  const plan = topologyPlan(resolveTopology(topology));
  const vhost = '/';
  const users = brokerUsers(topology, producers, options);
  const user = (name: string, tags: string[]) => ({
    name,
    password_hash: devPasswordHash(name),
    hashing_algorithm: 'rabbit_password_hashing_sha256',
    tags,
    limits: {},
  });
  return {
    users: [user(BROKER_ADMIN, ['administrator']), ...users.map((u) => user(u.name, []))],
    vhosts: [{ name: vhost }],
    permissions: [
      { user: BROKER_ADMIN, vhost, configure: '.*', write: '.*', read: '.*' },
      ...users.map((u) => ({ user: u.name, vhost, configure: u.configure, write: u.write, read: u.read })),
    ],
    topic_permissions: users.flatMap((u) =>
      u.topic.map((t) => ({ user: u.name, vhost, exchange: t.exchange, write: t.write, read: t.read })),
    ),
    exchanges: plan.exchanges.map((e) => ({
      name: e.name,
      vhost,
      type: e.type,
      durable: true,
      auto_delete: false,
      internal: false,
      arguments: {},
    })),
    queues: plan.queues.map((q) => ({
      name: q.name,
      vhost,
      durable: true,
      auto_delete: false,
      arguments: q.arguments,
    })),
    bindings: [
      ...plan.exchangeBindings.map((b) => ({
        source: b.source,
        vhost,
        destination: b.destination,
        destination_type: 'exchange' as const,
        routing_key: b.routingKey,
        arguments: {},
      })),
      ...plan.bindings.map((b) => ({
        source: b.exchange,
        vhost,
        destination: b.queue,
        destination_type: 'queue' as const,
        routing_key: b.routingKey,
        arguments: b.arguments ?? {},
      })),
    ],
  };
}
