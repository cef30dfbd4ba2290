import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { CaseManagementApi, OffersApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import type { WebUser } from '../auth/session.js';
import { swissToday } from '../i18n/format.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { ForbiddenPage, NotFoundPage } from '../shell/web-errors.js';
import { actionPath, actionsFor, CASE_ACTIONS } from './case-actions.js';
import type { CaseDetail } from './case.api.js';
import { CasePage, caseTitle } from './case.view.js';
import { OfferSelect } from './action-form.js';
import { renderFragment } from '../shell/render.js';
import { formToBody, one, refusedForm, type FormInput } from './form-spec.js';
import { UUID } from '../api/uuid.js';

/** The case page (person, deadline, phase, the history as a timeline) and a form for each action it offers. */
@Controller('faelle')
export class CaseController {
  constructor(
    @Inject(CaseManagementApi) private readonly cases: CaseManagementApi,
    @Inject(OffersApi) private readonly offers: OffersApi,
  ) {}

  /** The referral form's offer choice: the offers service's public search, as a fragment for htmx. */
  @Get('angebotsauswahl')
  @Roles('gemeinde')
  async offerChoice(@Query('offerQuery') q: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { t } = webContext(request);
    const query = typeof q === 'string' ? q.trim().slice(0, 200) : '';
    const found = await this.offers
      .get<{ items: { id: string; title: string }[] }>(null, '/api/v1/public/offers', {
        q: query || undefined,
        lang: 'de',
        pageSize: 20,
      })
      .catch(() => ({ items: [] }));
    const html = renderFragment(
      <OfferSelect
        id="f-zuweisung-target-offerId"
        name="target.offerId"
        label={t('form.offerId')}
        none={found.items.length ? t('form.none') : t('form.noOffers')}
        options={found.items}
      />,
    );
    return reply.header('content-type', 'text/html; charset=utf-8').send(html);
  }

  @Get(':id')
  @Roles('gemeinde', 'migrationsamt', 'sozialregion', 'ags')
  async show(
    @Param('id') id: string,
    @Query('erledigt') done: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const c = await this.load(request, id);
    const ctx = webContext(request);
    const actions = actionsFor(c, (ctx.user as WebUser).roles);
    return sendPage(
      request,
      reply,
      { title: caseTitle(ctx, c) },
      <CasePage
        ctx={ctx}
        c={c}
        actions={actions}
        today={swissToday()}
        {...(typeof done === 'string' ? { done } : {})}
      />,
    );
  }

  @Post(':id/aktion/:action')
  @Roles('gemeinde', 'migrationsamt', 'ags')
  async act(
    @Param('id') id: string,
    @Param('action') actionId: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const roles = (ctx.user as WebUser).roles;
    const action = CASE_ACTIONS.find((a) => a.id === actionId);
    if (!action) throw new NotFoundPage();
    if (!action.roles.some((r) => roles.includes(r))) throw new ForbiddenPage();
    const c = await this.load(request, id);
    const fields = action.fields(c);
    const raw = formToBody(fields, form ?? {});
    const { path, body } = actionPath(action, c.id, action.finish ? action.finish(raw, form ?? {}, c) : raw);
    try {
      await this.cases.post(request, path, body);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const { values, errors, status } = refusedForm(error.problem, fields, form, ctx.t('form.invalidValue'));
      // The offer picked shows again by its title, not its id.
      const offerId = action.id === 'zuweisung' ? one(form?.['target.offerId']) : '';
      if (UUID.test(offerId))
        values['target.offerId.title'] = await this.offers
          .get<{ title: string }>(null, `/api/v1/public/offers/${offerId}`, { lang: 'de' })
          .then((o) => o.title)
          .catch(() => offerId);
      return sendPage(
        request,
        reply,
        { title: caseTitle(ctx, c), status },
        <CasePage
          ctx={ctx}
          c={c}
          actions={actionsFor(c, roles)}
          today={swissToday()}
          failed={{ action: action.id, values, errors }}
        />,
      );
    }
    return seeOther(reply, `/faelle/${c.id}?erledigt=${action.id}#verlauf`);
  }

  private async load(request: FastifyRequest, id: string): Promise<CaseDetail> {
    if (!UUID.test(id)) throw new NotFoundPage();
    return this.cases.get<CaseDetail>(request, `/api/v1/cases/${id}`);
  }
}
