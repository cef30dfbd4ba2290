// Demo offers for the Angebotsplattform: providers and three dozen offers across the regions in de/fr/it/en, created,
// submitted and published through the offers API as AGS (ags.koordination), as a curator would. Called by
// infra/scripts/load-demo-data.mjs; a second run finds the offers by title and adds nothing.
const oidc = process.env.OIDC_AUTH_SERVER_URL ?? 'http://localhost:8080';
const offers = process.env.OFFERS_URL ?? 'http://127.0.0.1:3003';
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const PROVIDERS = [
  {
    id: 'vhs-solothurn',
    name: 'Volkshochschule Region Solothurn',
    kind: 'school',
    place: ['Bielstrasse 12', '4500', 'Solothurn'],
  },
  {
    id: 'caritas-solothurn',
    name: 'Caritas Solothurn',
    kind: 'ngo',
    place: ['Niklaus-Konrad-Strasse 18', '4500', 'Solothurn'],
  },
  {
    id: 'integration-olten',
    name: 'Verein Integration Region Olten',
    kind: 'association',
    place: ['Baslerstrasse 30', '4600', 'Olten'],
  },
  {
    id: 'familienzentrum-grenchen',
    name: 'Familienzentrum Grenchen',
    kind: 'association',
    place: ['Kirchstrasse 6', '2540', 'Grenchen'],
  },
  {
    id: 'stadt-olten',
    name: 'Stadt Olten, Integrationsfachstelle',
    kind: 'public-body',
    municipality: 2581,
    place: ['Dornacherstrasse 1', '4600', 'Olten'],
  },
  {
    id: 'forum-dorneck-thierstein',
    name: 'Forum Integration Dorneck-Thierstein',
    kind: 'association',
    place: ['Hauptstrasse 33', '4143', 'Dornach'],
  },
];

const PLACES = {
  2601: ['Solothurn', '4500', 47.2088, 7.5323],
  2581: ['Olten', '4600', 47.3499, 7.9077],
  2546: ['Grenchen', '2540', 47.1921, 7.3959],
  2513: ['Biberist', '4562', 47.1815, 7.5586],
  2422: ['Balsthal', '4710', 47.3158, 7.6933],
  2473: ['Dornach', '4143', 47.4806, 7.6167],
  2613: ['Breitenbach', '4226', 47.4072, 7.5453],
  2500: ['Trimbach', '4632', 47.3654, 7.8858],
  2583: ['Schönenwerd', '5012', 47.3702, 8.0029],
  2534: ['Zuchwil', '4528', 47.2022, 7.5627],
  2407: ['Oensingen', '4702', 47.2866, 7.7219],
  2543: ['Bettlach', '2544', 47.1999, 7.4244],
};

