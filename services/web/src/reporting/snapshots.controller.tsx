import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { ReportingApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { one, type FormInput } from '../cases/form-spec.js';
import { sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { PERIOD, periodOptions, periodOr } from './periods.js';
import type { Catalogue, SnapshotSummary, Verification } from './reporting.api.js';
import { SnapshotsView, SnapshotView } from './snapshots.view.js';
import { UUID } from '../api/uuid.js';

/** AGS freezes a period's report; each version keeps its hash, the difference to the one before, and is checkable. */
@Controller('kennzahlen/stichtage')
@Roles('ags')
export class SnapshotsController {
  constructor(@Inject(ReportingApi) private readonly reporting: ReportingApi) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(request, reply);
  }

  @Post()
  async freeze(@Body() form: FormInput, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const period = one(form['period']);
    if (!PERIOD.test(period)) return this.render(request, reply, { ok: false, text: ctx.t('form.invalidValue') }, 422);
    try {
      const s = await this.reporting.post<SnapshotSummary & { created: boolean }>(request, '/api/v1/snapshots', {
        period,
      });
      const text = s.created
        ? ctx.t('reporting.frozen', { version: s.version, period: s.period })
        : ctx.t('reporting.unchanged', { version: s.version });
      return this.render(request, reply, { ok: true, text }, 200, period);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const p = error.problem;
      return this.render(
        request,
        reply,
        { ok: false, text: `${p.title ?? ''} ${p.rule ? `(${p.rule})` : ''}`.trim() },
        422,
        period,
      );
    }
  }

  @Get(':id')
  async snapshot(
    @Param('id') id: string,
    @Query('pruefen') verify: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!UUID.test(id)) throw new NotFoundPage();
    const ctx = webContext(request);
    const [snapshot, catalogue, verification] = await Promise.all([
      this.reporting.get<SnapshotSummary>(request, `/api/v1/snapshots/${id}`),
      this.reporting.get<Catalogue>(request, '/api/v1/figures/catalogue'),
      verify !== undefined
        ? this.reporting.get<Verification>(request, `/api/v1/snapshots/${id}/verification`)
        : Promise.resolve(undefined),
    ]);
    const titles = new Map(catalogue.figures.map((f) => [f.key, f.title.de]));
    return sendPage(
      request,
      reply,
      { title: ctx.t('reporting.snapshotTitle', { period: snapshot.period, version: snapshot.version }) },
      <SnapshotView ctx={ctx} snapshot={snapshot} titles={titles} {...(verification ? { verification } : {})} />,
    );
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    message?: { ok: boolean; text: string },
    status = 200,
    period?: string,
  ) {
    const ctx = webContext(request);
    const snapshots = await this.reporting.get<SnapshotSummary[]>(request, '/api/v1/snapshots');
    return sendPage(
      request,
      reply,
      { title: ctx.t('reporting.snapshotsTitle'), status },
      <SnapshotsView
        ctx={ctx}
        snapshots={snapshots}
        periods={periodOptions()}
        period={periodOr(period)}
        {...(message ? { message } : {})}
      />,
    );
  }
}
