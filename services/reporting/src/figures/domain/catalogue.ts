/**
 * The figure catalogue (issue 14 point 2): for every figure what counts, from which events, persons or events,
 * and by which date. Versioned: a snapshot names the version it was computed with; a changed definition is a
 * new catalogue version, never an edit of a published one (the EFK asks for stable, documented definitions, R19a).
 */
export type Unit = 'persons' | 'events' | 'days' | 'rappen' | 'share';
export type Audience = 'ags' | 'gemeinde' | 'sozialregion' | 'migrationsamt';
/** How a figure's value is formed from its facts. */
export type Aggregate = 'count' | 'sum' | 'median-p90' | 'share';

export interface FigureDefinition {
  readonly key: string;
  readonly title: { readonly de: string; readonly en: string };
  /** What counts, in German, as shown beside the figure in the PDF report. */
  readonly definition: string;
  readonly sources: readonly string[];
  readonly unit: Unit;
  readonly aggregate: Aggregate;
  /** The date that puts a fact into a period. */
  readonly dateBasis: string;
  /** The variants a figure splits into (form, outcome, language …); `null` where they are open (languages). */
  readonly variants: readonly string[] | null;
  readonly audiences: readonly Audience[];
  /** KIP 3 Förderbereich or SEM key figure it feeds, where it does. */
  readonly kip?: string;
}

export const BREAKDOWNS = ['euEfta', 'permit', 'nationalityGroup', 'ageGroup', 'sex'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  euEfta: 'EU/EFTA oder Drittstaat',
  permit: 'Bewilligungskategorie',
  nationalityGroup: 'Nationalitätengruppe',
  ageGroup: 'Altersgruppe',
  sex: 'Geschlecht',
};

const ALL: readonly Audience[] = ['ags', 'gemeinde', 'sozialregion'];
const CASE_PERSONS = 'Personen: ein Fall je Person und Zuzug aus dem Ausland; wer erneut zuzieht, zählt erneut.';