// Kinds of offers with their texts in the four languages; each is offered in three places.
const KINDS = [
  {
    key: 'deutsch-a1',
    category: 'language',
    cefrFrom: 'pre-A1',
    cefrTo: 'A1',
    held: ['deu'],
    price: 12000,
    childcare: 'on-site',
    provider: 'vhs-solothurn',
    places: [2601, 2534, 2546],
    t: {
      de: [
        'Deutschkurs A1 mit Kinderbetreuung',
        'Deutsch für den Alltag, zweimal pro Woche',
        'Für Erwachsene ohne Vorkenntnisse. Kleine Gruppen, Kinderbetreuung im Haus.',
      ],
      fr: [
        'Cours d’allemand A1 avec garde d’enfants',
        'L’allemand au quotidien, deux fois par semaine',
        'Pour adultes débutants. Petits groupes, garde d’enfants sur place.',
      ],
      it: [
        'Corso di tedesco A1 con custodia dei bambini',
        'Il tedesco per la vita quotidiana, due volte alla settimana',
        'Per adulti principianti. Piccoli gruppi, custodia dei bambini.',
      ],
      en: [
        'German course A1 with childcare',
        'Everyday German, twice a week',
        'For adult beginners. Small groups, childcare on site.',
      ],
    },
  },
  {
    key: 'deutsch-b1',
    category: 'language',
    cefrFrom: 'A2',
    cefrTo: 'B1',
    held: ['deu'],
    price: 18000,
    childcare: 'none',
    provider: 'integration-olten',
    places: [2581, 2500, 2583],
    t: {
      de: [
        'Deutschkurs B1 für den Beruf',
        'Deutsch für Arbeit und Bewerbung',
        'Vorbereitung auf die fide-Prüfung, mit Übungen zu Gesprächen am Arbeitsplatz.',
      ],
      fr: [
        'Cours d’allemand B1 pour le travail',
        'L’allemand pour le travail et la candidature',
        'Préparation à l’examen fide, avec des exercices de conversation au travail.',
      ],
    },
  },
  {
    key: 'elterncafe',
    category: 'early-childhood',
    held: ['deu', 'tir', 'ara'],
    price: 0,
    childcare: 'on-site',
    provider: 'familienzentrum-grenchen',
    places: [2546, 2543, 2601],
    t: {
      de: [
        'Elterncafé für Familien mit kleinen Kindern',
        'Austausch über Spiel, Sprache und Schule',
        'Jeden Mittwochmorgen; Kinder spielen im Nebenraum. Dolmetschende auf Anfrage.',
      ],
      fr: [
        'Café des parents pour familles avec jeunes enfants',
        'Échanges sur le jeu, la langue et l’école',
        'Chaque mercredi matin ; les enfants jouent à côté. Interprètes sur demande.',
      ],
      en: [
        'Parents’ café for families with young children',
        'Talk about play, language and school',
        'Every Wednesday morning; children play next door. Interpreters on request.',
      ],
    },
  },
  {
    key: 'bewerbung',
    category: 'work-readiness',
    held: ['deu', 'eng'],
    price: 0,
    childcare: 'none',
    provider: 'caritas-solothurn',
    places: [2601, 2513, 2407],
    t: {
      de: [
        'Bewerbungswerkstatt',
        'Lebenslauf, Bewerbung und Vorstellungsgespräch',
        'Einzelberatung und Gruppentermine; bitte Zeugnisse mitbringen.',
      ],
      en: [
        'Job application workshop',
        'CV, application and interview',
        'One-to-one advice and group sessions; please bring your certificates.',
      ],
      it: [
        'Laboratorio di candidatura',
        'Curriculum, candidatura e colloquio',
        'Consulenza individuale e incontri di gruppo; portare i certificati.',
      ],
    },
  },
  {
    key: 'naehtreff',
    category: 'living-together',
    held: ['deu'],
    price: 500,
    childcare: 'on-request',
    provider: 'forum-dorneck-thierstein',
    places: [2473, 2613, 2601],
    t: {
      de: [
        'Nähtreff für Frauen',
        'Nähen, Deutsch sprechen, Kontakte knüpfen',
        'Nähmaschinen und Stoff sind vorhanden. Kinderbetreuung auf Anfrage.',
      ],
      fr: [
        'Atelier couture pour femmes',
        'Coudre, parler allemand, faire des rencontres',
        'Machines à coudre et tissus à disposition. Garde d’enfants sur demande.',
      ],
    },
  },
  {
    key: 'sprachcafe',
    category: 'living-together',
    held: ['deu', 'fra', 'ita'],
    price: 0,
    childcare: 'none',
    provider: 'stadt-olten',
    places: [2581, 2500, 2422],
    t: {
      de: [
        'Sprachcafé: Deutsch sprechen mit Einheimischen',
        'Offener Treffpunkt ohne Anmeldung',
        'Freiwillige aus der Region üben mit Ihnen Alltagsgespräche.',
      ],
      it: [
        'Caffè linguistico: parlare tedesco con gente del posto',
        'Incontro aperto senza iscrizione',
        'Volontari della regione praticano con voi la conversazione quotidiana.',
      ],
      fr: [
        'Café linguistique : parler allemand avec des habitants',
        'Rencontre ouverte sans inscription',
        'Des bénévoles de la région pratiquent la conversation avec vous.',
      ],
    },
  },
  {
    key: 'beratung',
    category: 'counselling',
    held: ['deu', 'eng', 'tir', 'ara', 'fas'],
    price: 0,
    childcare: 'none',
    provider: 'caritas-solothurn',
    places: [2601, 2581, 2473],
    t: {
      de: [
        'Sozialberatung für Neuzugezogene',
        'Fragen zu Wohnen, Versicherungen und Finanzen',
        'Vertrauliche Beratung, mit interkulturell Dolmetschenden.',
      ],
      en: [
        'Social counselling for newcomers',
        'Questions on housing, insurance and money',
        'Confidential advice, with intercultural interpreters.',
      ],
      fr: [
        'Conseil social pour nouveaux arrivants',
        'Questions sur le logement, les assurances et l’argent',
        'Conseil confidentiel, avec des interprètes interculturels.',
      ],
    },
  },
  {
    key: 'dolmetschen',
    category: 'interpreting',
    held: ['tir', 'ara', 'tur', 'sqi', 'ukr'],
    price: 0,
    childcare: 'none',
    provider: 'integration-olten',
    places: [2581, 2601, 2546],
    t: {
      de: [
        'Interkulturelles Dolmetschen für Gespräche',
        'Dolmetschende für Schule, Gemeinde und Gesundheit',
        'Vermittlung qualifizierter Dolmetschender in über 30 Sprachen.',
      ],
    },
  },
  {
    key: 'erstinfo',
    category: 'first-information',
    held: ['deu', 'eng', 'fra', 'ita', 'ukr'],
    price: 0,
    childcare: 'on-site',
    provider: 'stadt-olten',
    places: [2581, 2583, 2500],
    t: {
      de: [
        'Willkommensabend für Neuzugezogene',
        'Erste Informationen zu Leben und Arbeiten in der Region',
        'Behörden, Schulen und Vereine stellen sich vor; mit Apéro.',
      ],
      fr: [
        'Soirée d’accueil pour nouveaux arrivants',
        'Premières informations sur la vie et le travail dans la région',
        'Les autorités, les écoles et les associations se présentent ; avec apéritif.',
      ],
      it: [
        'Serata di benvenuto per nuovi arrivati',
        'Prime informazioni su vita e lavoro nella regione',
        'Autorità, scuole e associazioni si presentano; con aperitivo.',
      ],
      en: [
        'Welcome evening for newcomers',
        'First information on living and working in the region',
        'Authorities, schools and clubs introduce themselves; with drinks.',
      ],
    },
  },
  {
    key: 'computer',
    category: 'work-readiness',
    held: ['deu'],
    price: 6000,
    childcare: 'none',
    provider: 'vhs-solothurn',
    places: [2601, 2422, 2546],
    t: {
      de: [
        'Computerkurs: E-Mail, Internet und Behörden online',
        'Digitale Grundkenntnisse für den Alltag',
        'Vier Abende; Laptops werden gestellt.',
      ],
      it: [
        'Corso di informatica: e-mail, internet e servizi online',
        'Competenze digitali di base',
        'Quattro serate; i portatili sono forniti.',
      ],
    },
  },
  {
    key: 'franzoesisch',
    category: 'language',
    cefrFrom: 'A1',
    cefrTo: 'A2',
    held: ['fra'],
    price: 9000,
    childcare: 'none',
    provider: 'vhs-solothurn',
    places: [2601, 2546, 2543],
    original: 'fr',
    t: {
      fr: [
        'Cours de français A2',
        'Le français pour la vie au pied du Jura',
        'Pour personnes ayant des bases ; conversation et grammaire.',
      ],
      de: [
        'Französischkurs A2',
        'Französisch für das Leben am Jurasüdfuss',
        'Für Personen mit Grundkenntnissen; Konversation und Grammatik.',
      ],
    },
  },
  {
    key: 'lingua',
    category: 'living-together',
    held: ['ita', 'deu'],
    price: 0,
    childcare: 'on-request',
    provider: 'forum-dorneck-thierstein',
    places: [2473, 2613, 2581],
    original: 'it',
    t: {
      it: [
        'Incontri per famiglie italofone',
        'Scambio tra famiglie e informazioni sulla scuola',
        'Una volta al mese, il sabato mattina.',
      ],
      de: [
        'Treffen für italienischsprachige Familien',
        'Austausch unter Familien und Informationen zur Schule',
        'Einmal im Monat am Samstagmorgen.',
      ],
    },
  },
];

