import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { IntakeConfigModule } from './config/config.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { TargetGroupModule } from './target-group/target-group.module.js';
import { definition } from './service.definition.js';

@Module({
  imports: [ServiceCoreModule.forService(definition), IntakeConfigModule, TargetGroupModule, DeliveriesModule],
})
export class AppModule {}
