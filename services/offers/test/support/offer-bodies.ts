/** Request bodies, valid unless a test overrides a field. */
export const providerBody = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: id === 'vhs-solothurn' ? 'Volkshochschule Region Solothurn' : `Anbieter ${id}`,
  kind: 'association',
  contact: { email: `kurse@${id}.example`, phone: '+41 32 622 00 00' },
  address: { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn' },
  iban: 'CH93 0076 2011 6238 5295 7',
  ...over,
});

export const offerBody = (over: Record<string, unknown> = {}) => ({
  originalLanguage: 'de',
  texts: {
    de: {
      title: 'Französischkurs A1 in Solothurn',
      summary: 'Französisch für den Alltag, abends.',
      description: 'Zehn Abende Französisch für Anfängerinnen und Anfänger mit Kinderbetreuung.',
    },
    fr: {
      title: 'Cours de français A1 à Soleure',
      summary: 'Le français au quotidien, le soir.',
      description: 'Dix soirées de français pour débutantes et débutants, garde d’enfants sur place.',
    },
  },
  category: 'language',
  cefrFrom: 'pre-A1',
  cefrTo: 'A1',
  tags: ['Abendkurs'],
  languagesHeld: ['fra', 'deu'],
  targetGroup: { ageFrom: 16, womenOnly: false, parents: false, refugees: true, everyone: true },
  locations: [
    { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn', municipality: 2601, lat: 47.2092, lon: 7.5331 },
  ],
  online: false,
  regions: [],
  schedule: {
    start: '2030-02-01',
    end: '2030-06-30',
    sessions: 10,
    recurrence: { frequency: 'weekly', interval: 1, weekdays: ['tu'], times: '18:30–20:30' },
  },
  freePlaces: 12,
  cost: { priceRappen: 12000, reducedPriceRappen: 4000, reductionNote: 'mit KulturLegi', subsidised: true },
  childcare: 'on-site',
  accessibility: 'yes',
  registration: {
    deadline: '2030-01-20',
    url: 'https://vhs-solothurn.example/kurse/fr-a1',
    email: 'kurse@vhs-solothurn.example',
  },
  ...over,
});
