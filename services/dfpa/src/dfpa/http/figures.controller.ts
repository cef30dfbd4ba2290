import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { AuditLog, auditActorOf } from '@si/audit';
import { DfpaCaseRepository } from '../infrastructure/dfpa-case.repository.js';

/** AGS sees figures, not persons (R25): DFPA cases per region and status. */
@ApiTags('figures')
@Controller('api/v1/figures')
export class FiguresController {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(DfpaCaseRepository) private readonly cases: DfpaCaseRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get()
  @Roles('ags')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'DFPA cases per Sozialregion and status (counts only)' })
  async figures(@CurrentPrincipal() p: Principal) {
    await this.audit.recordAlone({
      actor: auditActorOf(p),
      action: 'dfpa.figures.read',
      objectType: 'figures',
      outcome: 'granted',
    });
    return { cases: await this.cases.figures(this.dataSource.manager) };
  }
}
