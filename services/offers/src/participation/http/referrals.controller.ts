import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { isLocalDate, type LocalDate } from '@si/kernel';
import { z } from 'zod';
import { parseInput } from '../../shared/zod-input.js';
import { jsonSchemaOf } from '../../offers/http/json-schema.js';
import { Participations } from '../application/participations.js';
import { PARTICIPATION_STEPS } from '../domain/participation.js';

const confirmSchema = z.strictObject({
  step: z.enum(PARTICIPATION_STEPS),
  on: z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD'),
  reason: z.string().max(300).optional(),
});

/**
 * Referrals to a provider's offers and its confirmations (PA1, PA2). The provider sees pseudonymous references and the
 * municipality; the person's name and contact (`person`) only where the officer recorded the person's consent, each
 * showing audited.
 */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(@Inject(Participations) private readonly participations: Participations) {}

  @Get()
  @Roles('anbieter', 'ags')
  @ApiOperation({ summary: 'Referrals to your offers (AGS: all)' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: await this.participations.list(p) };
  }

  @Post(':referralId/participation')
  @HttpCode(200)
  @Roles('anbieter')
  @ApiOperation({
    summary: 'Confirm enrolment, attendance, completion or drop-out',
    description: 'Forward only (PA2); emits offer.participation-recorded.v1.',
  })
  @ApiBody({ schema: jsonSchemaOf(confirmSchema) })
  confirm(@CurrentPrincipal() p: Principal, @Param('referralId') referralId: string, @Body() body: unknown) {
    const b = parseInput(confirmSchema, body);
    return this.participations.confirm(p, referralId, b.step, b.on as LocalDate, b.reason);
  }
}
