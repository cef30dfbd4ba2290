import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@si/auth';
import type { LocalDate } from '../domain/index.js';
import { CaseActions } from '../application/case-actions.service.js';
import { closeByOfficer, extendDeadline, resumeDeadline, suspendDeadline } from '../application/case-admin.actions.js';
import { requestDfpaHandover } from '../application/dfpa.actions.js';
import { REFERENCE_DATA } from '../application/tokens.js';
import { PersonRepository } from '../infrastructure/person.repository.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import { CommandRoles } from './command-roles.decorator.js';
import { CaseActionDocs } from './api-docs.js';
import {
  CloseCaseDto,
  DfpaHandoverDto,
  ExtendDeadlineDto,
  ResumeDeadlineDto,
  SuspendDeadlineDto,
} from './dto/case-admin.dto.js';

@ApiTags('case')
@Controller('api/v1/cases/:id')
export class CaseAdminController {
  constructor(
    @Inject(CaseActions) private readonly actions: CaseActions,
    @Inject(PersonRepository) private readonly persons: PersonRepository,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  @Post('dfpa-handover')
  @CommandRoles('requestDfpaHandover')
  @HttpCode(200)
  @CaseActionDocs(
    'Hand the case to the Sozialregion of its municipality (DFPA)',
    'Emits case.dfpa-handover-requested.v1 to the Sozialregion responsible for the municipality (computed, R16). The case shows "at Sozialregion X" once dfpa.case-accepted.v1 comes back and returns to the IB on dfpa.case-rejected.v1 or dfpa.case-returned.v1.',
  )
  handover(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: DfpaHandoverDto) {
    return this.actions.act(
      p,
      id,
      requestDfpaHandover(
        { reason: b.reason, ...(b.contact ? { contact: { ...b.contact } } : {}) },
        this.persons,
        this.reference,
      ),
    );
  }

  @Post('first-information-deadline/suspension')
  @CommandRoles('suspendDeadline')
  @HttpCode(200)
  @CaseActionDocs('Suspend the first-information deadline (with a reason, CM6)')
  suspend(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: SuspendDeadlineDto) {
    return this.actions.act(p, id, suspendDeadline({ since: b.since as LocalDate, reason: b.reason }));
  }

  @Post('first-information-deadline/resumption')
  @CommandRoles('resumeDeadline')
  @HttpCode(200)
  @CaseActionDocs('Resume a suspended deadline: the due date moves by the suspended days (CM6)')
  resume(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: ResumeDeadlineDto) {
    return this.actions.act(p, id, resumeDeadline({ on: b.on as LocalDate }));
  }

  @Post('first-information-deadline/extension')
  @CommandRoles('extendDeadline')
  @HttpCode(200)
  @CaseActionDocs('Extend the first-information deadline (later only, with a reason, CM6)')
  extend(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: ExtendDeadlineDto) {
    return this.actions.act(p, id, extendDeadline({ to: b.to as LocalDate, reason: b.reason }));
  }

  @Post('closure')
  @CommandRoles('closeByOfficer')
  @HttpCode(200)
  @CaseActionDocs(
    'Close the case (IB, with a reason)',
    'Not while a report to the Migrationsamt is open (R6). Departure, naturalisation and death close cases from register events.',
  )
  close(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: CloseCaseDto) {
    return this.actions.act(p, id, closeByOfficer({ on: b.on as LocalDate, note: b.note }));
  }
}