const figures: readonly FigureDefinition[] = [
  {
    key: 'arrivals',
    title: { de: 'Zuzüge in der Zielgruppe', en: 'Arrivals in the target group' },
    definition: `Eröffnete Integrationsfälle nach Zuzug aus dem Ausland (Zielgruppenregel von registry-intake). ${CASE_PERSONS}`,
    sources: ['case.opened.v1'],
    unit: 'persons',
    aggregate: 'count',
    dateBasis: 'Anmeldedatum (registrationDate)',
    variants: [''],
    audiences: ALL,
  },
  {
    key: 'first-information',
    title: { de: 'Mit Erstinformation erreichte Personen', en: 'Persons reached by first information' },
    definition: `Personen, deren Erstinformation erfasst ist, nach Form: Gespräch (talk) oder abgegebene Erstinformationsmappe (info-folder). ${CASE_PERSONS}`,
    sources: ['case.first-information-completed.v1'],
    unit: 'persons',
    aggregate: 'count',
    dateBasis: 'Datum der Erstinformation (completedOn)',
    variants: ['talk', 'info-folder'],
    audiences: ALL,
    kip: 'SEM-Kennzahl Erstinformation; KIP 3 Information, Abklärung Integrationsbedarf und Beratung',
  },
  {
    key: 'first-information-deadline',
    title: { de: 'Erstinformation innert Frist', en: 'First information within the deadline' },
    definition:
      'Mit Erstinformation erreichte Personen nach Einhaltung der Frist (within: bis und mit Fälligkeitsdatum; late: danach).',
    sources: ['case.first-information-completed.v1'],
    unit: 'persons',
    aggregate: 'count',
    dateBasis: 'Datum der Erstinformation (completedOn)',
    variants: ['within', 'late'],
    audiences: ALL,
  },
  {
    key: 'first-information-days',
    title: { de: 'Tage von der Anmeldung bis zur Erstinformation', en: 'Days from registration to first information' },
    definition:
      'Kalendertage vom Anmeldedatum des Falls bis zur Erstinformation; Median und 90. Perzentil über die Personen der Periode.',
    sources: ['case.opened.v1', 'case.first-information-completed.v1'],
    unit: 'days',
    aggregate: 'median-p90',
    dateBasis: 'Datum der Erstinformation (completedOn)',
    variants: [''],
    audiences: ALL,
  },
  {
    key: 'first-information-talks',
    title: { de: 'Erstinformationsgespräche', en: 'First-information talks' },
    definition: 'Geführte Erstinformationsgespräche; ein Gespräch mit einem Haushalt zählt einmal (gleiche talkId).',
    sources: ['case.first-information-completed.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Gesprächsdatum (completedOn)',
    variants: [''],
    audiences: ALL,
  },
  {
    key: 'interpreter-talks',
    title: { de: 'Gespräche mit Dolmetschenden nach Sprache', en: 'Talks with an interpreter by language' },
    definition:
      'Erstinformations- und Integrationsgespräche, an denen interkulturell Dolmetschende teilnahmen, nach Sprache (ISO 639-3); ein Haushaltsgespräch zählt einmal.',
    sources: ['case.first-information-completed.v1', 'case.integration-talk-held.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Gesprächsdatum',
    variants: null,
    audiences: ALL,
    kip: 'KIP 3 Dolmetschen',
  },
  {
    key: 'integration-talks',
    title: { de: 'Integrationsgespräche', en: 'Integration talks' },
    definition: 'Geführte Integrationsgespräche (Fordern), erstes (first) oder weiteres (follow-up) Gespräch im Fall.',
    sources: ['case.integration-talk-held.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Gesprächsdatum (heldOn)',
    variants: ['first', 'follow-up'],
    audiences: ALL,
    kip: 'SEM-Kennzahl Beratungsgespräche',
  },
  {
    key: 'agreements',
    title: { de: 'Integrationsvereinbarungen der Gemeinde', en: 'Municipal integration agreements' },
    definition: 'Abgeschlossene kommunale (nicht verbindliche) Integrationsvereinbarungen.',
    sources: ['case.agreement-concluded.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Abschlussdatum (concludedOn)',
    variants: [''],
    audiences: ALL,
  },
  {
    key: 'agreement-reviews',
    title: { de: 'Überprüfungen von Vereinbarungen nach Ergebnis', en: 'Agreement reviews by outcome' },
    definition:
      'Überprüfungen kommunaler Integrationsvereinbarungen nach Ergebnis (erfüllt, teilweise, nicht erfüllt).',
    sources: ['case.agreement-reviewed.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Datum der Überprüfung (reviewedOn)',
    variants: ['fulfilled', 'partly-fulfilled', 'not-fulfilled'],
    audiences: ALL,
  },
  {
    key: 'migrationsamt-reports',
    title: { de: 'Meldungen an das Migrationsamt', en: 'Reports to the Migrationsamt' },
    definition: 'Meldungen der Gemeinden an das Migrationsamt nach Grund.',
    sources: ['case.reported-to-migrationsamt.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Meldedatum (reportedOn)',
    variants: ['agreement-not-fulfilled', 'integration-refused', 'other'],
    audiences: ['ags', 'gemeinde', 'migrationsamt'],
  },
  {
    key: 'migrationsamt-decisions',
    title: { de: 'Entscheide des Migrationsamts', en: 'Decisions of the Migrationsamt' },
    definition:
      'Entscheide des Migrationsamts auf Meldungen: verbindliche Vereinbarung, Empfehlung, Massnahme, kein Handlungsbedarf.',
    sources: ['case.migrationsamt-decision-recorded.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Entscheiddatum (decidedOn)',
    variants: ['binding-agreement', 'recommendation', 'measure', 'no-action'],
    audiences: ['ags', 'gemeinde', 'migrationsamt'],
  },
  {
    key: 'dfpa-handovers',
    title: { de: 'DFPA-Übergaben nach Antwort der Sozialregion', en: 'DFPA hand-overs by answer' },
    definition:
      'Von der Sozialregion beantwortete Übergaben zur durchgehenden Fallführung: übernommen (accepted) oder abgelehnt (rejected). Die Übergabeanfrage selbst enthält Personendaten und erreicht das Reporting nicht.',
    sources: ['dfpa.case-accepted.v1', 'dfpa.case-rejected.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Datum der Antwort',
    variants: ['accepted', 'rejected'],
    audiences: ALL,
    kip: 'IAS: durchgehende Fallführung',
  },
  {
    key: 'dfpa-exits',
    title: { de: 'DFPA-Abschlüsse nach Grund', en: 'DFPA exits by reason' },
    definition: 'An die Gemeinde zurückgegebene DFPA-Fälle nach Grund.',
    sources: ['dfpa.case-returned.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Rückgabedatum (returnedOn)',
    variants: ['goals-reached', 'no-further-need', 'person-not-cooperating', 'person-moved', 'other'],
    audiences: ALL,
  },
  {
    key: 'dfpa-cases-opened',
    title: { de: 'Direkt eröffnete DFPA-Fälle', en: 'DFPA cases opened directly' },
    definition:
      'Von der Sozialregion ohne Übergabe der Gemeinde eröffnete DFPA-Fälle (je Fall einmal). DFPA-Ereignisse ohne Wohngemeinde zählen nicht.',
    sources: ['dfpa.case-opened.v1'],
    unit: 'persons',
    aggregate: 'count',
    dateBasis: 'Eröffnungsdatum (openedOn)',
    variants: [''],
    audiences: ALL,
  },
  {
    key: 'dfpa-assessments',
    title: { de: 'Potenzialabklärungen nach Arbeitsmarktfähigkeit', en: 'Potential assessments by employability' },
    definition:
      'Abgeschlossene Potenzialabklärungen (jede Version) nach Ergebnis: arbeitsmarktfähig, ausbildungsfähig, noch nicht, offen.',
    sources: ['dfpa.assessment-completed.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Datum der Abklärung (assessedOn)',
    variants: ['arbeitsmarktfaehig', 'ausbildungsfaehig', 'not-yet', 'open'],
    audiences: ALL,
    kip: 'IAS: Potenzialabklärung',
  },
  {
    key: 'dfpa-plans',
    title: { de: 'Integrationspläne', en: 'Integration plans' },
    definition: 'Vereinbarte Integrationspläne der DFPA: erste Fassung (first) oder überarbeitete (revised).',
    sources: ['dfpa.plan-agreed.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Vereinbarungsdatum (agreedOn)',
    variants: ['first', 'revised'],
    audiences: ALL,
  },
  {
    key: 'dfpa-measures',
    title: { de: 'DFPA-Massnahmen nach KIP-Förderbereich', en: 'DFPA measures by KIP area' },
    definition: 'Begonnene Massnahmen der DFPA-Integrationspläne nach KIP-3-Förderbereich (je Massnahme einmal).',
    sources: ['dfpa.measure-started.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Beginn (startedOn)',
    variants: [
      'information-beratung',
      'diskriminierungsschutz',
      'sprache',
      'fruehe-kindheit',
      'ausbildungs-arbeitsmarktfaehigkeit',
      'dolmetschen',
      'zusammenleben',
    ],
    audiences: ALL,
    kip: 'IAS: Sprachförderung, Ausbildungs- und Arbeitsmarktfähigkeit',
  },
  {
    key: 'dfpa-rav-reports',
    title: { de: 'Meldungen an das RAV', en: 'Reports to the RAV' },
    definition: 'Meldungen arbeitsmarktfähiger VA/FL an die öffentliche Arbeitsvermittlung (VIntA Art. 9).',
    sources: ['dfpa.rav-reported.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Meldedatum (reportedOn)',
    variants: [''],
    audiences: ALL,
    kip: 'VIntA Art. 9: Zahl der Meldungen',
  },
  {
    key: 'dfpa-placements',
    title: { de: 'Vermittlungen nach Art', en: 'Placements by kind' },
    definition: 'Vermittlungen in Arbeit, Lehre, Praktikum oder Ausbildung (VIntA Art. 9).',
    sources: ['dfpa.placement-recorded.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Datum (placedOn)',
    variants: ['employment', 'apprenticeship', 'internship', 'training'],
    audiences: ALL,
    kip: 'VIntA Art. 9: Zahl der Vermittlungen',
  },
  {
    key: 'dfpa-closed',
    title: { de: 'Abgeschlossene DFPA-Fälle nach Grund', en: 'DFPA cases closed by reason' },
    definition: 'Abgeschlossene DFPA-Fälle nach Austrittsgrund (je Fall einmal).',
    sources: ['dfpa.case-closed.v1'],
    unit: 'persons',
    aggregate: 'count',
    dateBasis: 'Abschlussdatum (closedOn)',
    variants: ['departure', 'naturalisation', 'death', 'goals-reached', 'other', 'moved-to-region'],
    audiences: ALL,
  },
  {
    key: 'offer-participations',
    title: { de: 'Teilnahmen an Angeboten nach Kategorie', en: 'Offer participations by category' },
    definition:
      'Teilnahmen an Angeboten der Angebotsplattform (je Zuweisung einmal, ab der ersten gemeldeten Stufe) nach Kategorie.',
    sources: ['offer.participation-recorded.v1'],
    unit: 'persons',
    aggregate: 'count',
    dateBasis: 'Datum der ersten Meldung (on)',
    variants: [
      'language',
      'early-childhood',
      'work-readiness',
      'living-together',
      'counselling',
      'interpreting',
      'first-information',
    ],
    audiences: ALL,
    kip: 'SEM-Kennzahl Sprachkursteilnahmen (Kategorie language)',
  },
  {
    key: 'mentoring-tandems',
    title: { de: 'Aktivierte Mentoring-Tandems', en: 'Mentoring tandems activated' },
    definition: 'Tandems der regionalen Mentoring-Pools, die aktiv wurden (je Tandem einmal).',
    sources: ['mentoring.tandem-activated.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Aktivierungsdatum (on)',
    variants: [''],
    audiences: ALL,
    kip: 'KIP 3 Zusammenleben',
  },
  {
    key: 'mentoring-tandems-ended',
    title: { de: 'Beendete Mentoring-Tandems nach Ergebnis', en: 'Mentoring tandems ended by outcome' },
    definition: 'Beendete Tandems nach Zielerreichung.',
    sources: ['mentoring.tandem-ended.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Enddatum (on)',
    variants: ['goals-reached', 'partly-reached', 'not-reached', 'unknown'],
    audiences: ALL,
  },
  {
    key: 'referrals',
    title: { de: 'Zuweisungen nach KIP-Förderbereich', en: 'Referrals by KIP area' },
    definition:
      'Zuweisungen zu Angeboten und Regelstrukturen nach KIP-3-Förderbereich: Sprache (language), Ausbildungs- und Arbeitsmarktfähigkeit (education-work), Zusammenleben (social), übrige (other).',
    sources: ['case.referral-made.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Datum der Zuweisung (madeOn)',
    variants: ['language', 'education-work', 'social', 'other'],
    audiences: ALL,
    kip: 'KIP 3 Sprache; Ausbildungs- und Arbeitsmarktfähigkeit; Zusammenleben',
  },
  {
    key: 'cases-closed',
    title: { de: 'Abgeschlossene Fälle nach Grund', en: 'Cases closed by reason' },
    definition: 'Abgeschlossene Integrationsfälle nach Grund (Wegzug, Einbürgerung, Tod, Abschluss durch die IB).',
    sources: ['case.closed.v1'],
    unit: 'events',
    aggregate: 'count',
    dateBasis: 'Abschlussdatum (closedOn)',
    variants: ['departed-abroad', 'departed-other-canton', 'naturalised', 'died', 'closed-by-officer'],
    audiences: ALL,
  },
  {
    key: 'subsidies-approved',
    title: { de: 'Bewilligte Subventionen', en: 'Subsidies approved' },
    definition: 'Von AGS (Vier-Augen-Prinzip) bewilligte Abrechnungen der Gemeinden, in Rappen.',
    sources: ['subsidy.claim-approved.v1'],
    unit: 'rappen',
    aggregate: 'sum',
    dateBasis: 'Bewilligungsdatum (approvedAt, Schweizer Tag)',
    variants: [''],
    audiences: ['ags', 'gemeinde'],
  },
  {
    key: 'subsidies-paid',
    title: { de: 'Ausbezahlte Subventionen', en: 'Subsidies paid' },
    definition: 'Ausbezahlte Abrechnungen der Gemeinden, in Rappen.',
    sources: ['subsidy.claim-paid.v1'],
    unit: 'rappen',
    aggregate: 'sum',
    dateBasis: 'Zahlungsdatum (paidOn)',
    variants: [''],
    audiences: ['ags', 'gemeinde'],
  },
  {
    key: 'active-municipalities',
    title: { de: 'Anteil aktiver Gemeinden', en: 'Share of municipalities active' },
    definition:
      'Gemeinden mit mindestens einer Erstinformation in der Periode, geteilt durch die Gemeinden mit mindestens einem Zuzug in der Zielgruppe oder einer Erstinformation in der Periode (Gemeinden mit zu informierenden Neuzuziehenden); Zähler und Nenner werden gezeigt. Referenz: 90 % (2019, seed 001).',
    sources: ['case.opened.v1', 'case.first-information-completed.v1'],
    unit: 'share',
    aggregate: 'share',
    dateBasis: 'wie die beiden Grundzahlen',
    variants: [''],
    audiences: ['ags'],
  },
];

export interface Catalogue {
  readonly version: string;
  readonly validFrom: string;
  readonly figures: readonly FigureDefinition[];
}

/**
 * Version 2026.1: the figures the events in contracts/ carry today (case, dfpa, offer, mentoring, subsidy).
 * case.counting-attributes-changed.v1 is logged but changes no fact: every fact keeps the attributes its own event
 * carried on its date.
 */
export const CATALOGUE: Catalogue = { version: '2026.1', validFrom: '2026-12-01', figures };

export function figureOf(key: string): FigureDefinition | undefined {
  return CATALOGUE.figures.find((f) => f.key === key);
}
