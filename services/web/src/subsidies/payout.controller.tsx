import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { SubsidiesApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { UserTokens } from '../auth/user-token.js';
import { WEB_CONFIG, type WebConfig } from '../config/web.config.js';
import { formatChf } from '../i18n/money.js';
import { sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { PayoutView } from './payout.view.js';
import { fetchPayoutFile, type Claim, type PayoutExport, type PayoutFile } from './subsidies.api.js';
import { UUID } from '../api/uuid.js';

const FILES: Record<PayoutFile, { type: string; name: (id: string) => string }> = {
  csv: { type: 'text/csv; charset=utf-8', name: (id) => `buchungsdatei-${id}.csv` },
  pain001: { type: 'application/xml; charset=utf-8', name: (id) => `pain001-${id}.xml` },
};

/** AGS Finanzen: export the approved claims (CSV booking file and pain.001) and download the files of each export. */
@Controller('subventionen/auszahlung')
@Roles('ags-finanzen')
export class SubsidyPayoutController {
  constructor(
    @Inject(SubsidiesApi) private readonly subsidies: SubsidiesApi,
    @Inject(UserTokens) private readonly tokens: UserTokens,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(request, reply);
  }

  @Post()
  async export(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { t } = webContext(request);
    try {
      const made = await this.subsidies.post<PayoutExport>(request, '/api/v1/exports');
      return this.render(request, reply, {
        ok: true,
        text: t('subsidies.payout.exported', { count: made.claimIds.length, total: formatChf(made.totalRappen) }),
      });
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const p = error.problem;
      const rule = p.rule ? ` (${t('form.rule', { rule: p.rule })}${p.ruleText ? `: ${p.ruleText}` : ''})` : '';
      return this.render(request, reply, { ok: false, text: `${p.title ?? p.detail ?? ''}${rule}` }, 409);
    }
  }

  @Get(':id/buchungsdatei.csv')
  async csv(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.download(request, reply, id, 'csv');
  }

  @Get(':id/pain001.xml')
  async pain001(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.download(request, reply, id, 'pain001');
  }

  private async download(request: FastifyRequest, reply: FastifyReply, id: string, file: PayoutFile) {
    if (!UUID.test(id)) throw new NotFoundPage();
    const bytes = await fetchPayoutFile(this.config.services.subsidies, this.tokens, request, id, file);
    return reply
      .status(200)
      .header('content-type', FILES[file].type)
      .header('content-disposition', `attachment; filename="${FILES[file].name(id)}"`)
      .send(bytes);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    notice?: { ok: boolean; text: string },
    status = 200,
  ) {
    const ctx = webContext(request);
    const [approved, exports] = await Promise.all([
      this.subsidies.get<Claim[]>(request, '/api/v1/claims', { status: 'approved' }),
      this.subsidies.get<PayoutExport[]>(request, '/api/v1/exports'),
    ]);
    return sendPage(
      request,
      reply,
      { title: ctx.t('subsidies.menu.payout'), status },
      <PayoutView ctx={ctx} approved={approved} exports={exports} notice={notice} />,
    );
  }
}
