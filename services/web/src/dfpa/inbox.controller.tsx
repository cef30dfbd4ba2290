import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { DfpaApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { formToBody, refusedForm, type FormInput } from '../cases/form-spec.js';
import { swissToday } from '../i18n/format.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import type { InboxItem, Page } from './dfpa.api.js';
import { HANDOVER_ACTIONS, type HandoverForForm } from './intake-actions.js';
import { HandoverPage, InboxList } from './inbox.view.js';
import { personName } from './person-facts.js';
import { UUID } from '../api/uuid.js';

const PAGE_SIZE = 50;

/**
 * The Sozialregion's inbox: the open hand-overs of its region (the dfpa service takes the region from the user's
 * token), one page per hand-over with the person and the case so far, and the answers: take over with the
 * responsible caseworker, or send back with a reason.
 */
@Controller('dfpa/eingang')
@Roles('sozialregion')
export class InboxController {
  constructor(@Inject(DfpaApi) private readonly dfpa: DfpaApi) {}

  @Get()
  async list(
    @Query('nach') after: unknown,
    @Query('abgelehnt') rejected: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const page = await this.dfpa.get<Page<InboxItem>>(request, '/api/v1/handovers', {
      limit: PAGE_SIZE,
      after: typeof after === 'string' ? after.slice(0, 200) : undefined,
    });
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.handovers') },
      <InboxList
        ctx={ctx}
        page={page}
        region={ctx.user?.sozialregion}
        {...(rejected !== undefined ? { notice: ctx.t('dfpa.inbox.rejected') } : {})}
      />,
    );
  }

  @Get(':id')
  async show(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const h = await this.load(request, id);
    return sendPage(
      request,
      reply,
      { title: personName(h.person) ?? ctx.t('dfpa.inbox.handover') },
      <HandoverPage ctx={ctx} h={h} today={swissToday()} />,
    );
  }

  @Post(':id/aktion/:action')
  async answer(
    @Param('id') id: string,
    @Param('action') actionId: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const action = HANDOVER_ACTIONS.find((a) => a.id === actionId);
    if (!action) throw new NotFoundPage();
    const h = await this.load(request, id);
    const fields = action.fields(h);
    const body = formToBody(fields, form ?? {});
    let answer: { dfpaCaseId?: string } | undefined;
    try {
      answer = await this.dfpa.post<{ dfpaCaseId?: string }>(
        request,
        `/api/v1/handovers/${h.handoverId}${action.path}`,
        action.finish ? action.finish(body, form ?? {}, h) : body,
      );
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const { values, errors, status } = refusedForm(error.problem, fields, form, ctx.t('form.invalidValue'));
      return sendPage(
        request,
        reply,
        { title: personName(h.person) ?? ctx.t('dfpa.inbox.handover'), status },
        <HandoverPage ctx={ctx} h={h} today={swissToday()} failed={{ action: action.id, values, errors }} />,
      );
    }
    if (answer?.dfpaCaseId) return seeOther(reply, `/dfpa/faelle/${answer.dfpaCaseId}?erledigt=${action.id}`);
    return seeOther(reply, '/dfpa/eingang?abgelehnt');
  }

  private async load(request: FastifyRequest, id: string): Promise<HandoverForForm> {
    if (!UUID.test(id)) throw new NotFoundPage();
    const h = await this.dfpa.get<InboxItem>(request, `/api/v1/handovers/${id}`);
    return { ...h, id: h.handoverId };
  }
}
