import type { CountryDirectory, ResolvedCountry } from '../../master-data/country-directory.js';
import type { MunicipalityDirectory, SolothurnMunicipality } from '../../master-data/municipality-directory.js';
import type { PermitInfo, ResidencePermitCatalog } from '../../rules/residence-permit-catalog.js';
import { decide, type TargetGroupRule } from '../../rules/target-group-rule.js';
import type {
  DeliveryHeader,
  EchMunicipality,
  EchPersonIdentification,
  EchPlace,
  EchRecord,
} from '../ech-record.types.js';
import {
  fullProfile,
  identificationProfile,
  nationalityOf,
  permitOf,
  personalDataOf,
  placeOf,
  sexOf,
  birthOf,
  sourceOf,
} from './person-attributes.js';
import type {
  CorrectedField,
  MunicipalityEnd,
  PersonEventBase,
  PersonEventDataMap,
  PersonProfile,
  PlaceRef,
} from './person-event.types.js';
import type { PersonEventType, SkipReason } from './person-event-types.js';
import { SKIP_REASONS } from './person-event-types.js';
import type { PersonRefFactory, PersonRefs } from './person-ref.js';

export interface MapperDependencies {
  municipalities: MunicipalityDirectory;
  countries: CountryDirectory;
  permits: ResidencePermitCatalog;
  /** The target-group rule in force (versioned; see rules/target-group-rule.ts). */
  rule: TargetGroupRule;
  personRefs: PersonRefFactory;
}

/** What the delivery mapper has settled for one record before it is mapped. */
export interface RecordContext {
  header: DeliveryHeader;
  municipality: SolothurnMunicipality;
  municipalityMatchedByName: boolean;
  /**
   * The residence permit registry-intake last knew for the person (from earlier arrivals, registrations or
   * permit changes), so that person.residence-permit-changed.v1 can carry the previous category. The service looks
   * it up (e.g. by `personRefsOf`) before mapping; without it the previous permit is null.
   */
  previousPermit?: PermitInfo | null;
}

export type EmitOutcome = {
  [T in PersonEventType]: {
    action: 'emit';
    type: T;
    /** The envelope subject: the person reference. */
    subject: string;
    data: PersonEventDataMap[T];
    echEvent: string;
    line: number;
    notes: string[];
  };
}[PersonEventType];

export interface SkipOutcome {
  action: 'skip';
  reason: SkipReason;
  detail: string;
  personRef: string | null;
  echEvent: string;
  line: number;
  notes: string[];
}

/** For each eCH event: a person event to emit, or a skip with its reason for the delivery log. */
export type MapOutcome = EmitOutcome | SkipOutcome;

/** The person references of a record's person, e.g. to look up the previous permit before mapping. */
export function personRefsOf(record: EchRecord, refs: PersonRefFactory): PersonRefs | null {
  if (record.kind === 'identificationConversion' || record.kind === 'baseDeliveryCitizen') return null;
  if (record.kind === 'correctIdentification') return refs.refsOf(record.before);
  if (record.kind === 'moveIn' || record.kind === 'baseDeliveryPerson')
    return refs.refsOf(record.person.identification);
  return record.person ? refs.refsOf(record.person) : null;
}

/**
 * Maps one record of a valid delivery to person events. Pure: the same record, dependencies and context give the
 * same outcomes; nothing is looked up or stored here. The municipality of the record has been resolved by the
 * delivery mapper (delivery-mapper.ts), which also skips records outside the canton.
 */
