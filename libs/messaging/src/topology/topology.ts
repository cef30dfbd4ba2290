import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Channel } from 'amqplib';

/** One consumer queue as written in infra/rabbitmq/topology.json. */
export interface QueueDefinition {
  /** `<service>.<purpose>`, e.g. `case-management.person-events`. */
  name: string;
  /** The service that consumes it (its inbox key). */
  consumer: string;
  /** Routing-key patterns on the event type (`person.#`, `case.opened.v1`). */
  bindings: string[];
  deliveryLimit?: number;
  maxLength?: number;
  dlqMaxLength?: number;
  retryDelaysMs?: number[];
  singleActiveConsumer?: boolean;
  /**
   * Bind the queue at the topology's `headersExchange` on these message headers (all must match) instead of at
   * `si.events`; `bindings` then name the event types that feed the headers exchange. Used for personal data
   * that may reach one Sozialregion only: `{ "sozialregionid": "olten" }` (the relay copies the CloudEvents
   * attribute into the header), so a queue of region X is never delivered region Y's events.
   */
  match?: Record<string, string>;
}

/** infra/rabbitmq/topology.json: the single source of exchanges and queues. */
export interface Topology {
  exchange: string;
  deadLetterExchange: string;
  retryExchange: string;
  /** Headers exchange (fed from `exchange` by the `bindings` of queues with `match`) for per-region delivery. */
  headersExchange?: string;
  defaults: Required<
    Pick<QueueDefinition, 'deliveryLimit' | 'maxLength' | 'dlqMaxLength' | 'retryDelaysMs' | 'singleActiveConsumer'>
  >;
  queues: QueueDefinition[];
}

/** A queue with its defaults applied and its companions (delayed-retry queues, parking DLQ) named. */
export interface ResolvedQueue extends Required<Omit<QueueDefinition, 'match'>>, Pick<QueueDefinition, 'match'> {
  dlq: string;
  retryQueues: { name: string; delayMs: number }[];
}

/** Concrete names after an optional prefix: what the relay publishes to and consumers read from. */
export interface ResolvedTopology {
  exchange: string;
  deadLetterExchange: string;
  retryExchange: string;
  headersExchange?: string;
  queues: ResolvedQueue[];
}

/** The repository's topology file, found from src/ and dist/ alike (both are three levels below the root). */
export const defaultTopologyPath = fileURLToPath(new URL('../../../../infra/rabbitmq/topology.json', import.meta.url));

/** Reads topology.json (`SI_TOPOLOGY` overrides the path, e.g. in a container image). */
export function loadTopology(path = process.env.SI_TOPOLOGY ?? defaultTopologyPath): Topology {
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}

