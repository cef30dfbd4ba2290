import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { SubsidiesApi } from '../api/clients.js';
import { ServiceRefusal } from '../api/service-client.js';
import { one, problemToErrors, type FormError, type FormInput } from '../cases/form-spec.js';
import { swissToday } from '../i18n/format.js';
import { chfFieldValue, parseChf } from '../i18n/money.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext } from '../shell/web-context.js';
import { BudgetView, type BudgetFormValues } from './budget.view.js';
import type { Budget } from './subsidies.api.js';

const yearOf = (raw: unknown): number =>
  typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : Number(swissToday().slice(0, 4));

/** The yearly Integrationskredit for AGS; AGS Finanzen sets the amount (CHF) and the warning thresholds. */
@Controller('subventionen/budget')
export class SubsidyBudgetController {
  constructor(@Inject(SubsidiesApi) private readonly subsidies: SubsidiesApi) {}

  @Get()
  @Roles('ags')
  async page(
    @Query('jahr') year: unknown,
    @Query('gespeichert') saved: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { t } = webContext(request);
    return this.render(request, reply, yearOf(year), {
      ...(saved !== undefined ? { notice: { ok: true, text: t('subsidies.budget.saved') } } : {}),
    });
  }

  @Post()
  @Roles('ags-finanzen')
  async set(
    @Query('jahr') yearParam: unknown,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { t } = webContext(request);
    const year = yearOf(yearParam);
    const values: BudgetFormValues = { amount: one(form['amount']), warnPercent: one(form['warnPercent']) };
    const amountRappen = parseChf(values.amount ?? '');
    const thresholds = (values.warnPercent ?? '')
      .split(/[\s,;%]+/)
      .filter(Boolean)
      .map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
    const errors: FormError[] = [];
    if (amountRappen === undefined) errors.push({ field: 'amount', message: t('subsidies.budget.amountInvalid') });
    if (thresholds.some(Number.isNaN))
      errors.push({ field: 'warnPercent', message: t('subsidies.budget.thresholdsInvalid') });
    if (errors.length || amountRappen === undefined) return this.render(request, reply, year, { values, errors });
    try {
      await this.subsidies.put(request, `/api/v1/budget/${year}`, { amountRappen, warnPercent: thresholds });
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const refused = problemToErrors(
        {
          ...error.problem,
          errors: error.problem.errors?.map((e) => ({ ...e, message: e.message.replace(/^amountRappen\b/, 'amount') })),
        },
        ['amount', 'warnPercent'],
        t('form.invalidValue'),
      );
      // The service's S14 refusals concern the thresholds (the amount was read here already).
      const placed = refused.map((e) => ({ ...e, field: e.field ?? 'warnPercent' }));
      return this.render(request, reply, year, { values, errors: placed });
    }
    return seeOther(reply, `/subventionen/budget?jahr=${year}&gespeichert`);
  }

  private async render(
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: { values?: BudgetFormValues; errors?: FormError[]; notice?: { ok: boolean; text: string } },
  ) {
    const ctx = webContext(request);
    const budget = await this.subsidies.get<Budget>(request, `/api/v1/budget/${year}`);
    const values = extra.values ?? {
      amount: budget.budgetRappen === null ? '' : chfFieldValue(budget.budgetRappen),
      warnPercent: budget.warnPercent.join(', '),
    };
    return sendPage(
      request,
      reply,
      { title: ctx.t('subsidies.budget.title', { year }), status: extra.errors?.length ? 422 : 200 },
      <BudgetView
        ctx={ctx}
        budget={budget}
        values={values}
        {...(extra.errors ? { errors: extra.errors } : {})}
        notice={extra.notice}
      />,
    );
  }
}
