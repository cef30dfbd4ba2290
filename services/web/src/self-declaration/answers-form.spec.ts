import { describe, expect, it } from '@jest/globals';
import { formToAnswers, keyFromLabel, parseOptions, violationsByQuestion } from './answers-form.js';
import type { QuestionnaireDefinition } from './self-declaration.api.js';

const def: QuestionnaireDefinition = {
  title: 'Selbstdeklaration',
  sections: [
    {
      key: 'a',
      title: 'A',
      questions: [
        {
          key: 'model',
          type: 'single',
          label: 'Modell',
          required: true,
          options: [
            { value: 'in-house', label: 'intern' },
            { value: 'member', label: 'Mitglied' },
          ],
        },
        { key: 'percent', type: 'number', label: 'Pensum', required: true, min: 0, max: 400 },
        { key: 'political', type: 'yesno', label: 'Politisch', required: true },
        {
          key: 'offers',
          type: 'multi',
          label: 'Angebote',
          required: false,
          options: [
            { value: 'language', label: 'Sprache' },
            { value: 'parents', label: 'Eltern' },
          ],
        },
        { key: 'needs', type: 'text', label: 'Bedürfnisse', required: false },
      ],
    },
  ],
};

describe('self-declaration form mapping', () => {
  it('turns the submitted form into typed answers, empty fields into null', () => {
    expect(
      formToAnswers(def, {
        'a.model': 'member',
        'a.percent': "1'20",
        'a.political': 'nein',
        'a.offers': ['language', 'parents'],
        'a.needs': '',
      }),
    ).toEqual({ model: 'member', percent: 120, political: false, offers: ['language', 'parents'], needs: null });
  });

  it('passes a number that is not one on as typed, so the service names it at its question', () => {
    expect(formToAnswers(def, { 'a.percent': 'zwanzig' })['percent']).toBe('zwanzig');
    expect(formToAnswers(def, {})).toEqual({ model: null, percent: null, political: null, offers: [], needs: null });
  });

  it("places the service's violations next to their questions", () => {
    const { byKey, general } = violationsByQuestion({
      status: 422,
      title: 'Einreichung: …',
      details: {
        violations: [
          { path: 'answers.percent', message: 'Pflichtfrage ist nicht beantwortet' },
          { path: 'answers.political', message: 'ja oder nein (true/false) erwartet' },
        ],
      },
    });
    expect(byKey.get('percent')).toEqual(['Pflichtfrage ist nicht beantwortet']);
    expect(byKey.get('political')).toEqual(['ja oder nein (true/false) erwartet']);
    expect(general).toEqual([]);
    expect(violationsByQuestion({ status: 409, title: 'Eine Selbstdeklaration im Zustand …' }).general).toEqual([
      'Eine Selbstdeklaration im Zustand …',
    ]);
  });

  it('makes question keys and options from what AGS types', () => {
    expect(keyFromLabel('Gibt es ein Integrationsleitbild?', new Set())).toBe('gibt-es-ein-integrationsleitbild');
    expect(keyFromLabel('Pensum', new Set(['pensum']))).toBe('pensum-2');
    expect(keyFromLabel('2024 Budget', new Set())).toBe('budget');
    expect(parseOptions('ja = Ja, vorhanden\nIn Arbeit\n\n')).toEqual([
      { value: 'ja', label: 'Ja, vorhanden' },
      { value: 'in-arbeit', label: 'In Arbeit' },
    ]);
  });
});
