import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { OffersApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { one, type FormInput } from '../cases/form-spec.js';
import { offerProblemToErrors } from '../provider-offers/offer-form.js';
import { titleOf, type KeptOffer } from '../provider-offers/offers-keeping.api.js';
import { UUID } from '../api/uuid.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { CurationQueue, CurationReview } from './curation.view.js';

const STEPS = { veroeffentlichen: 'publish', zurueckweisen: 'send-back', zurueckziehen: 'withdraw' } as const;

/** AGS curates the Angebotsplattform: the queue of submitted offers, the review, publish, send back, withdraw. */
@Controller('kuration')
@Roles('ags')
export class CurationController {
  constructor(@Inject(OffersApi) private readonly offers: OffersApi) {}

  @Get()
  async queue(@Query('erledigt') done: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const [queue, published, providers] = await Promise.all([
      this.offers.get<{ items: KeptOffer[] }>(request, '/api/v1/curation/offers'),
      this.offers.get<{ items: KeptOffer[] }>(request, '/api/v1/offers', { status: 'published', limit: 100 }),
      this.providerNames(request),
    ]);
    const step = typeof done === 'string' && Object.values(STEPS).includes(done as never) ? done : undefined;
    return sendPage(
      request,
      reply,
      { title: ctx.t('menu.curation') },
      <CurationQueue
        ctx={ctx}
        queue={queue.items}
        published={published.items}
        providers={providers}
        {...(step ? { done: step } : {})}
      />,
    );
  }

  @Get(':id')
  async review(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const [offer, providers] = await Promise.all([this.load(request, id), this.providerNames(request)]);
    return sendPage(
      request,
      reply,
      { title: titleOf(offer) },
      <CurationReview ctx={ctx} offer={offer} providers={providers} />,
    );
  }

  @Post(':id/:step')
  async decide(
    @Param('id') id: string,
    @Param('step') stepName: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const step = STEPS[stepName as keyof typeof STEPS];
    if (!step) throw new NotFoundPage();
    const ctx = webContext(request);
    const offer = await this.load(request, id);
    const comment = one(form?.['comment']);
    try {
      await this.offers.post(request, `/api/v1/offers/${offer.id}/${step}`, comment ? { comment } : {});
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const errors = offerProblemToErrors(error.problem, ['comment'], ctx.t);
      // A send-back without a comment (OF10) belongs next to the comment field.
      const placed = errors.map((e) => (error.problem.rule === 'OF10' ? { ...e, field: 'comment' } : e));
      return sendPage(
        request,
        reply,
        { title: titleOf(offer), status: 422 },
        <CurationReview
          ctx={ctx}
          offer={offer}
          providers={await this.providerNames(request)}
          values={{ comment }}
          errors={placed}
        />,
      );
    }
    return seeOther(reply, `/kuration?erledigt=${step}`);
  }

  /** Provider names by id (the offers carry the id only). */
  private async providerNames(request: FastifyRequest): Promise<Map<string, string>> {
    const { items } = await this.offers.get<{ items: { id: string; name: string }[] }>(request, '/api/v1/providers');
    return new Map(items.map((p) => [p.id, p.name]));
  }

  private async load(request: FastifyRequest, id: string): Promise<KeptOffer> {
    if (!UUID.test(id)) throw new NotFoundPage();
    return this.offers.get<KeptOffer>(request, `/api/v1/offers/${id}`);
  }
}
