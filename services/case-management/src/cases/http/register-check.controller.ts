import { Controller, Get, Inject, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { RegisterChecks, type RegisterCheck } from '../application/register-checks.js';
import { ApiRefusals } from './api-docs.js';
import { RegisterCheckDto } from './dto/register-check.dto.js';

@ApiTags('cases')
@Controller('api/v1/register-checks')
export class RegisterCheckController {
  constructor(@Inject(RegisterChecks) private readonly checks: RegisterChecks) {}

  @Get(':bfs')
  @Roles('gemeinde', 'ags')
  @ApiOperation({
    summary: 'Cases whose person the register no longer lists',
    description: `Compares the municipality's live cases with its latest complete base delivery (eCH-0020 baseDelivery): the cases registered by
the delivery's date whose person it does not list, for the IB to look into (closing such a case is the IB's decision: POST /api/v1/cases/{id}/closure);
nothing is changed. A register delivered in packages (eCH-0058 partialDelivery) counts once all its packages are joined (packageMessageIds).
conclusive is false while not all of the delivery is applied or when it was one package alone. An IB for the municipalities they work (403 for others), AGS for all without names; 404
before the first base delivery. Every call is written to the audit log with the case ids shown.`,
  })
  @ApiParam({ name: 'bfs', description: 'BFS number' })
  @ApiOkResponse({ type: RegisterCheckDto })
  @ApiRefusals()
  check(@CurrentPrincipal() principal: Principal, @Param('bfs', ParseIntPipe) bfs: number): Promise<RegisterCheck> {
    return this.checks.check(principal, bfs);
  }
}