async function token() {
  const r = await fetch(`${oidc}/realms/start-integration/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'si-cli',
      username: 'ags.koordination',
      password: 'demo',
    }),
  });
  if (!r.ok) throw new Error(`ags.koordination got no token (${r.status})`);
  return (await r.json()).access_token;
}

export async function loadDemoOffers() {
  const bearer = await token();
  const call = async (method, path, body) => {
    const r = await fetch(`${offers}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, body: await r.json().catch(() => undefined) };
  };
  for (const p of PROVIDERS) {
    const r = await call('POST', '/api/v1/providers', {
      id: p.id,
      name: p.name,
      kind: p.kind,
      municipality: p.municipality ?? null,
      contact: { email: `info@${p.id}.example` },
      address: { street: p.place[0], postcode: p.place[1], place: p.place[2] },
    });
    if (r.status !== 201 && r.status !== 409)
      throw new Error(`provider ${p.id}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const existing = new Set(
    (await call('GET', '/api/v1/offers?limit=200')).body.items.map(
      (o) => o.content.texts[o.content.originalLanguage]?.title + '|' + o.content.locations[0]?.municipality,
    ),
  );
  let published = 0;
  let index = 0;
  for (const kind of KINDS) {
    for (const bfs of kind.places) {
      index += 1;
      const [place, postcode, lat, lon] = PLACES[bfs];
      const original = kind.original ?? 'de';
      const texts = Object.fromEntries(
        Object.entries(kind.t).map(([lang, [title, summary, description]]) => [
          lang,
          { title: `${title} – ${place}`, summary, description },
        ]),
      );
      if (existing.has(`${texts[original].title}|${bfs}`)) continue;
      const body = {
        providerId: kind.provider,
        originalLanguage: original,
        texts,
        category: kind.category,
        ...(kind.cefrFrom ? { cefrFrom: kind.cefrFrom, cefrTo: kind.cefrTo } : {}),
        tags: [],
        languagesHeld: kind.held,
        targetGroup: {
          womenOnly: kind.key === 'naehtreff',
          parents: kind.category === 'early-childhood',
          refugees: true,
          everyone: kind.key !== 'naehtreff',
        },
        locations: [{ street: `Bahnhofstrasse ${index}`, postcode, place, municipality: bfs, lat, lon }],
        online: false,
        regions: [],
        schedule: {
          start: day(-20 + (index % 40)),
          end: day(150 + (index % 90)),
          ...(kind.price ? { sessions: 10 + (index % 10) } : {}),
        },
        freePlaces: index % 12,
        cost: {
          priceRappen: kind.price,
          ...(kind.price > 5000
            ? { reducedPriceRappen: Math.round(kind.price / 3), reductionNote: 'mit KulturLegi' }
            : {}),
          subsidised: kind.category === 'language',
        },
        childcare: kind.childcare,
        accessibility: index % 3 === 0 ? 'unknown' : 'yes',
        registration: {
          url: `https://${kind.provider}.example/angebote/${kind.key}-${bfs}`,
          email: `anmeldung@${kind.provider}.example`,
        },
      };
      const created = await call('POST', '/api/v1/offers', body);
      if (created.status !== 201)
        throw new Error(`offer ${kind.key} ${bfs}: ${created.status} ${JSON.stringify(created.body)}`);
      await call('POST', `/api/v1/offers/${created.body.id}/submit`);
      const done = await call('POST', `/api/v1/offers/${created.body.id}/publish`);
      if (done.status !== 200)
        throw new Error(`publishing ${kind.key} ${bfs}: ${done.status} ${JSON.stringify(done.body)}`);
      published += 1;
    }
  }
  return published;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`  demo offers: ${await loadDemoOffers()} published`);
