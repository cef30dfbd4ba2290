import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { Clock } from '../../shared/clock.js';
import { Snapshots } from '../application/snapshots.js';
import { FreezeSnapshotDto, SnapshotListQuery } from './snapshot.dto.js';

@ApiTags('snapshots')
@Controller('api/v1/snapshots')
@Roles('ags')
export class SnapshotsController {
  constructor(
    @Inject(Snapshots) private readonly snapshots: Snapshots,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Frozen reports (AGS), each with its hash, catalogue version, log position, difference and late events',
  })
  list(@Query() q: SnapshotListQuery) {
    return this.snapshots.list(q.period);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Freeze a period (AGS): 201 with a new version, or 200 with the current one when nothing changed',
  })
  async freeze(
    @CurrentPrincipal() p: Principal,
    @Body() b: FreezeSnapshotDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { snapshot, created } = await this.snapshots.freeze(p, b.period, this.clock.instant());
    if (!created) reply.status(200);
    return { ...snapshot, created };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A snapshot with its content' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.snapshots.get(id);
  }

  @Get(':id/verification')
  @ApiOperation({ summary: 'Recompute a snapshot from the log at its position and compare the hash' })
  verify(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.snapshots.verify(id);
  }
}
