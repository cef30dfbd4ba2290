import { Module } from '@nestjs/common';
import { EventConsumers } from '@si/messaging';
import { Projector } from './application/projector.js';
import { EventLog } from './infrastructure/event-log.js';
import { LogConsumer } from './messaging/log-consumer.js';

/** The event log and its projector, fed by the consumer of reporting.all-events (point 1). */
@Module({
  providers: [
    { provide: EventLog, useValue: new EventLog() },
    { provide: Projector, useValue: new Projector() },
    {
      provide: LogConsumer,
      inject: [EventConsumers, EventLog, Projector],
      useFactory: (c: EventConsumers, l: EventLog, p: Projector) => new LogConsumer(c, l, p),
    },
  ],
  exports: [EventLog, Projector],
})
export class LogModule {}
