import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { CaseManagementApi } from '../api/clients.js';
import { endOfWeek, swissToday } from '../i18n/format.js';
import { sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import type { WebUser } from '../auth/session.js';
import type { WorkListPage } from './work-list.api.js';
import { apiQuery, parseFilters } from './work-list.query.js';
import { WorkListView, type Counters } from './work-list.view.js';

const PAGE_SIZE = 25;
const COUNT_CAP = 100;

const TITLE_BY_ROLE: [role: WebUser['roles'][number], key: string][] = [
  ['gemeinde', 'menu.worklist'],
  ['migrationsamt', 'menu.reportedCases'],
  ['sozialregion', 'menu.handovers'],
  ['ags', 'menu.caseOverview'],
];

/**
 * The work list: what case-management offers for the user's scope (an IB their municipalities, the
 * Migrationsamt reported cases, a Sozialregion its hand-overs, AGS all without names), with its filters,
 * sorting and keyset paging, and for officers the overdue and due-this-week counters.
 */
@Controller('faelle')
export class WorkListController {
  constructor(@Inject(CaseManagementApi) private readonly cases: CaseManagementApi) {}

  @Get()
  @Roles('gemeinde', 'migrationsamt', 'sozialregion', 'ags')
  async list(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const user = ctx.user as WebUser;
    const filters = parseFilters(query, user.gemeinden);
    const officer = user.roles.includes('gemeinde');
    const [page, counters] = await Promise.all([
      this.cases.get<WorkListPage>(request, '/api/v1/cases', apiQuery(filters, PAGE_SIZE)),
      officer && !request.headers['hx-request'] ? this.counters(request, filters.municipality) : Promise.resolve(null),
    ]);
    const title = ctx.t(TITLE_BY_ROLE.find(([r]) => user.roles.includes(r))?.[1] ?? 'menu.worklist');
    return sendPage(
      request,
      reply,
      { title },
      <WorkListView
        ctx={ctx}
        title={title}
        filters={filters}
        page={page}
        counters={counters}
        municipalities={officer && user.gemeinden.length > 1 ? user.gemeinden : []}
      />,
    );
  }

  /** Overdue now, and due by Sunday but not yet overdue; counted over up to 100 cases each. */
  private async counters(request: FastifyRequest, municipality: string): Promise<Counters> {
    const today = swissToday();
    const base = { municipality: municipality || undefined, limit: COUNT_CAP, sort: 'due' };
    const [overdue, week] = await Promise.all([
      this.cases.get<WorkListPage>(request, '/api/v1/cases', { ...base, overdue: true }),
      this.cases.get<WorkListPage>(request, '/api/v1/cases', { ...base, overdue: false, due: endOfWeek(today) }),
    ]);
    return { overdue: overdue.items.length, dueThisWeek: week.items.length, capped: COUNT_CAP };
  }
}
