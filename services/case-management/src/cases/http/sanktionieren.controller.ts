import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@si/auth';
import type { LocalDate, ReportReason } from '../domain/index.js';
import { CaseActions } from '../application/case-actions.service.js';
import {
  recordFamilyOfSwiss,
  recordMigrationsamtDecision,
  recordMigrationsamtReview,
  reportToMigrationsamt,
} from '../application/sanktionieren.actions.js';
import { PersonRepository } from '../infrastructure/person.repository.js';
import { CommandRoles } from './command-roles.decorator.js';
import { CaseActionDocs } from './api-docs.js';
import {
  FamilyOfSwissDto,
  MigrationsamtDecisionDto,
  MigrationsamtReportDto,
  MigrationsamtReviewDto,
} from './dto/sanktionieren.dto.js';

@ApiTags('sanktionieren')
@Controller('api/v1/cases/:id')
export class SanktionierenController {
  constructor(
    @Inject(CaseActions) private readonly actions: CaseActions,
    @Inject(PersonRepository) private readonly persons: PersonRepository,
  ) {}

  @Post('migrationsamt-reports')
  @CommandRoles('reportToMigrationsamt')
  @HttpCode(200)
  @CaseActionDocs(
    'Report the case to the Migrationsamt',
    'A formal disclosure (AIG Art. 97 Abs. 3) with a documented reason (R8), only after the Abs. 2 circumstances were considered (R4). The data set sent is kept in the history and its field names in the audit log.',
  )
  report(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: MigrationsamtReportDto) {
    const reason: ReportReason =
      b.reason.kind === 'agreement-not-fulfilled'
        ? { kind: b.reason.kind, agreementId: b.reason.agreementId ?? '', statement: b.reason.statement }
        : { kind: b.reason.kind, statement: b.reason.statement };
    return this.actions.act(
      p,
      id,
      reportToMigrationsamt({ reportedOn: b.reportedOn as LocalDate, reason }, this.persons),
    );
  }

  @Post('migrationsamt-reports/:reportId/review')
  @CommandRoles('recordMigrationsamtReview')
  @HttpCode(200)
  @ApiParam({ name: 'reportId' })
  @CaseActionDocs('Migrationsamt: record the review of the integration (R6)')
  review(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('reportId') reportId: string,
    @Body() b: MigrationsamtReviewDto,
  ) {
    return this.actions.act(
      p,
      id,
      recordMigrationsamtReview(reportId, { reviewedOn: b.reviewedOn as LocalDate, notes: b.notes }),
    );
  }

  @Post('migrationsamt-reports/:reportId/decision')
  @CommandRoles('recordMigrationsamtDecision')
  @HttpCode(200)
  @ApiParam({ name: 'reportId' })
  @CaseActionDocs(
    'Migrationsamt: binding agreement, recommendation or measure',
    "After the review (R6). A binding agreement is refused for EU/EFTA free movement (R10) and family members of Swiss nationals (R5): recommendation only. The decision flows back into the municipality's case (R7).",
  )
  decision(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('reportId') reportId: string,
    @Body() b: MigrationsamtDecisionDto,
  ) {
    return this.actions.act(
      p,
      id,
      recordMigrationsamtDecision(reportId, {
        decidedOn: b.decidedOn as LocalDate,
        kind: b.kind,
        statement: b.statement,
        ...(b.measureKind ? { measureKind: b.measureKind } : {}),
        ...(b.goals ? { goals: b.goals.map((g) => ({ ...g })) } : {}),
        ...(b.dueOn ? { dueOn: b.dueOn as LocalDate } : {}),
      }),
    );
  }

  @Post('family-of-swiss')
  @CommandRoles('recordFamilyOfSwiss')
  @HttpCode(200)
  @CaseActionDocs('Record whether the person is a family member of a Swiss national (AIG Art. 42, R5)')
  familyOfSwiss(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: FamilyOfSwissDto) {
    return this.actions.act(p, id, recordFamilyOfSwiss({ familyOfSwiss: b.familyOfSwiss, reason: b.reason }));
  }
}
