import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@si/auth';
import type { LocalDate } from '../domain/index.js';
import { CaseActions } from '../application/case-actions.service.js';
import { makeReferral, updateReferralStatus } from '../application/foerdern.actions.js';
import { CommandRoles } from './command-roles.decorator.js';
import { CaseActionDocs } from './api-docs.js';
import { ReferralDto, ReferralStatusDto } from './dto/foerdern.dto.js';
import { referralTarget } from './dto/referral-target.dto.js';
import { PersonRepository } from '../infrastructure/person.repository.js';

@ApiTags('foerdern')
@Controller('api/v1/cases/:id/referrals')
export class FoerdernController {
  constructor(
    @Inject(CaseActions) private readonly actions: CaseActions,
    @Inject(PersonRepository) private readonly persons: PersonRepository,
  ) {}

  @Post()
  @CommandRoles('makeReferral')
  @HttpCode(200)
  @CaseActionDocs(
    'Refer the person to a measure',
    "Target: an offer id, a VIntA Art. 4 regular structure, or free text (R3). Status starts at proposed. With disclosureConsent (offers only) the person's name and contact go to the offer's provider (case.referral-disclosed.v1, audited).",
  )
  refer(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReferralDto) {
    return this.actions.act(
      p,
      id,
      makeReferral(
        {
          madeOn: body.madeOn as LocalDate,
          target: referralTarget(body.target),
          category: body.category,
          measure: body.measure,
          disclosureConsent: body.disclosureConsent === true,
        },
        this.persons,
      ),
    );
  }

  @Post(':referralId/status')
  @CommandRoles('updateReferralStatus')
  @HttpCode(200)
  @ApiParam({ name: 'referralId' })
  @CaseActionDocs('Change the status of a referral', 'Allowed steps only (CM2).')
  status(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('referralId') referralId: string,
    @Body() body: ReferralStatusDto,
  ) {
    return this.actions.act(
      p,
      id,
      updateReferralStatus(referralId, {
        status: body.status,
        on: body.on as LocalDate,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
    );
  }
}