/** `1000` → `1s`, `250` → `250ms`: readable retry queue names. */
export function delayLabel(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/**
 * Applies defaults and a name prefix. A prefix (e.g. `t3f9a.`) gives an integration test its own
 * exchanges and queues on the shared broker, so tests never see each other's messages.
 */
export function resolveTopology(topology: Topology, prefix = ''): ResolvedTopology {
  return {
    exchange: prefix + topology.exchange,
    deadLetterExchange: prefix + topology.deadLetterExchange,
    retryExchange: prefix + topology.retryExchange,
    ...(topology.headersExchange ? { headersExchange: prefix + topology.headersExchange } : {}),
    queues: topology.queues.map((q) => {
      const name = prefix + q.name;
      const resolved = { ...topology.defaults, ...q, name };
      return {
        ...resolved,
        dlq: `${name}.dlq`,
        retryQueues: resolved.retryDelaysMs.map((delayMs) => ({
          name: `${name}.retry.${delayLabel(delayMs)}`,
          delayMs,
        })),
      };
    }),
  };
}

export function findQueue(topology: ResolvedTopology, name: string): ResolvedQueue {
  const queue = topology.queues.find((q) => q.name === name);
  if (!queue)
    throw new Error(`queue ${name} is not in the topology (known: ${topology.queues.map((q) => q.name).join(', ')})`);
  return queue;
}

/** Quorum-queue arguments shared by every queue we declare: replicated, at-least-once dead-lettering. */
function quorumArguments(
  deadLetterExchange: string,
  deadLetterRoutingKey: string,
  maxLength: number,
): Record<string, unknown> {
  return {
    'x-queue-type': 'quorum',
    'x-dead-letter-exchange': deadLetterExchange,
    'x-dead-letter-routing-key': deadLetterRoutingKey,
    // at-least-once dead-lettering needs reject-publish; a full queue then nacks the publisher (the relay retries).
    'x-dead-letter-strategy': 'at-least-once',
    'x-overflow': 'reject-publish',
    'x-max-length': maxLength,
  };
}

/** Every exchange, queue (with its arguments) and binding of a resolved topology: used by declare and by definitions.json. */
export interface TopologyPlan {
  exchanges: { name: string; type: 'topic' | 'direct' | 'headers' }[];
  queues: { name: string; arguments: Record<string, unknown> }[];
  /** `arguments` only on headers bindings (`x-match` and the headers). */
  bindings: { exchange: string; queue: string; routingKey: string; arguments?: Record<string, unknown> }[];
  /** Exchange-to-exchange bindings: `si.events` → the headers exchange by event type. */
  exchangeBindings: { source: string; destination: string; routingKey: string }[];
}

/**
 * The plan of one resolved topology:
 * - main queue: bound to `si.events` by its patterns; broker dead-letters (delivery limit exceeded, nack)
 *   go to `si.dead-letter` with the queue's name as key, i.e. to its `.dlq`;
 * - `.retry.<delay>` queues: a consumer publishes a failed message there (via `si.retry`); the TTL expires
 *   and the broker dead-letters it back to the main queue through `si.retry` (key = the main queue's name);
 * - `.dlq`: the parking lot, durable quorum, no TTL; messages carry the reason in headers.
 */
export function topologyPlan(t: ResolvedTopology): TopologyPlan {
  const plan: TopologyPlan = {
    exchanges: [
      { name: t.exchange, type: 'topic' },
      // Topic, not direct, although keyed by exact queue names: RabbitMQ's topic permissions then let each
      // service route and bind only its own queues' keys there (broker-users.ts).
      { name: t.deadLetterExchange, type: 'topic' },
      { name: t.retryExchange, type: 'topic' },
    ],
    queues: [],
    bindings: [],
    exchangeBindings: [],
  };
  if (t.headersExchange) plan.exchanges.push({ name: t.headersExchange, type: 'headers' });
  for (const q of t.queues) {
    plan.queues.push({
      name: q.name,
      arguments: {
        ...quorumArguments(t.deadLetterExchange, q.name, q.maxLength),
        'x-delivery-limit': q.deliveryLimit,
        ...(q.singleActiveConsumer ? { 'x-single-active-consumer': true } : {}),
      },
    });
    if (q.match) {
      if (!t.headersExchange)
        throw new Error(`queue ${q.name} matches on headers but the topology has no headersExchange`);
      plan.bindings.push({
        exchange: t.headersExchange,
        queue: q.name,
        routingKey: '',
        arguments: { 'x-match': 'all', ...q.match },
      });
      for (const key of q.bindings) {
        if (!plan.exchangeBindings.some((b) => b.routingKey === key))
          plan.exchangeBindings.push({ source: t.exchange, destination: t.headersExchange, routingKey: key });
      }
    } else {
      for (const key of q.bindings) plan.bindings.push({ exchange: t.exchange, queue: q.name, routingKey: key });
    }
    plan.bindings.push({ exchange: t.retryExchange, queue: q.name, routingKey: q.name });
    for (const r of q.retryQueues) {
      plan.queues.push({
        name: r.name,
        arguments: { ...quorumArguments(t.retryExchange, q.name, q.maxLength), 'x-message-ttl': r.delayMs },
      });
      plan.bindings.push({ exchange: t.retryExchange, queue: r.name, routingKey: r.name });
    }
    plan.queues.push({
      name: q.dlq,
      arguments: { 'x-queue-type': 'quorum', 'x-max-length': q.dlqMaxLength, 'x-overflow': 'reject-publish' },
    });
    plan.bindings.push({ exchange: t.deadLetterExchange, queue: q.dlq, routingKey: q.name });
  }
  return plan;
}

/**
 * Declares the whole topology idempotently (assert* is a no-op when it exists with the same arguments).
 * Every service declares all of it at start, so a producer never publishes into a void because a consumer
 * has not started yet. A queue that exists with other arguments makes the broker close the channel
 * (PRECONDITION_FAILED): change arguments of existing queues through a policy, not here.
 */
export async function declareTopology(channel: Channel, topology: ResolvedTopology): Promise<void> {
  const plan = topologyPlan(topology);
  for (const e of plan.exchanges) await channel.assertExchange(e.name, e.type, { durable: true });
  for (const q of plan.queues) await channel.assertQueue(q.name, { durable: true, arguments: q.arguments });
  for (const b of plan.exchangeBindings) await channel.bindExchange(b.destination, b.source, b.routingKey);
  for (const b of plan.bindings) await channel.bindQueue(b.queue, b.exchange, b.routingKey, b.arguments);
}

/**
 * Declares only what a service's own broker user may configure (broker-users.ts): its queues, their retry and
 * dead-letter companions and their bindings. The exchanges and the other services' queues must exist already
 * (the administrator imports definitions.json; the test harnesses declare the whole topology first).
 */
export async function declareOwnQueues(
  channel: Channel,
  topology: ResolvedTopology,
  service: string,
  prefix = '',
): Promise<void> {
  const plan = topologyPlan(topology);
  const own = (queue: string) => queue.startsWith(`${prefix}${service}.`);
  for (const q of plan.queues)
    if (own(q.name)) await channel.assertQueue(q.name, { durable: true, arguments: q.arguments });
  for (const b of plan.bindings)
    if (own(b.queue)) await channel.bindQueue(b.queue, b.exchange, b.routingKey, b.arguments);
}

/** Removes what {@link declareTopology} created: for tests that used a prefix. */
export async function deleteTopology(channel: Channel, topology: ResolvedTopology): Promise<void> {
  const plan = topologyPlan(topology);
  for (const q of plan.queues) await channel.deleteQueue(q.name);
  for (const e of plan.exchanges) await channel.deleteExchange(e.name);
}
