// The public face of @si/messaging. What a service needs to write events, consume them and wire the module; what
// tests, scripts and benchmarks need to set up a topology of their own. Everything else (ack batching, subject lanes
// and holds, the relay's listener and mark queue, the channel session) is internal to the folders below.

// Events: the CloudEvents envelope and its validation against contracts/events.
export { buildCloudEvent, CLOUD_EVENTS_CONTENT_TYPE, type CloudEvent, type NewEvent } from './events/cloud-event.js';
export { EventValidationError, EventValidator, type EventValidatorOptions } from './events/event-validator.js';
export { topicMatches } from './events/topic-match.js';

// Writing: the transactional outbox and its relay.
export { Outbox, type OutboxOptions } from './outbox/outbox.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay.js';

// Consuming: idempotent consumers with delayed retry and dead-lettering.
export {
  EventConsumer,
  type BatchEventHandler,
  type EventConsumerOptions,
  type EventHandler,
  type EventHandlers,
} from './consumer/event-consumer.js';
export { EventConsumers, type ConsumerTuning, type EventConsumersOptions } from './consumer/event-consumers.js';
export { PermanentEventError } from './consumer/consumer-errors.js';
export { Headers, type DeathReason } from './consumer/dead-letter.js';
export { replayDeadLetters } from './consumer/dead-letter-replay.js';
export { purgeInbox } from './consumer/inbox.js';

// The broker connection a service shares between its relay and consumers.
export { AmqpConnection, type AmqpConnectionOptions } from './connection/amqp-connection.js';

// Topology (infra/rabbitmq/topology.json): loading, resolving with a test prefix, declaring, deleting, definitions.
export {
  declareTopology,
  deleteTopology,
  findQueue,
  loadTopology,
  resolveTopology,
  type QueueDefinition,
  type ResolvedQueue,
  type ResolvedTopology,
  type Topology,
} from './topology/topology.js';
export { definitionsFromTopology, type RabbitDefinitions } from './topology/topology-definitions.js';

// Nest wiring and the tables the service's migrations must include.
export { MessagingLifecycle, MessagingModule, type MessagingModuleOptions } from './messaging.module.js';
export { messagingMigrations } from './messaging.migration.js';