export function mapRecord(record: EchRecord, deps: MapperDependencies, ctx: RecordContext): MapOutcome[] {
  switch (record.kind) {
    case 'moveIn':
      return [mapMoveIn(record, deps, ctx)];
    case 'baseDeliveryPerson':
      return [mapBaseDeliveryPerson(record, deps, ctx)];
    case 'baseDeliveryCitizen':
      // Counted, not logged one by one (see OutcomeSink.add): no person reference is needed.
      return [skip('swiss-citizen', SKIP_REASONS['swiss-citizen'], record, null)];
    case 'move':
      return [mapMove(record, deps, ctx)];
    case 'moveOut':
      return [mapMoveOut(record, deps, ctx)];
    case 'changeResidencePermit':
      return [mapPermitChange(record, deps, ctx)];
    case 'naturalizeForeigner': {
      const m = start(record.person, record, deps, ctx, record.naturalizationDate ?? ctx.header.eventDate);
      return [
        emit('person.naturalized.v1', m, {
          ...m.base,
          ...identificationProfile(record.person),
          naturalizationDate: record.naturalizationDate ?? null,
        }),
      ];
    }
    case 'death': {
      const m = start(record.person, record, deps, ctx, record.dateOfDeath ?? ctx.header.eventDate);
      return [
        emit('person.died.v1', m, {
          ...m.base,
          ...identificationProfile(record.person),
          dateOfDeath: record.dateOfDeath ?? null,
        }),
      ];
    }
    case 'correctName':
    case 'changeName':
    case 'correctNationality':
    case 'changeNationality':
    case 'correctResidencePermit':
    case 'correctBirthInfo':
    case 'changeSex':
      return [mapCorrection(record, deps, ctx)];
    case 'correctIdentification':
      return [mapIdentification(record.echEvent, record.line, record.before, record.after, deps, ctx)];
    case 'identificationConversion':
      return record.persons.map((p) =>
        mapIdentification(
          record.echEvent,
          record.line,
          { vn: p.vn, localPersonId: p.before, officialName: '', firstName: '' },
          { vn: p.vn, localPersonId: p.after },
          deps,
          ctx,
        ),
      );
    case 'other':
      return [
        skip(
          'not-used',
          `${record.echEvent}: ${SKIP_REASONS['not-used']}`,
          record,
          record.person ? deps.personRefs.refsOf(record.person).personRef : null,
        ),
      ];
  }
}

interface Started {
  refs: PersonRefs;
  base: PersonEventBase;
  echEvent: string;
  line: number;
  notes: string[];
}

function start(
  person: EchPersonIdentification,
  record: { echEvent: string; line: number },
  deps: MapperDependencies,
  ctx: RecordContext,
  eventDate: string | undefined,
): Started {
  const refs = deps.personRefs.refsOf(person);
  return {
    refs,
    echEvent: record.echEvent,
    line: record.line,
    notes: [...refs.notes],
    base: {
      personRef: refs.personRef,
      alternatePersonRefs: refs.alternatePersonRefs,
      bfsNumber: ctx.municipality.bfsNumber,
      municipalityName: ctx.municipality.name,
      municipalityMatchedByName: ctx.municipalityMatchedByName,
      eventDate: eventDate ?? null,
      source: sourceOf(ctx.header, record.echEvent),
    },
  };
}

function emit<T extends PersonEventType>(type: T, m: Started, data: PersonEventDataMap[T]): MapOutcome {
  return {
    action: 'emit',
    type,
    subject: m.refs.personRef,
    data,
    echEvent: m.echEvent,
    line: m.line,
    notes: m.notes,
  } as MapOutcome;
}

function skip(
  reason: SkipReason,
  detail: string,
  record: { echEvent: string; line: number },
  personRef: string | null,
  notes: string[] = [],
): SkipOutcome {
  return { action: 'skip', reason, detail, personRef, echEvent: record.echEvent, line: record.line, notes };
}

/** A "foreign country" that is Switzerland is a register error; the origin is then treated as unknown. */
function isSwitzerland(country: ResolvedCountry | null): boolean {
  return country?.iso2 === 'CH' || country?.bfsCode === 8100;
}

