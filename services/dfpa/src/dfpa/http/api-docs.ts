import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The answers every region route can give besides its success (problem+json naming the rule). */
export function RegionRoute(summary: string, description?: string) {
  return applyDecorators(
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or invalid bearer token.' }),
    ApiForbiddenResponse({
      description: 'Not a Sozialregion user or connector, or a region this instance does not serve (R25).',
    }),
    ApiNotFoundResponse({
      description: "No such hand-over or case in the caller's region (R25: the same answer as outside it).",
    }),
    ApiUnprocessableEntityResponse({ description: 'A domain rule refused it (problem+json `rule`).' }),
  );
}

/** Example bodies for the routes whose validation lives in the domain (nested, versioned records). */
export const ASSESSMENT_EXAMPLE = {
  kind: 'kurzassessment',
  assessedOn: '2027-02-10',
  languages: [
    { language: 'ti', oral: 'C2', written: 'B2', evidence: 'self-declared', assessedOn: '2027-02-10' },
    { language: 'de', oral: 'A2', written: 'A1', evidence: 'fide', assessedOn: '2027-01-20' },
  ],
  yearsOfSchooling: 9,
  literacy: { anyScript: true, latinScript: true },
  qualifications: [{ title: 'Elektriker', country: 'ER', years: 3, recognition: 'pending' }],
  workExperience: [{ field: 'Elektroinstallation', years: 4 }],
  family: { childrenAges: [3, 6], childcareNeeded: true, childcareArranged: false },
  employability: { status: 'arbeitsmarktfaehig', assessedOn: '2027-02-10' },
  goals: ['Lehre als Elektroinstallateur'],
  health: { restriction: 'under-clarification', workCapacityPercent: 80, note: 'Abklärung beim Hausarzt' },
};

export const PLAN_EXAMPLE = {
  agreedOn: '2027-02-20',
  reviewOn: '2027-08-20',
  goals: [
    { area: 'sprache', target: 'Deutsch B1 mündlich', dueOn: '2027-12-31' },
    { area: 'arbeit', target: 'Lehrstelle gefunden', dueOn: '2028-08-01' },
  ],
};

export const MEASURE_EXAMPLE = {
  goalArea: 'sprache',
  offerId: 'offer-1234',
  kipArea: 'sprache',
  title: 'Deutschkurs B1 intensiv',
  provider: 'ECAP Solothurn',
  from: '2027-03-01',
  to: '2027-07-31',
  status: 'planned',
  costRappen: 180000,
};

export const REVIEW_EXAMPLE = {
  reviewedOn: '2027-08-20',
  outcome: 'on-track',
  reasons: 'Kurs regelmässig besucht, Prüfung im Dezember.',
  nextReviewOn: '2028-02-20',
};
