import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { DfpaModule } from './dfpa/dfpa.module.js';
import { SharedModule } from './shared/shared.module.js';
import { definition } from './service.definition.js';

@Module({ imports: [ServiceCoreModule.forService(definition), SharedModule, DfpaModule] })
export class AppModule {}
