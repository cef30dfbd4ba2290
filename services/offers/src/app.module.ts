import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@si/service';
import { OffersModule } from './offers/offers.module.js';
import { MentoringModule } from './mentoring/mentoring.module.js';
import { ParticipationModule } from './participation/participation.module.js';
import { SharedModule } from './shared/shared.module.js';
import { definition } from './service.definition.js';

@Module({
  imports: [ServiceCoreModule.forService(definition), SharedModule, OffersModule, ParticipationModule, MentoringModule],
})
export class AppModule {}
