import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { SubsidiesApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import type { FormError, FormInput } from '../cases/form-spec.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import type { TariffVersion } from './subsidies.api.js';
import { readTariffForm, tariffRefusalErrors } from './tariff-form.js';
import { TariffsView, type TariffFormValues } from './tariffs.view.js';

/** AGS keeps the tariffs: every version per item, and a new version typed in CHF (stored as integer Rappen). */
@Controller('subventionen/tarife')
@Roles('ags')
export class SubsidyTariffsController {
  constructor(@Inject(SubsidiesApi) private readonly subsidies: SubsidiesApi) {}

  @Get()
  async list(
    @Query('gespeichert') saved: unknown,
    @Query('korrekturen') corrections: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { t } = webContext(request);
    const count = Number(corrections) || 0;
    const notice = saved !== undefined ? { ok: true, text: t('subsidies.tariffs.saved', { count }) } : undefined;
    return this.render(request, reply, { notice });
  }

  @Post()
  async record(@Body() form: FormInput, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { t } = webContext(request);
    const { values, body, errors } = readTariffForm(form, t);
    if (!body) return this.render(request, reply, { values, errors, status: 422 });
    try {
      const recorded = await this.subsidies.post<{ corrections?: unknown[] }>(request, '/api/v1/tariffs', body);
      return seeOther(reply, `/subventionen/tarife?gespeichert&korrekturen=${recorded.corrections?.length ?? 0}`);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const refused = tariffRefusalErrors(error.problem, t('form.invalidValue'));
      return this.render(request, reply, { values, errors: refused, status: 422 });
    }
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      values?: TariffFormValues;
      errors?: FormError[];
      status?: number;
      notice?: { ok: boolean; text: string } | undefined;
    },
  ) {
    const ctx = webContext(request);
    const versions = await this.subsidies.get<TariffVersion[]>(request, '/api/v1/tariffs');
    return sendPage(
      request,
      reply,
      { title: ctx.t('subsidies.menu.tariffs'), status: extra.status ?? 200 },
      <TariffsView
        ctx={ctx}
        versions={versions}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
        notice={extra.notice}
      />,
    );
  }
}
