import { describe, expect, it } from '@jest/globals';
import { translator } from '../i18n/i18n.js';
import { editorFieldNames, formToOffer, offerProblemToErrors, offerToForm } from './offer-form.js';
import type { OfferContent } from './offers-keeping.api.js';

const t = translator('de');

const content: OfferContent = {
  originalLanguage: 'de',
  texts: {
    de: { title: 'Deutschkurs A1', summary: 'Alltag', description: 'Zehn Abende' },
    fr: { title: 'Cours d’allemand A1', summary: 'Quotidien', description: 'Dix soirées' },
  },
  category: 'language',
  cefrFrom: 'pre-A1',
  cefrTo: 'A1',
  tags: ['Abendkurs'],
  languagesHeld: ['deu', 'hye'],
  targetGroup: { ageFrom: 16, womenOnly: false, parents: true, refugees: false, everyone: false },
  locations: [
    { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn', municipality: 2601, lat: 47.2, lon: 7.5 },
  ],
  online: false,
  regions: ['olten'],
  schedule: {
    start: '2030-02-01',
    end: '2030-06-30',
    sessions: 10,
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['tu', 'th'], times: '18.30' },
  },
  freePlaces: 12,
  cost: { priceRappen: 12050, reducedPriceRappen: 4000, subsidised: true },
  childcare: 'on-site',
  accessibility: 'yes',
  registration: { deadline: '2030-01-20', email: 'kurse@vhs.example' },
};

describe('the editor form and the offer body', () => {
  it('gives back what it was filled with (edit → save changes nothing)', () => {
    const form = offerToForm(content, ['deu', 'fra']);
    expect(form['languagesHeldOther']).toBe('hye');
    expect(form['cost.price']).toBe('120.50');
    const { body, errors } = formToOffer(form);
    expect(errors).toEqual([]);
    expect(body).toEqual(content);
  });

  it('leaves out a language without text, an empty recurrence and empty optional fields', () => {
    const { body } = formToOffer({
      originalLanguage: 'fr',
      'texts.fr.title': 'Cours',
      'cost.price': '0',
      'schedule.start': '2030-01-01',
    });
    expect(body['texts']).toEqual({ fr: { title: 'Cours', summary: '', description: '' } });
    expect(body['schedule']).toEqual({ start: '2030-01-01', end: '' });
    expect(body['cost']).toEqual({ priceRappen: 0, subsidised: false });
    expect(body['freePlaces']).toBeNull();
  });

  it('complains itself about an amount that is no amount, next to the price', () => {
    const { errors } = formToOffer({ 'cost.price': 'hundert' });
    expect(errors).toEqual([{ field: 'cost.price', message: 'providerOffers.error.chf' }]);
  });
});

describe("the service's refusals next to the editor's fields", () => {
  const names = editorFieldNames();

  it('places shape problems (400) by JSON pointer, Rappen as the CHF field', () => {
    const errors = offerProblemToErrors(
      {
        status: 400,
        rule: 'OF1',
        errors: [
          { pointer: '/texts/fr/summary', message: 'must not be empty' },
          { pointer: '/cost/priceRappen', message: 'Invalid input: expected number, received undefined' },
          { pointer: '/locations/0/lat', message: 'Too big: expected number to be <=47.9' },
        ],
      },
      names,
      t,
    );
    expect(errors.map((e) => [e.field, e.message, e.rule])).toEqual([
      ['texts.fr.summary', 'Diese Angabe fehlt.', 'OF1'],
      ['cost.price', 'Diese Angabe fehlt.', 'OF1'],
      ['locations.0.lat', 'Dieser Wert ist ungültig.', 'OF1'],
    ]);
  });

  it('names the rule each field of a 422 breaks, in German', () => {
    const errors = offerProblemToErrors(
      {
        status: 422,
        rule: 'OF2',
        details: {
          errors: [
            { pointer: '/texts/de', message: 'the text in the original language is missing' },
            { pointer: '/schedule/end', message: 'must not be before the start (2030-02-01)' },
            { pointer: '/registration', message: 'name a link, an e-mail address or a phone number to register' },
          ],
        },
      },
      names,
      t,
    );
    expect(errors.map((e) => [e.field, e.rule])).toEqual([
      ['texts.de', 'OF2'],
      ['schedule.end', 'OF4'],
      ['registration', 'OF1'],
    ]);
    expect(errors[1]?.message).toContain('Ende');
    expect(errors[2]?.message).toContain('Anmeldung');
  });

  it('puts a lifecycle refusal without a field above the form, in the service’s German words', () => {
    expect(
      offerProblemToErrors(
        { status: 409, rule: 'OF9', title: '«Zur Prüfung einreichen» ist nicht möglich.' },
        names,
        t,
      ),
    ).toEqual([{ field: null, message: '«Zur Prüfung einreichen» ist nicht möglich.', rule: 'OF9' }]);
  });
});
