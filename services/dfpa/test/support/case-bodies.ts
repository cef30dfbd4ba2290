/** Request bodies of the DFPA case routes, valid by default, dated relative to today. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
export const daysAhead = (n: number) => daysAgo(-n);

export const bodies = {
  assessment: (over: Record<string, unknown> = {}) => ({
    kind: 'kurzassessment',
    assessedOn: daysAgo(1),
    languages: [
      { language: 'ti', oral: 'C2', written: 'B2', evidence: 'self-declared', assessedOn: daysAgo(1) },
      { language: 'de', oral: 'A2', written: 'A1', evidence: 'fide', assessedOn: daysAgo(3) },
    ],
    yearsOfSchooling: 9,
    literacy: { anyScript: true, latinScript: true },
    qualifications: [{ title: 'Elektriker', country: 'ER', years: 3, recognition: 'pending' }],
    workExperience: [{ field: 'Elektroinstallation', years: 4 }],
    family: { childrenAges: [3, 6], childcareNeeded: true, childcareArranged: false },
    employability: { status: 'arbeitsmarktfaehig', assessedOn: daysAgo(1) },
    goals: ['Lehre als Elektroinstallateur'],
    health: {
      restriction: 'under-clarification',
      workCapacityPercent: 80,
      note: 'Rückenbeschwerden, Abklärung beim Hausarzt',
    },
    ...over,
  }),
  plan: () => ({
    agreedOn: daysAgo(0),
    reviewOn: daysAhead(180),
    goals: [
      { area: 'sprache', target: 'Deutsch B1 mündlich', dueOn: daysAhead(300) },
      { area: 'arbeit', target: 'Lehrstelle', dueOn: daysAhead(600) },
    ],
  }),
  measure: (over: Record<string, unknown> = {}) => ({
    goalArea: 'sprache',
    offerId: 'offer-1234',
    kipArea: 'sprache',
    title: 'Deutschkurs B1 intensiv',
    provider: 'ECAP Solothurn',
    from: daysAgo(0),
    to: daysAhead(120),
    status: 'planned',
    costRappen: 180000,
    ...over,
  }),
  review: () => ({
    reviewedOn: daysAgo(0),
    outcome: 'on-track',
    reasons: 'Kurs regelmässig besucht.',
    nextReviewOn: daysAhead(180),
  }),
};
