import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { OffersApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import type { FormError, FormInput } from '../cases/form-spec.js';
import { one } from '../cases/form-spec.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { NEW_OFFER_VALUES, OfferEditor } from './offer-editor.view.js';
import { editorFieldNames, formToOffer, offerProblemToErrors, offerToForm } from './offer-form.js';
import { OfferList } from './offer-list.view.js';
import { titleOf, type KeptOffer } from './offers-keeping.api.js';
import { HELD_LANGUAGES } from './offers-reference.js';
import { UUID } from '../api/uuid.js';

const STEPS = { einreichen: 'submit', bestaetigen: 'confirm', zurueckziehen: 'withdraw' } as const;

/**
 * The provider's offers (role anbieter; the offers service keeps them to the provider the token names): the list with
 * status, the editor with the four languages side by side, submitting for review.
 */
@Controller('anbieter/angebote')
@Roles('anbieter')
export class ProviderOffersController {
  constructor(@Inject(OffersApi) private readonly offers: OffersApi) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const { items } = await this.offers.get<{ items: KeptOffer[] }>(request, '/api/v1/offers', { limit: 200 });
    return sendPage(request, reply, { title: ctx.t('menu.providerOffers') }, <OfferList ctx={ctx} offers={items} />);
  }

  @Get('neu')
  create(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    return sendPage(
      request,
      reply,
      { title: ctx.t('providerOffers.newTitle') },
      <OfferEditor ctx={ctx} values={NEW_OFFER_VALUES} />,
    );
  }

  @Post('neu')
  async created(@Body() form: FormInput, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.save(request, reply, form ?? {}, undefined);
  }

  @Get(':id')
  async edit(
    @Param('id') id: string,
    @Query('gespeichert') saved: unknown,
    @Query('eingereicht') submitted: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const offer = await this.load(request, id);
    return sendPage(
      request,
      reply,
      { title: ctx.t('providerOffers.editTitle', { title: titleOf(offer) }) },
      <OfferEditor
        ctx={ctx}
        offer={offer}
        values={offerToForm(offer.content, HELD_LANGUAGES)}
        {...(submitted !== undefined
          ? { saved: 'submitted' as const }
          : saved !== undefined
            ? { saved: 'saved' as const }
            : {})}
      />,
    );
  }

  @Post(':id')
  async edited(
    @Param('id') id: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.save(request, reply, form ?? {}, await this.load(request, id));
  }

  /** Submit for review, confirm "still current", withdraw: one button each on the offer's page. */
  @Post(':id/:step')
  async step(
    @Param('id') id: string,
    @Param('step') stepName: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const step = STEPS[stepName as keyof typeof STEPS];
    if (!step) throw new NotFoundPage();
    const offer = await this.load(request, id);
    try {
      await this.offers.post(request, `/api/v1/offers/${offer.id}/${step}`, {});
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      return this.render(request, reply, offer, offerToForm(offer.content, HELD_LANGUAGES), [
        {
          field: null,
          message: error.problem.title ?? error.problem.detail ?? '',
          ...(error.problem.rule ? { rule: error.problem.rule } : {}),
        },
      ]);
    }
    return seeOther(reply, `/anbieter/angebote/${offer.id}?${step === 'submit' ? 'eingereicht' : 'gespeichert'}`);
  }

  /** Create or edit; with intent "submit" the saved offer is submitted for review right away. */
  private async save(request: FastifyRequest, reply: FastifyReply, form: FormInput, offer: KeptOffer | undefined) {
    const ctx = webContext(request);
    const values = { ...form };
    delete values['_csrf'];
    delete values['intent'];
    const { body, errors } = formToOffer(values);
    if (errors.length)
      return this.render(
        request,
        reply,
        offer,
        values,
        errors.map((e) => ({ ...e, message: ctx.t(e.message) })),
      );
    let saved: KeptOffer;
    try {
      saved = offer
        ? await this.offers.put<KeptOffer>(request, `/api/v1/offers/${offer.id}`, body)
        : await this.offers.post<KeptOffer>(request, '/api/v1/offers', body);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      return this.render(request, reply, offer, values, offerProblemToErrors(error.problem, editorFieldNames(), ctx.t));
    }
    // A published offer edited by its provider is back in review already (OF9): nothing to submit then.
    if (one(form['intent']) === 'submit' && ['draft', 'returned'].includes(saved.status)) {
      try {
        await this.offers.post(request, `/api/v1/offers/${saved.id}/submit`, {});
      } catch (error) {
        if (!(error instanceof ServiceRefusal)) throw error;
        return this.render(
          request,
          reply,
          saved,
          values,
          offerProblemToErrors(error.problem, editorFieldNames(), ctx.t),
        );
      }
      return seeOther(reply, `/anbieter/angebote/${saved.id}?eingereicht`);
    }
    return seeOther(reply, `/anbieter/angebote/${saved.id}?gespeichert`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    offer: KeptOffer | undefined,
    values: FormInput,
    errors: (FormError & { detail?: string })[],
  ) {
    const ctx = webContext(request);
    return sendPage(
      request,
      reply,
      {
        title: offer ? ctx.t('providerOffers.editTitle', { title: titleOf(offer) }) : ctx.t('providerOffers.newTitle'),
        status: 422,
      },
      <OfferEditor ctx={ctx} {...(offer ? { offer } : {})} values={values} errors={errors} />,
    );
  }

  private async load(request: FastifyRequest, id: string): Promise<KeptOffer> {
    if (!UUID.test(id)) throw new NotFoundPage();
    return this.offers.get<KeptOffer>(request, `/api/v1/offers/${id}`);
  }
}