function originOf(
  place: EchPlace | undefined,
  deps: MapperDependencies,
  notes: string[],
): { comesFrom: PlaceRef; unknown: boolean } {
  const unknown: PlaceRef = {
    kind: 'unknown',
    country: null,
    town: null,
    bfsNumber: null,
    municipalityName: null,
    canton: null,
  };
  if (!place || place.kind === 'unknown') return { comesFrom: unknown, unknown: true };
  const ref = placeOf(place, deps.countries);
  if (ref.kind === 'foreignCountry') {
    if (ref.country === null) return { comesFrom: { ...unknown, town: ref.town }, unknown: true };
    if (isSwitzerland(ref.country)) {
      notes.push('comesFrom names Switzerland as a foreign country; treated as unknown origin');
      return { comesFrom: unknown, unknown: true };
    }
    if (ref.country.matchedByName)
      notes.push(`country of origin "${ref.country.name}" had no code; matched by name (BFS ${ref.country.bfsCode})`);
  }
  return { comesFrom: ref, unknown: false };
}

function municipalityEnd(m: EchMunicipality, deps: MapperDependencies, notes: string[]): MunicipalityEnd {
  const r = deps.municipalities.resolve(m);
  if (r.status === 'found') {
    if (r.note) notes.push(r.note);
    return { bfsNumber: r.municipality.bfsNumber, municipalityName: r.municipality.name, canton: 'SO', inCanton: true };
  }
  return {
    bfsNumber: m.bfsNumber ?? null,
    municipalityName: m.name ?? null,
    canton: m.canton ?? null,
    inCanton: false,
  };
}

function here(ctx: RecordContext): MunicipalityEnd {
  return {
    bfsNumber: ctx.municipality.bfsNumber,
    municipalityName: ctx.municipality.name,
    canton: 'SO',
    inCanton: true,
  };
}

function nationalityNotes(profile: PersonProfile, notes: string[]): void {
  for (const c of profile.nationality?.countries ?? []) {
    if (c.matchedByName)
      notes.push(`nationality "${c.name}" had no code; matched by name (BFS ${c.bfsCode}, ${c.iso2 ?? 'no ISO code'})`);
  }
}

function mapMoveIn(
  record: Extract<EchRecord, { kind: 'moveIn' }>,
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const { person, residence } = record;
  const m = start(person.identification, record, deps, ctx, residence.arrivalDate ?? ctx.header.eventDate);
  if (residence.type !== 'main')
    return skip(
      'not-main-residence',
      `moveIn as ${residence.type} residence: ${SKIP_REASONS['not-main-residence']}`,
      record,
      m.refs.personRef,
    );
  if (!person.residencePermit) return skip('swiss-citizen', SKIP_REASONS['swiss-citizen'], record, m.refs.personRef);
  const profile = fullProfile(person, residence.dwelling, deps.countries, deps.permits);
  nationalityNotes(profile, m.notes);
  const personalData = personalDataOf(person.identification, person.name, residence.dwelling);

  if (residence.comesFrom?.kind === 'swissTown') {
    const from = municipalityEnd(residence.comesFrom.municipality, deps, m.notes);
    return emit('person.moved.v1', m, {
      ...m.base,
      ...profile,
      moveKind: from.inCanton ? 'between-solothurn-municipalities' : 'into-canton',
      from,
      to: here(ctx),
      movedOn: residence.arrivalDate ?? null,
      personalData,
    });
  }
  const origin = originOf(residence.comesFrom, deps, m.notes);
  if (origin.unknown) m.notes.push('origin unknown: arrival flagged comesFromUnknown');
  return emit('person.arrived.v1', m, {
    ...m.base,
    ...profile,
    arrivalDate: residence.arrivalDate ?? ctx.header.eventDate ?? '',
    entryDate: profile.residencePermit?.entryDate ?? null,
    comesFrom: origin.comesFrom,
    comesFromUnknown: origin.unknown,
    residenceType: 'main',
    targetGroup: decide(deps.rule, profile.residencePermit ?? person.residencePermit.code),
    personalData,
  });
}

