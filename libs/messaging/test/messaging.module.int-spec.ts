import 'reflect-metadata';
import { Global, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { eventually } from '@si/testing';
import type { CloudEvent } from '../src/events/cloud-event.js';
import { EventConsumers } from '../src/consumer/event-consumers.js';
import { MessagingLifecycle, MessagingModule } from '../src/messaging.module.js';
import { Outbox } from '../src/outbox/outbox.js';
import type { Topology } from '../src/topology/topology.js';
import {
  AMQP_URL,
  QUEUE,
  THING,
  fixtureSchemas,
  rawBroker,
  testDb,
  testTopology,
  type TestDb,
} from './support/messaging-fixture.js';

const topology: Topology = {
  exchange: 'si.events',
  deadLetterExchange: 'si.dead-letter',
  retryExchange: 'si.retry',
  defaults: {
    deliveryLimit: 10,
    maxLength: 100_000,
    dlqMaxLength: 100_000,
    retryDelaysMs: [100],
    singleActiveConsumer: true,
  },
  queues: [{ name: QUEUE, consumer: 'case-management', bindings: ['test.#'] }],
};

/** How a service registers its handlers: a provider that registers them when the module initialises. */
@Injectable()
class ThingHandlers implements OnModuleInit {
  constructor(@Inject(EventConsumers) private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.register(QUEUE, {
      [THING]: async (event: CloudEvent<{ n: number }>, em: EntityManager) => {
        await em.query('INSERT INTO thing_effect (event_id, subject, n) VALUES ($1, $2, $3)', [
          event.id,
          event.subject,
          event.data.n,
        ]);
      },
    });
  }
}

describe('MessagingModule in a Nest application', () => {
  let db: TestDb;
  const { prefix, topology: resolved } = testTopology();

  beforeAll(async () => {
    db = await testDb('case-management');
  });

  afterAll(async () => {
    const broker = await rawBroker(resolved);
    await broker.close();
    await db.close();
  });

  it('wires outbox, relay and consumers: an event written in a use case reaches the handler, and readiness reflects the broker', async () => {
    // What TypeOrmModule.forRoot does: a global DataSource provider.
    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: db.dataSource }], exports: [DataSource] })
    class DatabaseModule {}

    @Module({
      imports: [
        DatabaseModule,
        MessagingModule.forService({
          service: 'case-management',
          amqpUrl: AMQP_URL,
          schemasRoot: fixtureSchemas,
          prefix,
          topology,
        }),
      ],
      providers: [ThingHandlers],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'], abortOnError: false });
    try {
      const lifecycle = app.get(MessagingLifecycle);
      await eventually(() => expect(lifecycle.isReady()).toBe(true));
      expect(lifecycle.status()).toEqual({ amqp: true, relay: true, consumers: { [QUEUE]: true } });

      const outbox = app.get(Outbox);
      await db.dataSource.transaction((em) => outbox.add(em, { type: THING, subject: 'nest', data: { n: 7 } }));
      await eventually(async () =>
        expect(await db.dataSource.query('SELECT subject, n FROM thing_effect')).toEqual([{ subject: 'nest', n: 7 }]),
      );
      const [row] = await db.dataSource.query('SELECT payload FROM outbox');
      expect(row.payload).toMatchObject({ source: '/si/case-management', type: THING, subject: 'nest' });
    } finally {
      await app.close();
    }
  });
});
