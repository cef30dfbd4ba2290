import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { SubsidiesApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { one, problemToErrors, type FormInput } from '../cases/form-spec.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { municipalityName } from '../shared/reference-data.js';
import { ApprovalQueueView, ClaimDetailView, ClaimListView, type ClaimActionErrors } from './claims.view.js';
import type { Claim, ClaimDetail } from './subsidies.api.js';
import { UUID } from '../api/uuid.js';

const DONE = ['submit', 'check', 'approve', 'return', 'dispute', 'payment'] as const;
type Done = (typeof DONE)[number];
const REFUSAL_STATUS = [400, 403, 409, 422];

/**
 * The claims: the municipality sees its claims per period, disputes lines and submits; AGS checks, approves (the
 * server enforces the four eyes and names rule S6 when refused) or sends back; AGS Finanzen confirms a payment.
 */
@Controller('subventionen')
export class SubsidyClaimsController {
  constructor(@Inject(SubsidiesApi) private readonly subsidies: SubsidiesApi) {}

  @Get('abrechnungen')
  @Roles('gemeinde')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const claims = await this.subsidies.get<Claim[]>(request, '/api/v1/claims');
    return sendPage(
      request,
      reply,
      { title: ctx.t('subsidies.menu.claims') },
      <ClaimListView ctx={ctx} claims={claims} />,
    );
  }

  @Get('freigabe')
  @Roles('ags')
  async queue(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderQueue(request, reply);
  }

  @Post('freigabe/abrechnungslauf')
  @Roles('ags')
  async runClaims(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { t } = webContext(request);
    const result = await this.subsidies.post<{ periods: string[]; claims: number; lines: number }>(
      request,
      '/api/v1/claim-runs',
    );
    return this.renderQueue(request, reply, {
      ok: true,
      text: t('subsidies.queue.ran', { count: result.claims, lines: result.lines }),
    });
  }

  @Get('abrechnungen/:id')
  @Roles('gemeinde', 'ags')
  async detail(
    @Param('id') id: string,
    @Query('erledigt') done: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { t } = webContext(request);
    const notice =
      typeof done === 'string' && (DONE as readonly string[]).includes(done)
        ? { ok: true, text: t(`subsidies.done.${done}`) }
        : undefined;
    return this.renderDetail(request, reply, this.uuid(id), { notice });
  }

  @Post('abrechnungen/:id/zeilen/:entryId/beanstanden')
  @Roles('gemeinde')
  async dispute(
    @Param('id') id: string,
    @Param('entryId') entryParam: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!/^\d{1,15}$/.test(entryParam)) throw new NotFoundPage();
    const entryId = Number(entryParam);
    const withdraw = one(form['withdraw']) === 'true';
    const reason = one(form['reason']);
    return this.step(request, reply, this.uuid(id), {
      action: `dispute-${entryId}`,
      done: 'dispute',
      path: `lines/${entryId}/dispute`,
      body: { reason: withdraw ? null : reason },
      values: { reason },
      fields: ['reason'],
    });
  }

  @Post('abrechnungen/:id/einreichen')
  @Roles('gemeinde')
  async submit(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.step(request, reply, this.uuid(id), { action: 'submit', done: 'submit', path: 'submit' });
  }

  @Post('abrechnungen/:id/pruefen')
  @Roles('ags')
  async check(
    @Param('id') id: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commented(request, reply, this.uuid(id), form, 'check');
  }

  @Post('abrechnungen/:id/freigeben')
  @Roles('ags')
  async approve(
    @Param('id') id: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commented(request, reply, this.uuid(id), form, 'approve');
  }

  @Post('abrechnungen/:id/zurueckweisen')
  @Roles('ags')
  async sendBack(
    @Param('id') id: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.commented(request, reply, this.uuid(id), form, 'return');
  }

  @Post('abrechnungen/:id/zahlung')
  @Roles('ags-finanzen')
  async payment(
    @Param('id') id: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const paidOn = one(form['paidOn']);
    return this.step(request, reply, this.uuid(id), {
      action: 'payment',
      done: 'payment',
      path: 'payment',
      body: { paidOn },
      values: { paidOn },
      fields: ['paidOn'],
    });
  }

  private commented(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: FormInput,
    action: 'check' | 'approve' | 'return',
  ) {
    const comment = one(form['comment']);
    // Sending back needs a comment (S7): the service says so with its rule, so the empty one is sent as it is.
    const body = action === 'return' ? { comment } : comment ? { comment } : {};
    return this.step(request, reply, id, {
      action,
      done: action,
      path: action,
      body,
      values: { comment },
      fields: ['comment'],
    });
  }

  /** One step on the service; a refusal re-renders the claim with the rule next to the form that asked. */
  private async step(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    s: {
      action: ClaimActionErrors['action'];
      done: Done;
      path: string;
      body?: unknown;
      values?: Record<string, string>;
      fields?: string[];
    },
  ) {
    try {
      await this.subsidies.post(request, `/api/v1/claims/${id}/${s.path}`, s.body ?? {});
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const { t } = webContext(request);
      const problem = error.problem;
      const errors = problemToErrors(problem, s.fields ?? [], t('form.invalidValue'));
      return this.renderDetail(request, reply, id, {
        refused: { action: s.action, errors, ...(s.values ? { values: s.values } : {}) },
        status: REFUSAL_STATUS.includes(problem.status) ? problem.status : 422,
      });
    }
    return seeOther(reply, `/subventionen/abrechnungen/${id}?erledigt=${s.done}`);
  }

  private uuid(id: string): string {
    if (!UUID.test(id)) throw new NotFoundPage();
    return id;
  }

  private async renderQueue(request: FastifyRequest, reply: FastifyReply, notice?: { ok: boolean; text: string }) {
    const ctx = webContext(request);
    const [submitted, checked] = await Promise.all([
      this.subsidies.get<Claim[]>(request, '/api/v1/claims', { status: 'submitted' }),
      this.subsidies.get<Claim[]>(request, '/api/v1/claims', { status: 'checked' }),
    ]);
    return sendPage(
      request,
      reply,
      { title: ctx.t('subsidies.menu.approval') },
      <ApprovalQueueView ctx={ctx} submitted={submitted} checked={checked} notice={notice} />,
    );
  }

  private async renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: { ok: boolean; text: string } | undefined; refused?: ClaimActionErrors; status?: number },
  ) {
    const ctx = webContext(request);
    const claim = await this.subsidies.get<ClaimDetail>(request, `/api/v1/claims/${id}`);
    return sendPage(
      request,
      reply,
      {
        title: ctx.t('subsidies.detail.title', {
          municipality: municipalityName(claim.municipality),
          period: claim.period,
        }),
        status: extra.status ?? 200,
      },
      <ClaimDetailView ctx={ctx} claim={claim} notice={extra.notice} refused={extra.refused} />,
    );
  }
}
