import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { callerOf } from '../../shared/caller.js';
import { IntField } from '../../shared/http/fields.js';
import { LedgerQueries } from '../application/ledger-queries.js';
import { PeriodSettings } from '../application/period-settings.js';

export class LedgerQueryDto {
  @ApiPropertyOptional({ description: 'BFS number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9999)
  municipality?: number;

  @ApiPropertyOptional({ description: 'Claim period, e.g. 2027-Q1' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}(-[A-Z]\d{1,2})?$/, { message: 'period must look like 2027-Q1' })
  period?: string;

  @ApiPropertyOptional({ description: 'Tariff item' })
  @IsOptional()
  @IsString()
  item?: string;

  @ApiPropertyOptional({ description: 'Entries after this id (paging)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ description: 'At most this many entries (default 500, max 5000)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class PeriodSettingDto {
  @IntField('Months per claim period: 1, 2, 3, 4, 6 or 12', 1, 12)
  months!: number;
}

@ApiTags('ledger')
@Controller('api/v1')
export class LedgerController {
  constructor(
    @Inject(LedgerQueries) private readonly ledger: LedgerQueries,
    @Inject(PeriodSettings) private readonly periods: PeriodSettings,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  @Get('ledger')
  @Roles('ags', 'ags-finanzen', 'gemeinde')
  @ApiOperation({
    summary: 'Ledger entries (case id, event id, date, item, rate, amount); an IB sees their municipalities only',
  })
  list(@CurrentPrincipal() p: Principal, @Query() q: LedgerQueryDto) {
    return this.ledger.list(callerOf(p), q);
  }

  @Get('ledger/refusals')
  @Roles('ags', 'ags-finanzen', 'gemeinde')
  @ApiOperation({ summary: 'Events that earned nothing, with the rule that refused them' })
  refusals(@CurrentPrincipal() p: Principal) {
    return this.ledger.refusals(callerOf(p));
  }

  @Get('claim-periods/:year')
  @Roles('ags', 'ags-finanzen', 'gemeinde')
  @ApiOperation({ summary: 'Months per claim period in a year (default quarterly)' })
  async period(@Param('year', ParseIntPipe) year: number) {
    return { year, months: await this.periods.monthsOf(this.dataSource.manager, year) };
  }

  @Put('claim-periods/:year')
  @Roles('ags')
  @HttpCode(200)
  @ApiOperation({ summary: 'AGS sets the period length of a year (before it has entries; rule S15)' })
  async setPeriod(
    @CurrentPrincipal() p: Principal,
    @Param('year', ParseIntPipe) year: number,
    @Body() b: PeriodSettingDto,
  ) {
    await this.dataSource.transaction((em) => this.periods.set(em, year, b.months, p.username));
    return { year, months: b.months };
  }
}
