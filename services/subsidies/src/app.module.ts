import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { SubsidiesModule } from './subsidies.module.js';
import { definition } from './service.definition.js';

@Module({ imports: [ServiceCoreModule.forService(definition), SubsidiesModule] })
export class AppModule {}
