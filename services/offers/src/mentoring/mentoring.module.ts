import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { Outbox } from '@si/messaging';
import { Canton } from '../shared/canton.js';
import { Clock } from '../shared/clock.js';
import { MentoringService } from './application/mentoring.service.js';
import { MentoringController } from './http/mentoring.controller.js';
import { MentoringRepository } from './infrastructure/mentoring.repository.js';

/** Regional Mentoring-Pools: mentors, requests, suggestions, the optimal assignment and tandems. */
@Module({
  controllers: [MentoringController],
  providers: [
    {
      provide: MentoringService,
      inject: [getDataSourceToken(), Outbox, AuditLog, Canton, Clock],
      useFactory: (ds: DataSource, outbox: Outbox, audit: AuditLog, canton: Canton, clock: Clock) =>
        new MentoringService(ds, new MentoringRepository(), outbox, audit, canton, clock),
    },
  ],
})
export class MentoringModule {}
