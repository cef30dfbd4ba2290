import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ArrayMaxSize, IsArray, IsInt } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { callerOf } from '../../shared/caller.js';
import { DateField, IntField, OptionalTextField, TextField } from '../../shared/http/fields.js';
import { isStream } from '../../shared/http/xml-body.js';
import { BudgetService } from '../application/budget.service.js';
import { PayeesService } from '../application/payees.service.js';
import { PaymentNotifications } from '../application/payment-notifications.js';
import { PayoutsService } from '../application/payouts.service.js';

export class PayeeDto {
  @TextField('Account holder (the municipality)', 70) name!: string;
  @TextField('IBAN (CH or LI; check digits are verified)', 42) iban!: string;
  @TextField('Creditor number in the cantonal finance system', 20) creditorNo!: string;
  @TextField('Street', 70) street!: string;
  @OptionalTextField('Building number', 16) buildingNo?: string;
  @TextField('Postcode', 16) postCode!: string;
  @TextField('Town', 35) town!: string;
}

export class BudgetDto {
  @IntField('Integrationskredit of the year in Rappen', 0, 1_000_000_000_000) amountRappen!: number;

  @ApiProperty({ type: [Number], description: 'Warning thresholds in percent, e.g. [75, 90]' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  warnPercent!: number[];
}

export class PaymentDto {
  @DateField('Day the bank executed the payment') paidOn!: string;
}

@ApiTags('payout')
@Controller('api/v1')
export class PayoutController {
  constructor(
    @Inject(PayoutsService) private readonly payouts: PayoutsService,
    @Inject(PayeesService) private readonly payees: PayeesService,
    @Inject(BudgetService) private readonly budget: BudgetService,
    @Inject(PaymentNotifications) private readonly notifications: PaymentNotifications,
  ) {}

  @Get('payees')
  @Roles('ags')
  @ApiOperation({ summary: 'Payment details of the municipalities' })
  listPayees() {
    return this.payees.list();
  }

  @Put('payees/:bfs')
  @Roles('ags-finanzen')
  @ApiOperation({ summary: "AGS Finanzen sets a municipality's payment details (IBAN checked, structured address)" })
  putPayee(@CurrentPrincipal() p: Principal, @Param('bfs', ParseIntPipe) bfs: number, @Body() b: PayeeDto) {
    return this.payees.put(callerOf(p), { ...b, municipality: bfs, buildingNo: b.buildingNo ?? null });
  }

  @Post('exports')
  @HttpCode(201)
  @Roles('ags-finanzen')
  @ApiOperation({
    summary:
      'Export every approved claim: CSV booking file and pain.001 (validated against the schema); the claims become exported',
  })
  export(@CurrentPrincipal() p: Principal) {
    return this.payouts.export(callerOf(p));
  }

  @Get('exports')
  @Roles('ags')
  @ApiOperation({ summary: 'Exports made so far' })
  exports() {
    return this.payouts.list();
  }

  @Get('exports/:id/booking.csv')
  @Roles('ags')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The CSV booking file of an export (same bytes on every download)' })
  csv(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.payouts.file(callerOf(p), id, 'csv');
  }

  @Get('exports/:id/pain001.xml')
  @Roles('ags')
  @Header('content-type', 'application/xml; charset=utf-8')
  @ApiOperation({ summary: 'The pain.001.001.09 payment file of an export (same bytes on every download)' })
  pain001(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.payouts.file(callerOf(p), id, 'pain001');
  }

  @Post('claims/:id/payment')
  @HttpCode(200)
  @Roles('ags-finanzen')
  @ApiOperation({ summary: 'AGS Finanzen confirms that an exported claim was paid' })
  async confirm(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() b: PaymentDto) {
    await this.payouts.confirmPayment(callerOf(p), id, b.paidOn);
    return { id, status: 'paid', paidOn: b.paidOn };
  }

  @Post('payment-notifications')
  @HttpCode(200)
  @Roles('ags-finanzen')
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string', format: 'xml' } })
  @ApiOperation({
    summary:
      "AGS Finanzen reads the bank's camt.054: each booked debit with a claim's end-to-end id and payable amount confirms that claim paid (S18)",
    description:
      'The body is the camt.054 (.001.04 to .001.08) itself, read as it arrives (at most 10 MB, no DTD). Applied whole or not at all; every reported payment is listed with its outcome (confirmed, or why not). Reading a file again confirms nothing twice.',
  })
  readNotification(@CurrentPrincipal() p: Principal, @Req() request: FastifyRequest) {
    if (!isStream(request.body)) throw new UnsupportedMediaTypeException('Send the camt.054 as application/xml.');
    return this.notifications.read(callerOf(p), request.body);
  }

  @Get('budget/:year')
  @Roles('ags')
  @ApiOperation({ summary: "The year's Integrationskredit: committed, approved, paid, remaining, warning" })
  getBudget(@Param('year', ParseIntPipe) year: number) {
    return this.budget.get(year);
  }

  @Put('budget/:year')
  @Roles('ags-finanzen')
  @ApiOperation({ summary: "AGS Finanzen sets the year's budget and warning thresholds" })
  setBudget(@CurrentPrincipal() p: Principal, @Param('year', ParseIntPipe) year: number, @Body() b: BudgetDto) {
    return this.budget.set(callerOf(p), year, b.amountRappen, b.warnPercent);
  }
}
