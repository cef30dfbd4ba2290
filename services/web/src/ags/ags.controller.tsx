import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { CaseManagementApi, RegistryIntakeApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { problemToErrors, type FormInput, one } from '../cases/form-spec.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import type { DeliveryPage, MunicipalityModel, OrganisationPeriod, RuleVersion } from './ags.api.js';
import { OrganisationDetail, OrganisationList, type PeriodFormValues } from './organisation.view.js';
import { QuarantineView, TargetGroupRuleView } from './intake.view.js';
import { UUID } from '../api/uuid.js';

/** The AGS's screens: the organisation model (Leitgemeinden with history), the intake quarantine, the target-group rule. */
@Controller()
@Roles('ags')
export class AgsController {
  constructor(
    @Inject(CaseManagementApi) private readonly cases: CaseManagementApi,
    @Inject(RegistryIntakeApi) private readonly intake: RegistryIntakeApi,
  ) {}

  @Get('organisation')
  async organisation(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const models = await this.cases.get<MunicipalityModel[]>(request, '/api/v1/organisation/municipalities');
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.organisation') },
      <OrganisationList ctx={ctx} models={models} />,
    );
  }

  @Get('organisation/:bfs')
  async municipality(
    @Param('bfs') bfs: string,
    @Query('gespeichert') saved: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.renderMunicipality(request, reply, this.bfs(bfs), { saved: saved !== undefined });
  }

  @Post('organisation/:bfs')
  async recordPeriod(
    @Param('bfs') bfsParam: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const bfs = this.bfs(bfsParam);
    const values: PeriodFormValues = {
      model: one(form['model']),
      leitgemeinde: one(form['leitgemeinde']),
      validFrom: one(form['validFrom']),
      reason: one(form['reason']),
    };
    const body = {
      model: values.model,
      validFrom: values.validFrom,
      reason: values.reason,
      ...(values.model === 'leitgemeinde' ? { leitgemeinde: Number(values.leitgemeinde) || 0 } : {}),
    };
    try {
      await this.cases.post(request, `/api/v1/organisation/municipalities/${bfs}/periods`, body);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const errors = problemToErrors(
        error.problem,
        ['model', 'leitgemeinde', 'validFrom', 'reason'],
        webContext(request).t('form.invalidValue'),
      );
      return this.renderMunicipality(request, reply, bfs, { values, errors, status: 422 });
    }
    return seeOther(reply, `/organisation/${bfs}?gespeichert`);
  }

  @Get('lieferungen/quarantaene')
  async quarantine(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const page = await this.intake.get<DeliveryPage>(request, '/api/v1/deliveries/quarantine', { limit: 50 });
    return sendPage(request, reply, { title: ctx.t('menu.quarantine') }, <QuarantineView ctx={ctx} page={page} />);
  }

  @Post('lieferungen/:id/neu-verarbeiten')
  async reprocess(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!UUID.test(id)) throw new NotFoundPage();
    const ctx = webContext(request);
    let message: { ok: boolean; text: string };
    try {
      const r = await this.intake.post<{ status: string; emitted?: number }>(
        request,
        `/api/v1/deliveries/${id}/reprocess`,
      );
      message =
        r.status === 'accepted'
          ? { ok: true, text: ctx.t('ags.reprocessAccepted', { count: r.emitted ?? 0 }) }
          : { ok: false, text: ctx.t('ags.reprocessStillRefused') };
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      message = { ok: false, text: `${ctx.t('ags.reprocessRefused')} ${error.problem.detail ?? ''}`.trim() };
    }
    const page = await this.intake.get<DeliveryPage>(request, '/api/v1/deliveries/quarantine', { limit: 50 });
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.quarantine'), status: message.ok ? 200 : 409 },
      <QuarantineView ctx={ctx} page={page} message={message} />,
    );
  }

  @Get('zielgruppenregel')
  async rule(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const [inForce, history] = await Promise.all([
      this.intake.get<RuleVersion>(request, '/api/v1/target-group-rule'),
      this.intake.get<{ versions: RuleVersion[] }>(request, '/api/v1/target-group-rule/history'),
    ]);
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.targetGroupRule') },
      <TargetGroupRuleView ctx={ctx} inForce={inForce} versions={[...history.versions].reverse()} />,
    );
  }

  private bfs(raw: string): number {
    if (!/^\d{4}$/.test(raw)) throw new NotFoundPage();
    return Number(raw);
  }

  private async renderMunicipality(
    request: FastifyRequest,
    reply: FastifyReply,
    bfs: number,
    extra: { saved?: boolean; values?: PeriodFormValues; errors?: ReturnType<typeof problemToErrors>; status?: number },
  ) {
    const ctx = webContext(request);
    const [periods, models] = await Promise.all([
      this.cases.get<OrganisationPeriod[]>(request, `/api/v1/organisation/municipalities/${bfs}/periods`),
      this.cases.get<MunicipalityModel[]>(request, '/api/v1/organisation/municipalities'),
    ]);
    const candidates = models.map((m) => m.municipality).filter((m) => m !== bfs);
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.organisation'), status: extra.status ?? 200 },
      <OrganisationDetail
        ctx={ctx}
        bfs={bfs}
        periods={periods}
        candidates={candidates}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
        saved={extra.saved ?? false}
      />,
    );
  }
}