function mapBaseDeliveryPerson(
  record: Extract<EchRecord, { kind: 'baseDeliveryPerson' }>,
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const { person, residence } = record;
  const m = start(person.identification, record, deps, ctx, record.validFrom ?? ctx.header.eventDate);
  if (residence.type !== 'main')
    return skip(
      'not-main-residence',
      `${residence.type} residence: ${SKIP_REASONS['not-main-residence']}`,
      record,
      m.refs.personRef,
    );
  if (!person.residencePermit) return skip('swiss-citizen', SKIP_REASONS['swiss-citizen'], record, m.refs.personRef);
  const profile = fullProfile(person, residence.dwelling, deps.countries, deps.permits);
  nationalityNotes(profile, m.notes);
  return emit('person.registered.v1', m, {
    ...m.base,
    ...profile,
    arrivalDate: residence.arrivalDate ?? null,
    comesFrom: residence.comesFrom ? originOf(residence.comesFrom, deps, m.notes).comesFrom : null,
    residenceType: 'main',
    baseDelivery: {
      messageId: ctx.header.messageId ?? null,
      validFrom: record.validFrom ?? null,
      position: record.index,
    },
    targetGroup: decide(deps.rule, profile.residencePermit ?? person.residencePermit.code),
    personalData: personalDataOf(person.identification, person.name, residence.dwelling),
  });
}

function mapMove(
  record: Extract<EchRecord, { kind: 'move' }>,
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const m = start(record.person, record, deps, ctx, record.dwelling?.movingDate ?? ctx.header.eventDate);
  const profile = { ...identificationProfile(record.person), householdId: record.dwelling?.householdId ?? null };
  return emit('person.moved.v1', m, {
    ...m.base,
    ...profile,
    moveKind: 'within-municipality',
    from: here(ctx),
    to: here(ctx),
    movedOn: record.dwelling?.movingDate ?? ctx.header.eventDate ?? null,
    personalData: personalDataOf(record.person, undefined, record.dwelling),
  });
}

function mapMoveOut(
  record: Extract<EchRecord, { kind: 'moveOut' }>,
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const m = start(record.person, record, deps, ctx, record.departureDate ?? ctx.header.eventDate);
  const profile = identificationProfile(record.person);
  const goesTo = record.goesTo;
  if (goesTo?.kind === 'swissTown') {
    const to = municipalityEnd(goesTo.municipality, deps, m.notes);
    if (to.inCanton && to.bfsNumber !== ctx.municipality.bfsNumber) {
      return emit('person.moved.v1', m, {
        ...m.base,
        ...profile,
        moveKind: 'between-solothurn-municipalities',
        from: here(ctx),
        to,
        movedOn: record.departureDate ?? null,
        personalData: personalDataOf(record.person, undefined, undefined),
      });
    }
    return emit('person.departed.v1', m, {
      ...m.base,
      ...profile,
      departureDate: record.departureDate ?? null,
      destination: {
        kind: to.inCanton ? 'unknown' : 'other-canton',
        country: null,
        bfsNumber: to.bfsNumber,
        municipalityName: to.municipalityName,
        canton: to.canton,
      },
    });
  }
  let country: ResolvedCountry | null = null;
  let kind: 'abroad' | 'unknown' = 'unknown';
  if (goesTo?.kind === 'foreignCountry') {
    country = deps.countries.resolve(goesTo.country);
    if (isSwitzerland(country)) {
      m.notes.push('goesTo names Switzerland as a foreign country; destination treated as unknown');
      country = null;
    } else kind = 'abroad';
  }
  return emit('person.departed.v1', m, {
    ...m.base,
    ...profile,
    departureDate: record.departureDate ?? null,
    destination: { kind, country, bfsNumber: null, municipalityName: null, canton: null },
  });
}

