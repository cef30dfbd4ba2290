import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { DfpaApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { actionPath } from '../cases/case-actions.js';
import { formToBody, refusedForm, type FormError, type FormInput } from '../cases/form-spec.js';
import { swissToday } from '../i18n/format.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import type { DfpaCase, DfpaCaseDetail, DfpaCaseStatus, DfpaCaseSummary, Page } from './dfpa.api.js';
import { CASE_ACTIONS, caseActionsFor } from './dfpa-actions.js';
import { DIRECT_CASE, type DirectCaseForm } from './intake-actions.js';
import { CASE_STATUSES, DfpaCaseList } from './dfpa-case-list.view.js';
import { DfpaCasePage, dfpaCaseTitle } from './dfpa-case.view.js';
import { UUID } from '../api/uuid.js';

const PAGE_SIZE = 50;

/**
 * The region's DFPA cases: the list by status, the case page with a form for every action the dfpa service offers,
 * and the direct opening for a person the canton assigned. A case of another region is "nicht gefunden" (the service
 * answers 404 for it as for one that does not exist).
 */
@Controller('dfpa/faelle')
@Roles('sozialregion')
export class DfpaCaseController {
  constructor(@Inject(DfpaApi) private readonly dfpa: DfpaApi) {}

  @Get()
  async list(
    @Query('status') status: unknown,
    @Query('nach') after: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.renderList(request, reply, this.status(status), typeof after === 'string' ? after : undefined);
  }

  @Post('neu/aktion/eroeffnen')
  async open(@Body() form: FormInput, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const direct: DirectCaseForm = { id: 'neu', sozialregion: ctx.user?.sozialregion };
    const fields = DIRECT_CASE.fields(direct);
    const body = formToBody(fields, form ?? {});
    let opened: DfpaCaseSummary;
    try {
      opened = await this.dfpa.post<DfpaCaseSummary>(
        request,
        '/api/v1/cases',
        DIRECT_CASE.finish ? DIRECT_CASE.finish(body, form ?? {}, direct) : body,
      );
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      return this.renderList(
        request,
        reply,
        'active',
        undefined,
        refusedForm(error.problem, fields, form, ctx.t('form.invalidValue')),
      );
    }
    return seeOther(reply, `/dfpa/faelle/${opened.dfpaCaseId}?erledigt=${DIRECT_CASE.id}`);
  }

  @Get(':id')
  async show(
    @Param('id') id: string,
    @Query('erledigt') done: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const c = await this.load(request, id);
    return sendPage(
      request,
      reply,
      { title: dfpaCaseTitle(ctx, c) },
      <DfpaCasePage
        ctx={ctx}
        c={c}
        actions={caseActionsFor(c)}
        today={swissToday()}
        {...(typeof done === 'string' ? { done } : {})}
      />,
    );
  }

  @Post(':id/aktion/:action')
  async act(
    @Param('id') id: string,
    @Param('action') actionId: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const action = CASE_ACTIONS.find((a) => a.id === actionId);
    if (!action) throw new NotFoundPage();
    const c = await this.load(request, id);
    const fields = action.fields(c);
    const raw = formToBody(fields, form ?? {});
    const { path, body } = actionPath(action, c.id, action.finish ? action.finish(raw, form ?? {}, c) : raw);
    try {
      if (action.method === 'put') await this.dfpa.put(request, path, body);
      else await this.dfpa.post(request, path, body);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const { values, errors, status } = refusedForm(error.problem, fields, form, ctx.t('form.invalidValue'));
      return sendPage(
        request,
        reply,
        { title: dfpaCaseTitle(ctx, c), status },
        <DfpaCasePage
          ctx={ctx}
          c={c}
          actions={caseActionsFor(c)}
          today={swissToday()}
          failed={{ action: action.id, values, errors }}
        />,
      );
    }
    return seeOther(reply, `/dfpa/faelle/${c.id}?erledigt=${action.id}#verlauf`);
  }

  private async renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    status: DfpaCaseStatus,
    after: string | undefined,
    failed?: { values: FormInput; errors: FormError[]; status: number },
  ) {
    const ctx = webContext(request);
    const page = await this.dfpa.get<Page<DfpaCaseSummary>>(request, '/api/v1/cases', {
      status,
      limit: PAGE_SIZE,
      after: after?.slice(0, 200),
    });
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.dfpaCases'), ...(failed ? { status: failed.status } : {}) },
      <DfpaCaseList
        ctx={ctx}
        page={page}
        status={status}
        today={swissToday()}
        {...(failed ? { failed: { values: failed.values, errors: failed.errors } } : {})}
      />,
    );
  }

  private status(v: unknown): DfpaCaseStatus {
    return CASE_STATUSES.find((s) => s === v) ?? 'active';
  }

  private async load(request: FastifyRequest, id: string): Promise<DfpaCase> {
    if (!UUID.test(id)) throw new NotFoundPage();
    const c = await this.dfpa.get<DfpaCaseDetail>(request, `/api/v1/cases/${id}`);
    return { ...c, id: c.dfpaCaseId };
  }
}
