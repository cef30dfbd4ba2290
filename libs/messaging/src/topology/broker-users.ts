import type { Topology } from './topology.js';

/**
 * What one service may do on the broker (security probe F1: one account per service instead of a shared
 * administrator). RabbitMQ checks `configure` on declare/delete, `write` on publish (exchange) and bind (queue),
 * `read` on consume (queue) and bind (exchange); topic permissions narrow publishing and binding on a topic
 * exchange to routing keys, i.e. event types.
 */
export interface BrokerUser {
  name: string;
  configure: string;
  write: string;
  read: string;
  /** Per topic exchange: `write` = the event types (or queue names) it may publish, `read` = the binding keys it may bind. */
  topic: { exchange: string; write: string; read: string }[];
}

export interface BrokerUserOptions {
  /**
   * Allow the name prefix integration tests give their exchanges and queues (`t` + 8 hex digits + `.`,
   * see @si/service-testing) in the vhost permissions: for the local development broker only, where tests and
   * the platform share one RabbitMQ. Topic permissions name exchanges exactly, so they hold on `si.events` only.
   */
  testPrefix?: boolean;
}

const TEST_PREFIX = '(t[0-9a-f]{8}\\.)?';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const anyOf = (names: string[]): string => (names.length ? `^(${names.map(escape).join('|')})$` : '^$');

/**
 * One broker user per service, derived from topology.json (which queues a service consumes, with which binding
 * keys) and the contracts (`x-producer`: which event types a service publishes):
 * - configure and read only its own queues (`<service>.`), so it can neither consume, purge nor delete another's;
 * - write on the exchanges it publishes to, and on its own queues (binding needs it);
 * - on `si.events` it may publish only the types it owns and bind only the keys topology.json gives its queues;
 * - the retry and dead-letter exchanges are topic exchanges keyed by queue name, so a service may route and bind
 *   there only for its own queues: it can neither inject into nor listen to another consumer's retries.
 * The exchanges and the other services' queues are declared by the administrator (definitions.json), not by it.
 */
export function brokerUsers(
  topology: Topology,
  producers: ReadonlyMap<string, string>,
  options: BrokerUserOptions = {},
): BrokerUser[] {
  const services = [...new Set([...topology.queues.map((q) => q.consumer), ...producers.values()])].sort();
  const p = options.testPrefix ? TEST_PREFIX : '';
  return services.map((service) => {
    const own = `${escape(service)}\\.`;
    const queues = topology.queues.filter((q) => q.consumer === service);
    const owned = [...producers]
      .filter(([, producer]) => producer === service)
      .map(([type]) => type)
      .sort();
    const bindsHeaders = topology.headersExchange !== undefined && queues.some((q) => q.match);
    const publishes = [topology.exchange, topology.retryExchange, topology.deadLetterExchange];
    const binds = [
      topology.exchange,
      topology.retryExchange,
      topology.deadLetterExchange,
      ...(bindsHeaders && topology.headersExchange ? [topology.headersExchange] : []),
    ];
    const mainKeys = [...new Set(queues.filter((q) => !q.match).flatMap((q) => q.bindings))].sort();
    return {
      name: service,
      configure: `^${p}${own}`,
      write: `^${p}(${publishes.map(escape).join('|')})$|^${p}${own}`,
      read: `^${p}(${binds.map(escape).join('|')})$|^${p}${own}`,
      topic: [
        { exchange: topology.exchange, write: anyOf(owned), read: anyOf(mainKeys) },
        { exchange: topology.retryExchange, write: `^${own}`, read: `^${own}` },
        { exchange: topology.deadLetterExchange, write: `^${own}`, read: `^${own}` },
      ],
    };
  });
}
