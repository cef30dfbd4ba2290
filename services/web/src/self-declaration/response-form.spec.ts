import { describe, expect, it } from '@jest/globals';
import { translator } from '../i18n/i18n.js';
import { renderFragment } from '../shell/render.js';
import type { WebContext } from '../shell/web-context.js';
import { ResponseFormView, ResponseReviewView } from './response.view.js';
import type { Questionnaire, ResponseView } from './self-declaration.api.js';

const ctx: WebContext = { lang: 'de', t: translator('de'), path: '/selbstdeklaration', csrf: 'tok' };
const questionnaire: Questionnaire = {
  id: 'q',
  year: 2026,
  version: 1,
  status: 'published',
  createdBy: 'ags',
  createdAt: '2026-12-01T08:00:00Z',
  publishedAt: '2026-12-01T09:00:00Z',
  definition: {
    title: 'Selbstdeklaration',
    sections: [
      {
        key: 'leads',
        title: 'B Leitung',
        questions: [
          { key: 'percent', type: 'number', label: 'Pensum in Prozent', required: true, min: 0, max: 400 },
          {
            key: 'persons',
            type: 'number',
            label: 'Erreichte Personen',
            required: true,
            prefill: 'figure:first-information',
          },
        ],
      },
    ],
  },
};
const response = (over: Partial<ResponseView> = {}): ResponseView => ({
  roundId: 'r',
  year: 2026,
  deadline: '2027-01-31',
  questionnaireId: 'q',
  questionnaireVersion: 1,
  municipality: 2601,
  name: 'Solothurn',
  state: 'not-started',
  submittedAt: null,
  late: false,
  answers: { persons: 14 },
  prefilledFrom: { persons: 'platform' },
  answeredByLeitgemeinde: false,
  comment: null,
  history: [],
  reminders: [],
  ...over,
});

describe("the municipality's self-declaration form", () => {
  it('shows the prefilled draft and says where each prefilled answer comes from', () => {
    const html = renderFragment(ResponseFormView({ ctx, response: response(), questionnaire }));
    expect(html).toContain('name="a.persons" value="14"');
    expect(html).toContain('Vorausgefüllt aus der Plattform');
    expect(html).toContain('value="einreichen"');
  });

  it("puts the service's refusal next to its question, marked invalid, and keeps what was typed", () => {
    const html = renderFragment(
      ResponseFormView({
        ctx,
        response: response({ state: 'draft' }),
        questionnaire,
        answers: { percent: null, persons: 15 },
        errors: new Map([['percent', ['Pflichtfrage ist nicht beantwortet']]]),
      }),
    );
    expect(html).toMatch(/id="q-percent"[^>]*aria-describedby="q-percent-error"[^>]*aria-invalid="true"/);
    expect(html).toContain(
      '<p class="field-error" id="q-percent-error" data-testid="error-percent">Pflichtfrage ist nicht beantwortet</p>',
    );
    expect(html).toContain('name="a.persons" value="15"');
    expect(html).toContain('role="alert"');
  });

  it('shows the return comment, and no form once it is submitted', () => {
    const returned = renderFragment(
      ResponseFormView({
        ctx,
        response: response({ state: 'returned', comment: 'Bitte ergänzen.' }),
        questionnaire,
      }),
    );
    expect(returned).toContain('Bitte ergänzen.');
    expect(returned).toContain('data-testid="response-form"');
    const submitted = renderFragment(
      ResponseFormView({ ctx, response: response({ state: 'submitted' }), questionnaire }),
    );
    expect(submitted).not.toContain('data-testid="response-form"');
    expect(submitted).toContain('data-answer="persons">14<');
  });

  it('offers AGS the decision only for a submitted response', () => {
    const open = renderFragment(ResponseReviewView({ ctx, response: response({ state: 'draft' }), questionnaire }));
    expect(open).not.toContain('decision-form');
    const submitted = renderFragment(
      ResponseReviewView({ ctx, response: response({ state: 'submitted' }), questionnaire }),
    );
    expect(submitted).toContain('value="zurueckweisen"');
    expect(submitted).toContain('value="annehmen"');
  });
});
