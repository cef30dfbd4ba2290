import type { Problem } from '../api/service-client.js';
import { one, problemToErrors, type FormError, type FormInput } from '../cases/form-spec.js';
import type { T } from '../i18n/i18n.js';
import { parseChf } from '../i18n/money.js';
import type { TariffFormValues } from './tariffs.view.js';

export interface TariffBody {
  item: string;
  validFrom: string;
  validTo: string | null;
  amountRappen: number;
  placeholder: boolean;
  reference: string;
  reason: string;
}

const FIELDS = ['item', 'validFrom', 'validTo', 'amount', 'reference', 'reason'];

/**
 * The tariff form as typed, and the body for the service: the amount typed in CHF becomes integer Rappen here,
 * exactly; a text that is not an amount is refused next to the field before anything is sent.
 */
export function readTariffForm(
  form: FormInput,
  t: T,
): { values: TariffFormValues; body?: TariffBody; errors: FormError[] } {
  const values: TariffFormValues = {
    item: one(form['item']),
    validFrom: one(form['validFrom']),
    validTo: one(form['validTo']),
    amount: one(form['amount']),
    placeholder: one(form['placeholder']) === 'true',
    reference: one(form['reference']),
    reason: one(form['reason']),
  };
  const amountRappen = parseChf(values.amount ?? '');
  if (amountRappen === undefined)
    return { values, errors: [{ field: 'amount', message: t('subsidies.tariffs.amountInvalid') }] };
  return {
    values,
    errors: [],
    body: {
      item: values.item ?? '',
      validFrom: values.validFrom ?? '',
      validTo: values.validTo || null,
      amountRappen,
      placeholder: values.placeholder ?? false,
      reference: values.reference ?? '',
      reason: values.reason ?? '',
    },
  };
}

/** Where the service's tariff refusals belong on the form (its validation names `amountRappen`, rule S11 codes). */
const CODE_FIELD: Record<string, string> = {
  'tariff-amount-invalid': 'amount',
  'tariff-range-invalid': 'validTo',
  'tariff-reason-missing': 'reason',
};

export function tariffRefusalErrors(problem: Problem, invalidText: string): FormError[] {
  const renamed = {
    ...problem,
    errors: problem.errors?.map((e) => ({ ...e, message: e.message.replace(/^amountRappen\b/, 'amount') })),
  };
  const errors = problemToErrors(renamed, FIELDS, invalidText);
  const field = problem.code ? CODE_FIELD[problem.code] : undefined;
  return field ? errors.map((e) => ({ ...e, field: e.field ?? field })) : errors;
}
