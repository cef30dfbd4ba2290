import { Body, Controller, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import type { ServedRegions } from '../domain/index.js';
import { callerOf } from '../application/caller.js';
import { HandoverInbox } from '../application/handover-inbox.js';
import { RegionRoute } from './api-docs.js';
import { AcceptanceDto, RejectionDto } from './dto/handover.dto.js';
import { pageOf } from './page.js';
import { SERVED_REGIONS } from './regions.token.js';

/**
 * The region's inbox (point 2) for its caseworkers and its own system (point 7, client credentials): the same routes.
 * The region is the token's `sozialregion` claim; nothing in the request can name another.
 */
@ApiTags('handovers')
@Controller('api/v1/handovers')
@Roles('sozialregion', 'sozialregion-connector')
export class HandoversController {
  constructor(
    @Inject(HandoverInbox) private readonly inbox: HandoverInbox,
    @Inject(SERVED_REGIONS) private readonly regions: ServedRegions,
  ) {}

  @Get()
  @RegionRoute(
    "Open hand-overs of the caller's Sozialregion",
    'Oldest first, with the personal data and case summary of case.dfpa-handover-requested.v1, the answer deadline (working days) and whether it is overdue and was reminded. Audited.',
  )
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: 'Cursor from `next`' })
  @Header('content-type', 'application/json; charset=utf-8')
  list(@CurrentPrincipal() p: Principal, @Query('limit') limit?: string, @Query('after') after?: string) {
    const page = pageOf(limit, after);
    return this.inbox.list(callerOf(p, this.regions), {
      limit: page.limit,
      ...(page.after ? { after: { requestedOn: page.after.key, id: page.after.id } } : {}),
    });
  }

  @Get(':handoverId')
  @RegionRoute("One hand-over of the caller's Sozialregion")
  get(@CurrentPrincipal() p: Principal, @Param('handoverId', new ParseUUIDPipe()) id: string) {
    return this.inbox.get(callerOf(p, this.regions), id);
  }

  @Post(':handoverId/acceptance')
  @HttpCode(201)
  @RegionRoute(
    'Take the case over',
    'Opens the DFPA case with the responsible caseworker and answers dfpa.case-accepted.v1; case-management then shows the case at this Sozialregion.',
  )
  accept(
    @CurrentPrincipal() p: Principal,
    @Param('handoverId', new ParseUUIDPipe()) id: string,
    @Body() body: AcceptanceDto,
  ) {
    return this.inbox.accept(callerOf(p, this.regions), id, body.caseworker);
  }

  @Post(':handoverId/rejection')
  @HttpCode(200)
  @RegionRoute(
    'Send the hand-over back with a reason',
    'Answers dfpa.case-rejected.v1; the case is with the integration officer again.',
  )
  async reject(
    @CurrentPrincipal() p: Principal,
    @Param('handoverId', new ParseUUIDPipe()) id: string,
    @Body() body: RejectionDto,
  ) {
    await this.inbox.reject(callerOf(p, this.regions), id, body);
    return { handoverId: id, status: 'rejected' };
  }
}
