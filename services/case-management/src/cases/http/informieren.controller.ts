import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@si/auth';
import type { LocalDate } from '../domain/index.js';
import { CaseActions } from '../application/case-actions.service.js';
import {
  recordFirstInformationTalk,
  recordInfoFolder,
  recordNoShow,
  recordRefusal,
} from '../application/informieren.actions.js';
import { CommandRoles } from './command-roles.decorator.js';
import { CaseActionDocs } from './api-docs.js';
import { FirstInformationTalkDto, InfoFolderDto, NoShowDto, RefusalDto } from './dto/informieren.dto.js';
import { referralTarget } from './dto/referral-target.dto.js';

@ApiTags('informieren')
@Controller('api/v1/cases/:id/first-information')
export class InformierenController {
  constructor(@Inject(CaseActions) private readonly actions: CaseActions) {}

  @Post('info-folder')
  @CommandRoles('recordFirstInformation')
  @HttpCode(200)
  @CaseActionDocs(
    'Record the info folder handed out (first information in writing)',
    'Meets the first-information deadline; phase → Fördern (R1).',
  )
  infoFolder(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: InfoFolderDto) {
    return this.actions.act(
      p,
      id,
      recordInfoFolder({ handedOutOn: body.handedOutOn as LocalDate, language: body.language }),
    );
  }

  @Post('talk')
  @CommandRoles('recordFirstInformation')
  @HttpCode(200)
  @CaseActionDocs(
    'Record a first-information talk',
    'Place, interpreter, duration, the three VIntA Art. 8 topics (R2), CEFR language skills (R9), support need, offers recommended. With householdCaseIds one talk serves a household: all cases get it, or none.',
  )
  talk(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: FirstInformationTalkDto) {
    const action = recordFirstInformationTalk({
      heldOn: body.heldOn as LocalDate,
      place: body.place,
      interpreter: body.interpreter.used ? { used: true, language: body.interpreter.language ?? '' } : { used: false },
      durationMinutes: body.durationMinutes,
      topics: { ...body.topics },
      languageSkills: body.languageSkills.map((s) => ({ ...s })),
      supportNeed: body.supportNeed,
      offersRecommended: body.offersRecommended.map(referralTarget),
    });
    return this.actions.actOnMany(p, [id, ...(body.householdCaseIds ?? []).filter((c) => c !== id)], action);
  }

  @Post('no-shows')
  @CommandRoles('recordFirstInformationNoShow')
  @HttpCode(200)
  @CaseActionDocs('Record a no-show (with re-invitation)')
  noShow(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: NoShowDto) {
    return this.actions.act(
      p,
      id,
      recordNoShow({
        missedOn: body.missedOn as LocalDate,
        ...(body.reinvitedFor ? { reinvitedFor: body.reinvitedFor as LocalDate } : {}),
      }),
    );
  }

  @Post('refusal')
  @CommandRoles('recordFirstInformationRefusal')
  @HttpCode(200)
  @CaseActionDocs('Record that the person refuses first information')
  refusal(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: RefusalDto) {
    return this.actions.act(p, id, recordRefusal({ on: body.on as LocalDate, note: body.note }));
  }
}
