/** The SEM/KIP key figures, each the catalogue figure (and variant) it is read from. */
export const KIP_KEY_FIGURES = [
  {
    key: 'first-information',
    figure: 'first-information',
    variant: null,
    label: 'Mit Erstinformation erreichte Neuzuziehende',
  },
  {
    key: 'counselling-talks',
    figure: 'integration-talks',
    variant: null,
    label: 'Beratungsgespräche (Integrationsgespräche)',
  },
  { key: 'language-referrals', figure: 'referrals', variant: 'language', label: 'Zuweisungen zu Sprachförderung' },
  {
    key: 'language-course-participations',
    figure: 'offer-participations',
    variant: 'language',
    label: 'Teilnahmen an Sprachkursen',
  },
  {
    key: 'interpreter-talks',
    figure: 'interpreter-talks',
    variant: null,
    label: 'Gespräche mit interkulturell Dolmetschenden',
  },
  {
    key: 'ias-dfpa-accepted',
    figure: 'dfpa-handovers',
    variant: 'accepted',
    label: 'IAS: in die durchgehende Fallführung übernommen',
  },
  { key: 'ias-assessments', figure: 'dfpa-assessments', variant: null, label: 'IAS: Potenzialabklärungen' },
  {
    key: 'ias-rav-reports',
    figure: 'dfpa-rav-reports',
    variant: null,
    label: 'IAS: Meldungen an das RAV (VIntA Art. 9)',
  },
  { key: 'ias-placements', figure: 'dfpa-placements', variant: null, label: 'IAS: Vermittlungen (VIntA Art. 9)' },
] as const;
