import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { ApiRefusals } from '../../cases/http/api-docs.js';
import { OrganisationModelService } from '../application/organisation-model.service.js';
import { MunicipalityModelDto, OrganisationPeriodDto, OrganisationPeriodViewDto } from './organisation.dto.js';

@ApiTags('organisation')
@Controller('api/v1/organisation/municipalities')
export class OrganisationController {
  constructor(@Inject(OrganisationModelService) private readonly service: OrganisationModelService) {}

  @Get()
  @Roles('ags', 'gemeinde')
  @ApiOperation({ summary: 'Organisation model of every Solothurn municipality today (in-house or Leitgemeinde X)' })
  @ApiOkResponse({ type: [MunicipalityModelDto] })
  @ApiRefusals()
  list() {
    return this.service.current();
  }

  @Get(':bfs/periods')
  @Roles('ags', 'gemeinde')
  @ApiOperation({ summary: "History of a municipality's organisation model" })
  @ApiParam({ name: 'bfs', description: 'BFS number' })
  @ApiOkResponse({ type: [OrganisationPeriodViewDto] })
  @ApiRefusals()
  history(@Param('bfs', ParseIntPipe) bfs: number) {
    return this.service.history(bfs);
  }

  @Post(':bfs/periods')
  @Roles('ags')
  @HttpCode(200)
  @ApiOperation({
    summary: 'AGS records a new organisation model from a date (R29)',
    description:
      'Append-only: corrections are new periods. Refused with R29: chains, self-lead, a leading municipality joining another, unknown BFS numbers, a date not after the last period.',
  })
  @ApiParam({ name: 'bfs', description: 'BFS number' })
  @ApiOkResponse({ type: [OrganisationPeriodViewDto], description: "The municipality's history after the change" })
  @ApiRefusals()
  change(@CurrentPrincipal() p: Principal, @Param('bfs', ParseIntPipe) bfs: number, @Body() b: OrganisationPeriodDto) {
    return this.service.change(p, {
      municipality: bfs,
      model:
        b.model === 'leitgemeinde'
          ? { kind: 'leitgemeinde', leitgemeinde: Number(b.leitgemeinde) }
          : { kind: 'in-house' },
      validFrom: b.validFrom,
      reason: b.reason,
    });
  }
}
