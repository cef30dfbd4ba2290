import { createHash } from 'node:crypto';
import { resolveTopology, topologyPlan, type Topology } from './topology.js';

/** RabbitMQ's definitions format (what `rabbitmqctl export_definitions` writes and `load_definitions` reads). */
export interface RabbitDefinitions {
  rabbit_version?: string;
  users: { name: string; password_hash: string; hashing_algorithm: string; tags: string[]; limits: Record<string, never> }[];
  vhosts: { name: string }[];
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  exchanges: { name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: Record<string, unknown> }[];
  queues: { name: string; vhost: string; durable: boolean; auto_delete: boolean; arguments: Record<string, unknown> }[];
  bindings: { source: string; vhost: string; destination: string; destination_type: 'queue'; routing_key: string; arguments: Record<string, unknown> }[];
}

/**
 * RabbitMQ's `rabbit_password_hashing_sha256`: base64(salt ‖ sha256(salt ‖ password)). The salt is fixed
 * so that the generated file is stable; this is the development broker's well-known guest account only.
 */
function devPasswordHash(password: string): string {
  const salt = Buffer.from('73692e65', 'hex');
  return Buffer.concat([salt, createHash('sha256').update(Buffer.concat([salt, Buffer.from(password)])).digest()]).toString('base64');
}

/**
 * Definitions for docker compose (`load_definitions`), generated from topology.json so the two cannot drift
 * (a test compares the committed file with this output). Importing definitions at boot skips RabbitMQ's
 * default user, so the development `guest` account is part of the file.
 */
export function definitionsFromTopology(topology: Topology): RabbitDefinitions {
  const plan = topologyPlan(resolveTopology(topology));
  const vhost = '/';
  return {
    users: [{ name: 'guest', password_hash: devPasswordHash('guest'), hashing_algorithm: 'rabbit_password_hashing_sha256', tags: ['administrator'], limits: {} }],
    vhosts: [{ name: vhost }],
    permissions: [{ user: 'guest', vhost, configure: '.*', write: '.*', read: '.*' }],
    exchanges: plan.exchanges.map((e) => ({ name: e.name, vhost, type: e.type, durable: true, auto_delete: false, internal: false, arguments: {} })),
    queues: plan.queues.map((q) => ({ name: q.name, vhost, durable: true, auto_delete: false, arguments: q.arguments })),
    bindings: plan.bindings.map((b) => ({ source: b.exchange, vhost, destination: b.queue, destination_type: 'queue', routing_key: b.routingKey, arguments: {} })),
  };
}
