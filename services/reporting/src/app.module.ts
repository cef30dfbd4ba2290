import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { FiguresModule } from './figures/figures.module.js';
import { LogModule } from './log/log.module.js';
import { SelfDeclarationModule } from './self-declaration/self-declaration.module.js';
import { SharedModule } from './shared/shared.module.js';
import { definition } from './service.definition.js';

@Module({
  imports: [ServiceCoreModule.forService(definition), SharedModule, LogModule, FiguresModule, SelfDeclarationModule],
})
export class AppModule {}
