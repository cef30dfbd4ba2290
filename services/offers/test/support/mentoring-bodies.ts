export const mentorBody = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]/g, '')}@example.org`,
  consentOn: '2026-10-01',
  languages: [
    { code: 'deu', level: 'native' },
    { code: 'eng', level: 'B2' },
  ],
  municipality: 2581,
  interests: ['kochen', 'wandern'],
  availability: ['mo-evening', 'sa-morning'],
  capacity: 1,
  gender: 'female',
  ...over,
});

export const requestBody = (over: Record<string, unknown> = {}) => ({
  menteeRef: 'p-7a1b2c3d4e5f',
  municipality: 2581,
  languages: [
    { code: 'eng', level: 'B1' },
    { code: 'tir', level: 'native' },
  ],
  goals: ['arbeit'],
  interests: ['kochen'],
  availability: ['sa-morning'],
  hard: { mentorGender: 'female' },
  soft: {},
  ...over,
});
