import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { CaseQueries, type WorkListPage } from '../application/case-queries.js';
import type { CaseDetailView } from '../application/case-view.js';
import { ApiRefusals } from './api-docs.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { workListParams } from './work-list-params.js';
import { CaseDetailDto, WorkListPageDto } from './dto/responses.dto.js';

@ApiTags('cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(@Inject(CaseQueries) private readonly queries: CaseQueries) {}

  @Get()
  @Roles('gemeinde', 'migrationsamt', 'sozialregion', 'ags')
  @ApiOperation({
    summary: 'Work list',
    description: `The cases in the caller's scope: an IB those of the municipalities they work (a Leitgemeinde's members included, which keep their own BFS number),
the Migrationsamt reported cases, a Sozialregion cases handed to it, AGS all cases without names. Keyset pagination: pass nextCursor as cursor.
Every call is written to the audit log with the case ids shown.`,
  })
  @ApiOkResponse({ type: WorkListPageDto })
  @ApiRefusals()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListCasesQuery): Promise<WorkListPage> {
    return this.queries.list(principal, workListParams(query));
  }

  @Get(':id')
  @Roles('gemeinde', 'migrationsamt', 'sozialregion', 'ags')
  @ApiOperation({
    summary: 'Case detail with its history',
    description: `IB and Migrationsamt see everything; a Sozialregion (read only) no Art. 58a Abs. 2 health circumstances, reports as status only and
the history without details; AGS no names and no contents. Every read is written to the audit log.`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiRefusals()
  detail(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CaseDetailView> {
    return this.queries.detail(principal, id);
  }
}
