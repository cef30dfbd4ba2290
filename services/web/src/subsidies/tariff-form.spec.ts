import { translator } from '../i18n/i18n.js';
import { readTariffForm, tariffRefusalErrors } from './tariff-form.js';

const t = translator('de');
const form = {
  item: 'interpreter',
  validFrom: '2027-01-01',
  validTo: '',
  amount: "1'234.50",
  placeholder: 'true',
  reference: 'KS 2027',
  reason: 'Neuer Ansatz',
};

describe('the tariff form', () => {
  it('sends the amount typed in CHF as integer Rappen, an empty end as open', () => {
    expect(readTariffForm(form, t).body).toEqual({
      item: 'interpreter',
      validFrom: '2027-01-01',
      validTo: null,
      amountRappen: 123450,
      placeholder: true,
      reference: 'KS 2027',
      reason: 'Neuer Ansatz',
    });
  });

  it('refuses a text that is not an amount next to the field, sends nothing and keeps what was typed', () => {
    const read = readTariffForm({ ...form, amount: '12.345' }, t);
    expect(read.body).toBeUndefined();
    expect(read.errors).toEqual([{ field: 'amount', message: expect.stringContaining('Betrag in Franken') }]);
    expect(read.values).toMatchObject({ amount: '12.345', reason: 'Neuer Ansatz' });
  });

  it("places the service's refusals at the field they concern, with the rule", () => {
    expect(
      tariffRefusalErrors(
        { status: 422, title: '«Gültig bis» liegt vor «gültig ab».', rule: 'S11', code: 'tariff-range-invalid' },
        'ungültig',
      ),
    ).toEqual([{ field: 'validTo', message: '«Gültig bis» liegt vor «gültig ab».', rule: 'S11' }]);
    expect(
      tariffRefusalErrors(
        { status: 400, rule: 'S16', errors: [{ message: 'amountRappen must not be greater than 100000000' }] },
        'ungültig',
      ),
    ).toEqual([{ field: 'amount', message: 'ungültig', rule: 'S16' }]);
  });
});
