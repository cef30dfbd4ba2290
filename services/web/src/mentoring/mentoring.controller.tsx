import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { OffersApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import type { WebUser } from '../auth/session.js';
import { one, type FormInput } from '../cases/form-spec.js';
import { swissToday } from '../i18n/format.js';
import { offerProblemToErrors } from '../provider-offers/offer-form.js';
import { UUID } from '../api/uuid.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import type { Assignment, Mentor, MentoringRequest, Suggestion, Tandem } from './mentoring.api.js';
import { AssignmentPage, poolTitle, PoolPage, RequestPage, type FailedStep } from './mentoring.view.js';

const STEPS = { aktivieren: 'activate', ablehnen: 'decline', 'check-in': 'check-ins', beenden: 'end' } as const;
const DONE = ['proposed', 'activate', 'decline', 'check-ins', 'end'];

/**
 * The coordinator's Mentoring-Pool (role mentoring-koordination, the pools their token names): mentors, open requests,
 * ranked suggestions for one request, the optimal assignment of all, and the tandems from proposal to end.
 */
@Controller('mentoring')
@Roles('mentoring-koordination')
export class MentoringController {
  constructor(@Inject(OffersApi) private readonly offers: OffersApi) {}

  @Get()
  start(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const first = this.pools(request)[0];
    if (!first) throw new NotFoundPage();
    return seeOther(reply, `/mentoring/${first}`);
  }

  @Get(':pool')
  async pool(
    @Param('pool') pool: string,
    @Query('erledigt') done: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const step = typeof done === 'string' && DONE.includes(done) ? done : undefined;
    return this.renderPool(request, reply, this.own(request, pool), step ? { done: step } : {});
  }

  @Get(':pool/anfragen/:id')
  async request(
    @Param('pool') pool: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.renderRequest(request, reply, this.own(request, pool), id);
  }

  @Get(':pool/zuteilung')
  async assignment(@Param('pool') poolParam: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const pool = this.own(request, poolParam);
    const [assignment, requests, mentors] = await Promise.all([
      this.offers.get<Assignment>(request, `/api/v1/mentoring/pools/${pool}/assignment`),
      this.offers.get<{ items: MentoringRequest[] }>(request, `/api/v1/mentoring/pools/${pool}/requests`),
      this.offers.get<{ items: Mentor[] }>(request, `/api/v1/mentoring/pools/${pool}/mentors`),
    ]);
    return sendPage(
      request,
      reply,
      { title: ctx.t('mentoring.assignmentTitle') },
      <AssignmentPage
        ctx={ctx}
        pool={pool}
        assignment={assignment}
        requests={requests.items}
        mentors={mentors.items}
      />,
    );
  }

  @Post(':pool/tandems')
  async propose(
    @Param('pool') poolParam: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const pool = this.own(request, poolParam);
    const requestId = one(form?.['requestId']);
    const mentorId = one(form?.['mentorId']);
    if (!UUID.test(requestId) || !UUID.test(mentorId)) throw new NotFoundPage();
    try {
      await this.offers.post(request, '/api/v1/mentoring/tandems', { requestId, mentorId });
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const errors = offerProblemToErrors(error.problem, [], webContext(request).t);
      return this.renderRequest(request, reply, pool, requestId, errors);
    }
    return seeOther(reply, `/mentoring/${pool}?erledigt=proposed`);
  }

  @Post(':pool/tandems/:id/:step')
  async tandemStep(
    @Param('pool') poolParam: string,
    @Param('id') id: string,
    @Param('step') stepName: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const pool = this.own(request, poolParam);
    const step = STEPS[stepName as keyof typeof STEPS];
    if (!step || !UUID.test(id)) throw new NotFoundPage();
    const values = {
      on: one(form?.['on']),
      note: one(form?.['note']),
      reason: one(form?.['reason']),
      outcome: one(form?.['outcome']),
    };
    const body =
      step === 'end'
        ? { on: values.on, reason: values.reason, outcome: values.outcome }
        : step === 'check-ins'
          ? { on: values.on, ...(values.note ? { note: values.note } : {}) }
          : { on: values.on };
    try {
      await this.offers.post(request, `/api/v1/mentoring/tandems/${id}/${step}`, body);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const errors = offerProblemToErrors(error.problem, ['on', 'note', 'reason', 'outcome'], webContext(request).t);
      return this.renderPool(request, reply, pool, {
        failed: { tandemId: id, step: stepName, values, errors },
        status: 422,
      });
    }
    return seeOther(reply, `/mentoring/${pool}?erledigt=${step}`);
  }

  private pools(request: FastifyRequest): string[] {
    return (webContext(request).user as WebUser).mentoringPools ?? [];
  }

  /** A pool the user does not coordinate looks like one that does not exist (the service checks it too). */
  private own(request: FastifyRequest, pool: string): string {
    if (!this.pools(request).includes(pool)) throw new NotFoundPage();
    return pool;
  }

  private async renderPool(
    request: FastifyRequest,
    reply: FastifyReply,
    pool: string,
    extra: { done?: string; failed?: FailedStep; status?: number },
  ) {
    const ctx = webContext(request);
    const [mentors, requests, tandems] = await Promise.all([
      this.offers.get<{ items: Mentor[] }>(request, `/api/v1/mentoring/pools/${pool}/mentors`),
      this.offers.get<{ items: MentoringRequest[] }>(request, `/api/v1/mentoring/pools/${pool}/requests`),
      this.offers.get<{ items: Tandem[] }>(request, `/api/v1/mentoring/pools/${pool}/tandems`),
    ]);
    return sendPage(
      request,
      reply,
      { title: poolTitle(ctx, pool), status: extra.status ?? 200 },
      <PoolPage
        ctx={ctx}
        pool={pool}
        pools={this.pools(request)}
        mentors={mentors.items}
        requests={requests.items}
        tandems={tandems.items}
        today={swissToday()}
        {...(extra.failed ? { failed: extra.failed } : {})}
        {...(extra.done ? { done: extra.done } : {})}
      />,
    );
  }

  private async renderRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    pool: string,
    id: string,
    errors: ReturnType<typeof offerProblemToErrors> = [],
  ) {
    if (!UUID.test(id)) throw new NotFoundPage();
    const ctx = webContext(request);
    // The service has no read of one request: it is one of the pool's open ones (or no longer open).
    const [requests, suggestions] = await Promise.all([
      this.offers.get<{ items: MentoringRequest[] }>(request, `/api/v1/mentoring/pools/${pool}/requests`),
      this.offers.get<{ items: Suggestion[] }>(request, `/api/v1/mentoring/requests/${id}/suggestions`),
    ]);
    const found = requests.items.find((r) => r.id === id);
    if (!found) throw new NotFoundPage();
    return sendPage(
      request,
      reply,
      { title: ctx.t('mentoring.requestTitle', { ref: found.menteeRef }), status: errors.length ? 422 : 200 },
      <RequestPage ctx={ctx} pool={pool} request={found} suggestions={suggestions.items} errors={errors} />,
    );
  }
}
