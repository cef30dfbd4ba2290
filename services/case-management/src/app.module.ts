import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { CasesModule } from './cases/cases.module.js';
import { SharedModule } from './shared/shared.module.js';
import { definition } from './service.definition.js';

@Module({ imports: [ServiceCoreModule.forService(definition), SharedModule, CasesModule] })
export class AppModule {}
