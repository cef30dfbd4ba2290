import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, type Principal } from '@si/auth';
import { CaseQueries, type WorkListPage } from '../cases/application/case-queries.js';
import { ListCasesQuery } from '../cases/http/dto/list-cases.query.js';
import { workListParams } from '../cases/http/work-list-params.js';

/** The IB the unguarded twin acts as: the demo user ib.solothurn's claims. */
const BENCH_PRINCIPAL: Principal = {
  subject: 'bench-unguarded',
  username: 'bench-unguarded',
  roles: ['gemeinde'],
  gemeinden: [2601],
  clientId: 'bench',
  isServiceAccount: false,
};

/**
 * Benchmark only (`npm run bench:cases`): the work list exactly as `GET /api/v1/cases` serves it (same
 * query DTO and validation, scope, audit record and serialisation) but without the auth guard, so the benchmark can state
 * what authentication costs. Mounted only by the bench entry point (bench/bench-main.ts), which refuses to run in
 * production; the production AppModule never has it, and it is not in the OpenAPI document.
 */
@ApiExcludeController()
@Controller('bench/unguarded')
export class UnguardedWorkListController {
  constructor(@Inject(CaseQueries) private readonly queries: CaseQueries) {}

  @Get('cases')
  @Public()
  list(@Query() query: ListCasesQuery): Promise<WorkListPage> {
    return this.queries.list(BENCH_PRINCIPAL, workListParams(query));
  }
}
