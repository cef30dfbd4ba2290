import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { callerOf } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { OptionalTextField, TextField } from '../../shared/http/fields.js';
import { ClaimQueries } from '../application/claim-queries.js';
import { ClaimRun } from '../application/claim-run.js';
import { ClaimWorkflow } from '../application/claim-workflow.js';

export class ClaimListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9999)
  municipality?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10)
  period?: string;
}

export class DisputeDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why the line is wrong; null withdraws the dispute',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

export class CommentDto {
  @OptionalTextField('Comment', 1000)
  comment?: string;
}

export class ReturnDto {
  @TextField('Why the claim goes back', 1000)
  comment!: string;
}

@ApiTags('claims')
@Controller('api/v1')
export class ClaimsController {
  constructor(
    @Inject(ClaimQueries) private readonly queries: ClaimQueries,
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ClaimRun) private readonly run: ClaimRun,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post('claim-runs')
  @HttpCode(200)
  @Roles('ags')
  @ApiOperation({ summary: 'Run the period-end claim drafting now (the scheduled job does the same; idempotent)' })
  runNow() {
    return this.run.run(this.clock.today());
  }

  @Get('claims')
  @Roles('ags', 'gemeinde')
  @ApiOperation({
    summary:
      "Claims: an IB sees their municipalities' claims, AGS all (the approval queue: status=submitted or checked)",
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: ClaimListQueryDto) {
    return this.queries.list(callerOf(p), q);
  }

  @Get('claims/:id')
  @Roles('ags', 'gemeinde')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'A claim with its lines (case reference, date, item, rate, amount; no names) and its steps',
  })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.get(callerOf(p), id);
  }

  @Post('claims/:id/lines/:entryId/dispute')
  @HttpCode(200)
  @Roles('gemeinde')
  @ApiOperation({
    summary:
      'The municipality disputes a line with a reason (or withdraws with null); disputed lines are not paid (S10)',
  })
  dispute(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('entryId', ParseIntPipe) entryId: number,
    @Body() b: DisputeDto,
  ) {
    return this.workflow.dispute(callerOf(p), id, entryId, b.reason ?? null);
  }

  @Post('claims/:id/submit')
  @HttpCode(200)
  @Roles('gemeinde')
  @ApiOperation({ summary: 'The municipality submits its claim to AGS' })
  submit(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.workflow.submit(callerOf(p), id);
  }

  @Post('claims/:id/check')
  @HttpCode(200)
  @Roles('ags')
  @ApiOperation({ summary: 'AGS: factual check (first of four eyes)' })
  check(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: CommentDto) {
    return this.workflow.check(callerOf(p), id, b.comment ?? null);
  }

  @Post('claims/:id/approve')
  @HttpCode(200)
  @Roles('ags')
  @ApiOperation({ summary: 'AGS Finanzen: approval by a second person (S6: not the checker, role ags-finanzen)' })
  approve(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: CommentDto) {
    return this.workflow.approve(callerOf(p), id, b.comment ?? null);
  }

  @Post('claims/:id/return')
  @HttpCode(200)
  @Roles('ags')
  @ApiOperation({ summary: 'AGS sends the claim back to the municipality with a comment' })
  sendBack(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: ReturnDto) {
    return this.workflow.sendBack(callerOf(p), id, b.comment);
  }
}
