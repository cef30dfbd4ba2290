import { Module } from '@nestjs/common';
import { TargetGroupModule } from '../target-group/target-group.module.js';
import { DeliveryIntake, SEDEX_FILE_LOCATOR } from './application/delivery-intake.js';
import { DeliveryQueries } from './application/delivery-queries.js';
import { IntakeEngine } from './application/intake-engine.js';
import { IntakeMaintenance } from './application/intake-maintenance.js';
import { DeliveriesController } from './http/deliveries.controller.js';
import { PartialDeliveryQueue } from './jobs/partial-delivery-queue.js';
import { XmlBodyParser } from './http/xml-body.parser.js';
import { SedexFiles } from './sedex/sedex-files.js';
import { SedexPoller } from './sedex/sedex-poller.js';
import { SedexProcessor } from './sedex/sedex-processor.js';

@Module({
  imports: [TargetGroupModule],
  controllers: [DeliveriesController],
  providers: [
    IntakeEngine,
    DeliveryIntake,
    DeliveryQueries,
    IntakeMaintenance,
    PartialDeliveryQueue,
    XmlBodyParser,
    SedexFiles,
    SedexProcessor,
    SedexPoller,
    { provide: SEDEX_FILE_LOCATOR, useExisting: SedexFiles },
  ],
  exports: [DeliveryIntake, SedexPoller, SedexProcessor, SedexFiles, IntakeMaintenance, PartialDeliveryQueue],
})
export class DeliveriesModule {}
