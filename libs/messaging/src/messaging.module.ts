import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger } from '@si/observability';
import { AmqpConnection } from './connection/amqp-connection.js';
import { EventConsumers } from './consumer/event-consumers.js';
import { EventValidator } from './events/event-validator.js';
import { Outbox } from './outbox/outbox.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { loadTopology, resolveTopology, type Topology } from './topology/topology.js';

export interface MessagingModuleOptions {
  /** The service name: event source `/si/<service>`, inbox consumer key, connection names. */
  service: string;
  /** Default: `AMQP_URL`, else the local broker. */
  amqpUrl?: string;
  /** Run the outbox relay in this process (default true; a service that never emits may turn it off). */
  relay?: boolean;
  /** Contract folder (default contracts/events). */
  schemasRoot?: string;
  /** Name prefix of exchanges and queues (tests). */
  prefix?: string;
  /** The topology (default infra/rabbitmq/topology.json); resolved with `prefix`. */
  topology?: Topology;
  /** The DataSource's injection token (default: the `DataSource` class, as @nestjs/typeorm registers it). */
  dataSourceToken?: unknown;
}

/** Starts the relay and the consumers once the application is up and stops them before it shuts down. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(AmqpConnection) private readonly amqp: AmqpConnection,
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.amqp.start();
    await this.relay?.start();
    await this.consumers.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers.stop();
    await this.relay?.stop();
    await this.amqp.close();
  }

  /** For `GET /health/ready`: the broker connection, the relay and every registered consumer are up. */
  isReady(): boolean {
    return this.amqp.isConnected() && (this.relay?.isConnected() ?? true) && this.consumers.isConnected();
  }

  status(): { amqp: boolean; relay: boolean | null; consumers: Record<string, boolean> } {
    return {
      amqp: this.amqp.isConnected(),
      relay: this.relay ? this.relay.isConnected() : null,
      consumers: this.consumers.status(),
    };
  }
}

/**
 * `MessagingModule.forService({ service: 'case-management' })`: a global module providing {@link Outbox},
 * {@link EventConsumers} (register handlers per queue), {@link OutboxRelay}, {@link EventValidator},
 * {@link AmqpConnection} and {@link MessagingLifecycle} (start/stop, readiness). Needs a TypeORM DataSource
 * provider and the application's shutdown hooks (`app.enableShutdownHooks()`) for a graceful stop.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    const logger = createLogger(options.service);
    const topology = resolveTopology(options.topology ?? loadTopology(), options.prefix);
    const dataSourceToken = (options.dataSourceToken ?? DataSource) as never;
    const amqpUrl = options.amqpUrl ?? process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
    // Connected as its own broker user (broker-users.ts), a service may configure only its own queues: the
    // exchanges and the other services' queues come from the administrator's definitions.
    const declareTopology = decodeURIComponent(new URL(amqpUrl).username) === options.service ? ('own' as const) : true;
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: EventValidator, useFactory: () => new EventValidator({ schemasRoot: options.schemasRoot }) },
        {
          provide: AmqpConnection,
          useFactory: () => new AmqpConnection({ url: amqpUrl, name: options.service, logger }),
        },
        {
          provide: Outbox,
          useFactory: (validator: EventValidator) => new Outbox({ source: options.service, validator }),
          inject: [EventValidator],
        },
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, amqp: AmqpConnection) =>
            options.relay === false
              ? null
              : new OutboxRelay({ dataSource, amqp, service: options.service, topology, logger, declareTopology }),
          inject: [dataSourceToken, AmqpConnection],
        },
        {
          provide: EventConsumers,
          useFactory: (dataSource: DataSource, amqp: AmqpConnection, validator: EventValidator) =>
            new EventConsumers({
              service: options.service,
              amqp,
              dataSource,
              validator,
              topology,
              prefix: options.prefix,
              logger,
              declareTopology,
            }),
          inject: [dataSourceToken, AmqpConnection, EventValidator],
        },
        MessagingLifecycle,
      ],
      exports: [EventValidator, AmqpConnection, Outbox, OutboxRelay, EventConsumers, MessagingLifecycle],
    };
  }
}
