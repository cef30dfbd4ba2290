import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { OffersApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { one, type FormError, type FormInput } from '../cases/form-spec.js';
import { swissToday } from '../i18n/format.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { offerProblemToErrors } from './offer-form.js';
import { titleOf, type KeptOffer, type ProviderReferral } from './offers-keeping.api.js';
import { ReferralsPage } from './referrals.view.js';

/** The referrals to the provider's offers, and the provider's confirmations of enrolment, attendance, completion or drop-out. */
@Controller('anbieter/zuweisungen')
@Roles('anbieter')
export class ProviderReferralsController {
  constructor(@Inject(OffersApi) private readonly offers: OffersApi) {}

  @Get()
  async list(@Query('bestaetigt') done: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(request, reply, typeof done === 'string' ? { done } : {});
  }

  @Post(':referralId')
  async confirm(
    @Param('referralId') referralId: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!/^[A-Za-z0-9-]{1,100}$/.test(referralId)) throw new NotFoundPage();
    const values = { step: one(form?.['step']), on: one(form?.['on']), reason: one(form?.['reason']) };
    try {
      await this.offers.post(request, `/api/v1/referrals/${encodeURIComponent(referralId)}/participation`, {
        step: values.step,
        on: values.on,
        ...(values.reason ? { reason: values.reason } : {}),
      });
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const errors = offerProblemToErrors(error.problem, ['step', 'on', 'reason'], webContext(request).t);
      return this.render(request, reply, { failed: { referralId, values, errors }, status: 422 });
    }
    return seeOther(reply, `/anbieter/zuweisungen?bestaetigt=${encodeURIComponent(values.step)}`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      done?: string;
      failed?: { referralId: string; values: FormInput; errors: FormError[] };
      status?: number;
    },
  ) {
    const ctx = webContext(request);
    const [referrals, own] = await Promise.all([
      this.offers.get<{ items: ProviderReferral[] }>(request, '/api/v1/referrals'),
      this.offers.get<{ items: KeptOffer[] }>(request, '/api/v1/offers', { limit: 200 }),
    ]);
    const titles = new Map(own.items.map((o) => [o.id, titleOf(o)]));
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.providerReferrals'), status: extra.status ?? 200 },
      <ReferralsPage
        ctx={ctx}
        referrals={referrals.items}
        offerTitles={titles}
        today={swissToday()}
        {...(extra.failed ? { failed: extra.failed } : {})}
        {...(extra.done ? { done: extra.done } : {})}
      />,
    );
  }
}
