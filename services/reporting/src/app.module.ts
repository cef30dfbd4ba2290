import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { definition } from './service.definition.js';

@Module({ imports: [ServiceCoreModule.forService(definition)] })
export class AppModule {}