function mapPermitChange(
  record: Extract<EchRecord, { kind: 'changeResidencePermit' }>,
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const permit = permitOf(record.permit, deps.permits);
  const m = start(record.person, record, deps, ctx, permit?.validFrom ?? ctx.header.eventDate);
  if (!permit) {
    const code = record.permit?.code;
    return skip(
      'no-change',
      code ? `residence permit code "${code}" is no eCH-0006 category` : 'the new residence permit has no code (nil)',
      record,
      m.refs.personRef,
      m.notes,
    );
  }
  const previous = ctx.previousPermit ?? null;
  return emit('person.residence-permit-changed.v1', m, {
    ...m.base,
    ...identificationProfile(record.person),
    residencePermit: permit,
    previousPermit: previous,
    categoryChanged: previous ? previous.category !== permit.category : null,
  });
}

function mapCorrection(
  record: Extract<
    EchRecord,
    {
      kind:
        | 'correctName'
        | 'changeName'
        | 'correctNationality'
        | 'changeNationality'
        | 'correctResidencePermit'
        | 'correctBirthInfo'
        | 'changeSex';
    }
  >,
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const m = start(record.person, record, deps, ctx, ctx.header.eventDate);
  const profile = identificationProfile(record.person);
  const changes: CorrectedField[] = [];
  let name;
  switch (record.kind) {
    case 'correctName':
    case 'changeName':
      changes.push('name');
      name = record.name;
      break;
    case 'correctNationality':
    case 'changeNationality':
      changes.push('nationality');
      profile.nationality = nationalityOf(record.nationality, deps.countries);
      nationalityNotes(profile, m.notes);
      break;
    case 'correctResidencePermit':
      changes.push('residencePermit');
      profile.residencePermit = permitOf(record.permit, deps.permits);
      break;
    case 'correctBirthInfo':
      if (record.dateOfBirth) Object.assign(profile, birthOf(record.dateOfBirth));
      if (record.dateOfBirth?.value !== record.person.dateOfBirth?.value) changes.push('dateOfBirth');
      if (record.sex !== undefined) profile.sex = sexOf(record.sex);
      if (record.sex !== undefined && record.sex !== record.person.sex) changes.push('sex');
      if (changes.length === 0) changes.push('dateOfBirth');
      break;
    case 'changeSex':
      changes.push('sex');
      profile.sex = sexOf(record.sex);
      break;
  }
  const [first, ...more] = changes;
  if (!first) throw new Error(`${record.kind}: a correction names at least one corrected field`); // every case above names one
  return emit('person.corrected.v1', m, {
    ...m.base,
    ...profile,
    correctionKind: record.kind.startsWith('change') ? 'change' : 'correction',
    changes: [first, ...more],
    previousPersonRef: null,
    personalData: personalDataOf(record.person, name, undefined),
  });
}

function mapIdentification(
  echEvent: string,
  line: number,
  before: EchPersonIdentification,
  after: { vn?: string; localPersonId?: { category: string; id: string } },
  deps: MapperDependencies,
  ctx: RecordContext,
): MapOutcome {
  const previous = deps.personRefs.refsOf(before);
  const next = { ...before, vn: after.vn ?? before.vn, localPersonId: after.localPersonId ?? before.localPersonId };
  const m = start(next, { echEvent, line }, deps, ctx, ctx.header.eventDate);
  if (m.refs.personRef === previous.personRef) {
    return skip(
      'no-change',
      'the identification changed, but not the person reference',
      { echEvent, line },
      m.refs.personRef,
      m.notes,
    );
  }
  return emit('person.corrected.v1', m, {
    ...m.base,
    ...identificationProfile(next),
    alternatePersonRefs: [...new Set([...m.refs.alternatePersonRefs, previous.personRef])],
    correctionKind: 'correction',
    changes: ['identification'],
    previousPersonRef: previous.personRef,
    personalData: personalDataOf(next, undefined, undefined),
  });
}
