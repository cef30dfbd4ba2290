import type { LocalDate } from '@si/kernel';
import { assessmentIndicators, validateAssessment, validateHealth } from './assessment.js';
import { DfpaDomainError } from './dfpa.errors.js';

const today = '2027-02-10' as LocalDate;
const valid = () => ({
  kind: 'kurzassessment',
  assessedOn: '2027-02-10',
  languages: [
    { language: 'ti', oral: 'C2', written: 'B2', evidence: 'self-declared', assessedOn: '2027-02-10' },
    { language: 'de', oral: 'A2', written: 'none', evidence: 'fide', assessedOn: '2027-01-20' },
  ],
  yearsOfSchooling: 5,
  literacy: { anyScript: true, latinScript: false },
  workExperience: [{ field: 'Landwirtschaft', years: 1 }],
  family: { childrenAges: [2], childcareNeeded: true, childcareArranged: false },
  employability: { status: 'not-yet', assessedOn: null },
  goals: ['Deutsch lernen'],
});

function refusal(input: unknown): DfpaDomainError {
  try {
    validateAssessment(input, today);
  } catch (e) {
    if (e instanceof DfpaDomainError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('potential assessment (R9, R19b, R22)', () => {
  it('keeps oral and written levels per language and derives the SEM indicators without free text', () => {
    const indicators = assessmentIndicators(validateAssessment(valid(), today));
    expect(indicators).toEqual({
      kind: 'kurzassessment',
      assessedOn: '2027-02-10',
      languages: [
        { language: 'ti', oral: 'C2', written: 'B2' },
        { language: 'de', oral: 'A2', written: 'none' },
      ],
      schoolingOverSixYears: false,
      literate: true,
      literateLatin: false,
      workExperienceOverOneYear: false,
      employability: 'not-yet',
      employableOn: null,
    });
    expect(JSON.stringify(indicators)).not.toContain('Deutsch lernen');
  });

  it('refuses a single level for both skills, an unknown level, an assessment in the future, employable without a date', () => {
    expect(
      refusal({ ...valid(), languages: [{ language: 'de', level: 'A2', evidence: 'fide', assessedOn: '2027-02-01' }] })
        .details,
    ).toEqual({ field: 'languages[0].oral' });
    expect(
      refusal({
        ...valid(),
        languages: [{ language: 'de', oral: 'A3', written: 'A1', evidence: 'fide', assessedOn: '2027-02-01' }],
      }).ruleId,
    ).toBe('R9');
    expect(refusal({ ...valid(), assessedOn: '2027-02-11' }).details).toEqual({ field: 'assessedOn' });
    const employable = refusal({ ...valid(), employability: { status: 'arbeitsmarktfaehig' } });
    expect([employable.ruleId, employable.details]).toEqual(['R19b', { field: 'employability.assessedOn' }]);
  });

  it('takes health as a restriction and work capacity, never more, and refuses a capacity over 100 %', () => {
    expect(validateHealth({ restriction: 'medically-confirmed', workCapacityPercent: 50 })).toEqual({
      restriction: 'medically-confirmed',
      workCapacityPercent: 50,
      note: null,
    });
    expect(validateHealth(undefined)).toBeNull();
    expect(() => validateHealth({ restriction: 'medically-confirmed', workCapacityPercent: 120 })).toThrow(
      DfpaDomainError,
    );
  });
});
