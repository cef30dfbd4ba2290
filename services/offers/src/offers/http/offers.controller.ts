import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { z } from 'zod';
import { offersActorOf } from '../../shared/caller.js';
import { refuse } from '../../shared/rules.js';
import { parseInput } from '../../shared/zod-input.js';
import { OfferCommands } from '../application/offer-commands.js';
import { OfferQueries } from '../application/offer-queries.js';
import { OFFER_STATUSES, type OfferStep } from '../domain/offer-lifecycle.js';
import type { OffersActor } from '../domain/offer-keepers.js';
import type { OfferContent } from '../domain/offer-content.js';
import { createOfferSchema, offerContentSchema, stepSchema } from './offer.schemas.js';
import { jsonSchemaOf } from './json-schema.js';

const listSchema = z.strictObject({
  status: z.enum(OFFER_STATUSES).optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .default(50),
  offset: z
    .string()
    .regex(/^[0-9]{1,6}$/)
    .transform(Number)
    .default(0),
});

function actor(p: Principal): OffersActor {
  const a = offersActorOf(p);
  if (!a)
    refuse(
      'OF7',
      'no-provider-claim',
      'Ihrem Konto ist keine Anbieterorganisation zugeordnet.',
      'Your account names no provider.',
      'forbidden',
    );
  return a;
}

/**
 * The keepers' and curators' offers (OF7–OF10): provider staff their own provider's, an officer those held in or kept
 * by their municipalities, AGS all. Every change is kept in the offer's history.
 */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/v1/offers')
@Roles('anbieter', 'gemeinde', 'ags')
export class OffersController {
  constructor(
    @Inject(OfferCommands) private readonly commands: OfferCommands,
    @Inject(OfferQueries) private readonly queries: OfferQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an offer (draft)',
    description: 'Provider staff for their provider; AGS and officers name `providerId`.',
  })
  @ApiBody({ schema: jsonSchemaOf(createOfferSchema) })
  async create(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    const { providerId, ...content } = parseInput(createOfferSchema, body);
    return this.commands.create(actor(p), providerId, content as OfferContent);
  }

  @Get()
  @ApiOperation({ summary: 'The offers in your scope' })
  async list(@CurrentPrincipal() p: Principal, @Query() query: Record<string, unknown>) {
    const q = parseInput(listSchema, query ?? {}, 'query');
    return { items: await this.queries.list(actor(p), q.status, q.limit, q.offset) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An offer with its history (internal view)' })
  async one(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    const { offer, history } = await this.queries.internal(actor(p), id);
    return { ...offer, history };
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edit an offer',
    description: 'A published offer edited by its keeper goes back into review (OF9).',
  })
  @ApiBody({ schema: jsonSchemaOf(offerContentSchema) })
  async update(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.commands.update(actor(p), id, parseInput(offerContentSchema, body) as OfferContent);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit for review' })
  submit(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.step(p, id, 'submit', body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish (AGS; an officer for offers held in their municipalities)' })
  publish(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.step(p, id, 'publish', body);
  }

  @Post(':id/send-back')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send back to the provider with a comment (AGS)' })
  @ApiBody({ schema: jsonSchemaOf(stepSchema) })
  sendBack(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.step(p, id, 'send-back', body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw (AGS or the keeper)' })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.step(p, id, 'withdraw', body);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the offer is still current (yearly)' })
  confirm(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    return this.step(p, id, 'confirm', body);
  }

  private step(p: Principal, id: string, step: Exclude<OfferStep, 'edit' | 'expire'>, body: unknown) {
    const { comment } = parseInput(stepSchema, body ?? {});
    return this.commands.step(actor(p), id, step, comment);
  }
}

/** AGS's curation queue: submitted offers, oldest first. */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('api/v1/curation/offers')
@Roles('ags')
export class CurationController {
  constructor(@Inject(OfferQueries) private readonly queries: OfferQueries) {}

  @Get()
  @ApiOperation({ summary: 'Offers waiting for review (AGS)' })
  async queue(@CurrentPrincipal() p: Principal) {
    return { items: (await this.queries.list(actor(p), 'in-review', 200, 0)).reverse() };
  }
}
