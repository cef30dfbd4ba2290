import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { callerOf } from '../../shared/caller.js';
import { BoolField, DateField, EnumField, IntField, OptionalDateField, TextField } from '../../shared/http/fields.js';
import { TariffsService } from '../application/tariffs.service.js';
import { TARIFF_ITEMS, type TariffItem } from '../domain/tariff.js';

export class TariffVersionDto {
  @EnumField(TARIFF_ITEMS, 'What is paid for')
  item!: TariffItem;

  @DateField('First day the rate applies (event date)')
  validFrom!: string;

  @OptionalDateField('Last day the rate applies; absent or null: open')
  validTo?: string | null;

  @IntField('Amount in Rappen (integer)', 0, 100_000_000)
  amountRappen!: number;

  @BoolField('A placeholder rate (the Kreisschreiben amount is not known)')
  placeholder!: boolean;

  @TextField('Source, e.g. the Kreisschreiben and its date', 300)
  reference!: string;

  @TextField('Why this version (also the reason of any correction entries it causes)', 500)
  reason!: string;
}

@ApiTags('tariffs')
@Controller('api/v1/tariffs')
export class TariffsController {
  constructor(@Inject(TariffsService) private readonly tariffs: TariffsService) {}

  @Get()
  @Roles('ags', 'ags-finanzen', 'gemeinde')
  @ApiOperation({ summary: 'All tariff versions (rates in Rappen, validity, placeholder flag)' })
  list() {
    return this.tariffs.list();
  }

  @Post()
  @HttpCode(201)
  @Roles('ags')
  @ApiOperation({
    summary: 'AGS records a new tariff version',
    description:
      "The newest version covering a day is that day's rate. Booked entries never change: bookings on days the version covers get correction entries for the difference, with the reason (rule S5).",
  })
  record(@CurrentPrincipal() p: Principal, @Body() b: TariffVersionDto) {
    return this.tariffs.record(callerOf(p), { ...b, validTo: b.validTo ?? null });
  }
}
