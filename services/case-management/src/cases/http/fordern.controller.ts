import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@si/auth';
import type { LocalDate } from '../domain/index.js';
import { CaseActions } from '../application/case-actions.service.js';
import {
  concludeAgreement,
  holdIntegrationTalk,
  recordAbs2Consideration,
  reviewAgreement,
} from '../application/fordern.actions.js';
import { CommandRoles } from './command-roles.decorator.js';
import { CaseActionDocs } from './api-docs.js';
import { Abs2ConsiderationDto, AgreementDto, AgreementReviewDto, IntegrationTalkDto } from './dto/fordern.dto.js';

@ApiTags('fordern')
@Controller('api/v1/cases/:id')
export class FordernController {
  constructor(@Inject(CaseActions) private readonly actions: CaseActions) {}

  @Post('integration-talks')
  @CommandRoles('holdIntegrationTalk')
  @HttpCode(200)
  @CaseActionDocs(
    'Record an integration talk',
    'Assessment along AIG Art. 58a a–d and the Abs. 2 circumstances (R4); phase → Fordern (R31: a recorded human step).',
  )
  talk(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: IntegrationTalkDto) {
    return this.actions.act(
      p,
      id,
      holdIntegrationTalk({
        heldOn: b.heldOn as LocalDate,
        place: b.place,
        interpreter: b.interpreter.used ? { used: true, language: b.interpreter.language ?? '' } : { used: false },
        durationMinutes: b.durationMinutes,
        assessment: { ...b.assessment },
        abs2: { ...b.abs2 },
        ...(b.notes ? { notes: b.notes } : {}),
      }),
    );
  }

  @Post('abs2-considerations')
  @CommandRoles('recordAbs2Consideration')
  @HttpCode(200)
  @CaseActionDocs(
    'Record a consideration of the AIG Art. 58a Abs. 2 circumstances',
    'Required (considered) before any report to the Migrationsamt (R4).',
  )
  abs2(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: Abs2ConsiderationDto) {
    return this.actions.act(p, id, recordAbs2Consideration({ ...b, on: b.on as LocalDate }));
  }

  @Post('agreements')
  @CommandRoles('concludeAgreement')
  @HttpCode(200)
  @CaseActionDocs(
    'Conclude a municipal integration agreement',
    'Goals, measures with deadlines, financing, review date (R5); after an integration talk (R28). Not binding (R6).',
  )
  agreement(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: AgreementDto) {
    return this.actions.act(
      p,
      id,
      concludeAgreement({
        concludedOn: b.concludedOn as LocalDate,
        goals: b.goals.map((g) => ({ ...g })),
        measures: b.measures.map((m) => ({ ...m, dueOn: m.dueOn as LocalDate })),
        financing: { ...b.financing },
        reviewOn: b.reviewOn as LocalDate,
      }),
    );
  }

  @Post('agreements/:agreementId/review')
  @CommandRoles('reviewAgreement')
  @HttpCode(200)
  @ApiParam({ name: 'agreementId' })
  @CaseActionDocs('Review an agreement', 'Outcome fulfilled, partly-fulfilled or not-fulfilled, with reasons (R5).')
  review(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('agreementId') agreementId: string,
    @Body() b: AgreementReviewDto,
  ) {
    return this.actions.act(
      p,
      id,
      reviewAgreement(agreementId, { reviewedOn: b.reviewedOn as LocalDate, outcome: b.outcome, reasons: b.reasons }),
    );
  }
}
