import { MunicipalityDirectory } from '../../master-data/municipality-directory.js';
import type { PersonEventType, SkipReason } from '../mapping/person-event-types.js';
import { EchFragments, type Variations } from './ech-fragments.js';
import { EchXmlWriter, type PrefixStyle } from './ech-xml-writer.js';
import { NATIONALITY_POOLS, OTHER_CANTON_TOWNS } from './name-pools.js';
import { addDays, PersonFactory, type GenMunicipality, type GenPerson } from './person-factory.js';
import { SeededRandom } from './seeded-random.js';

/** The kinds of single-event deliveries the generator writes, each with the outcome the mapper should reach. */
export const EVENT_KINDS = {
  'moveIn-abroad': { weight: 38, expected: { emit: 'person.arrived.v1' } },
  'moveIn-abroad-unknown-origin': { weight: 2, expected: { emit: 'person.arrived.v1' } },
  'moveIn-abroad-swiss-citizen': { weight: 3, expected: { skip: 'swiss-citizen' } },
  'moveIn-swissTown-solothurn': { weight: 5, expected: { emit: 'person.moved.v1' } },
  'moveIn-swissTown-other-canton': { weight: 6, expected: { emit: 'person.moved.v1' } },
  move: { weight: 5, expected: { emit: 'person.moved.v1' } },
  'moveOut-abroad': { weight: 6, expected: { emit: 'person.departed.v1' } },
  'moveOut-other-canton': { weight: 4, expected: { emit: 'person.departed.v1' } },
  'moveOut-solothurn': { weight: 2, expected: { emit: 'person.moved.v1' } },
  'moveOut-unknown': { weight: 1, expected: { emit: 'person.departed.v1' } },
  changeResidencePermit: { weight: 10, expected: { emit: 'person.residence-permit-changed.v1' } },
  naturalizeForeigner: { weight: 4, expected: { emit: 'person.naturalized.v1' } },
  death: { weight: 2, expected: { emit: 'person.died.v1' } },
  correctName: { weight: 3, expected: { emit: 'person.corrected.v1' } },
  correctNationality: { weight: 2, expected: { emit: 'person.corrected.v1' } },
  correctResidencePermit: { weight: 2, expected: { emit: 'person.corrected.v1' } },
  correctBirthInfo: { weight: 2, expected: { emit: 'person.corrected.v1' } },
  changeReligion: { weight: 3, expected: { skip: 'not-used' } },
} as const satisfies Record<string, { weight: number; expected: ExpectedOutcome }>;

export type EventKind = keyof typeof EVENT_KINDS;
export type ExpectedOutcome = { emit: PersonEventType } | { skip: SkipReason };

export interface GeneratorOptions {
  /** BFS number of the reporting municipality (default 2601 Solothurn). */
  municipality?: number;
  seed?: number;
  prefixStyle?: PrefixStyle;
  /** eCH-0058 messageId of the (first) delivery; further deliveries get `-2`, `-3` … */
  messageId?: string;
  /** Reference day (ISO date); arrivals lie before it. */
  today?: string;
  testDelivery?: boolean;
  /** xs:date values with `+01:00`. */
  timezoneDates?: boolean;
  /** Share of persons without AHV number, 0..1 (default 0.05). */
  withoutVnShare?: number;
  /** Local person ids start after this one (default 0): the packages of one register must not share ids. */
  firstLocalId?: number;
  variations?: Variations;
}

export interface GeneratedDelivery {
  kind: EventKind | 'baseDelivery';
  messageId: string;
  xml: string;
  expected: ExpectedOutcome;
  /** The persons the event is about (for test assertions). */
  persons: GenPerson[];
}

interface Context {
  rng: SeededRandom;
  factory: PersonFactory;
  writer: EchXmlWriter;
  fragments: EchFragments;
  municipality: GenMunicipality;
  today: string;
  options: GeneratorOptions;
  seq: number;
  /** Persons who arrived earlier in this run, for follow-up events (bounded, so memory stays flat). */
  residents: GenPerson[];
  /** Further members of the last household from abroad: they arrive in the next moveIn deliveries. */
  pendingArrivals: GenPerson[];
}

const RESIDENT_POOL = 5000;

function municipalityOf(bfsNumber: number): GenMunicipality {
  const so = MunicipalityDirectory.load().byBfsNumber(bfsNumber);
  if (so) return { bfsNumber, name: so.name, canton: 'SO' };
  const other = OTHER_CANTON_TOWNS.find(([bfs]) => bfs === bfsNumber);
  return other
    ? { bfsNumber, name: other[1], canton: other[2] }
    : { bfsNumber, name: `Gemeinde ${bfsNumber}`, canton: 'SO' };
}

function createContext(options: GeneratorOptions): Context {
  const rng = new SeededRandom(options.seed ?? 20260301);
  const municipality = municipalityOf(options.municipality ?? 2601);
  const today = options.today ?? '2026-03-01';
  const writer = new EchXmlWriter(options.prefixStyle ?? 'eCH', options.timezoneDates ?? false);
  return {
    rng,
    factory: new PersonFactory(rng, {
      municipality,
      today,
      withoutVnShare: options.withoutVnShare ?? 0.05,
      firstLocalId: options.firstLocalId,
    }),
    writer,
    fragments: new EchFragments(writer, options.variations),
    municipality,
    today,
    options,
    seq: 0,
    residents: [],
    pendingArrivals: [],
  };
}

function messageIdFor(ctx: Context): string {
  ctx.seq++;
  const given = ctx.options.messageId;
  if (given) return (ctx.seq === 1 ? given : `${given}-${ctx.seq}`).slice(0, 36);
  const hex = Array.from({ length: 32 }, () => ctx.rng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function document(
  ctx: Context,
  messageId: string,
  eventDate: string | undefined,
  body: string,
  partialDelivery?: PartialDeliveryHeader,
): string {
  const { writer: w, fragments: f } = ctx;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    w.rootStart() +
    '\n' +
    f.header({
      senderId: `sedex://T1-${ctx.municipality.bfsNumber}-1`,
      messageId,
      messageDate: `${ctx.today}T08:00:00`,
      eventDate,
      testDelivery: ctx.options.testDelivery ?? true,
      partialDelivery,
    }) +
    '\n' +
    body +
    '\n' +
    w.rootEnd() +
    '\n'
  );
}

function remember(ctx: Context, persons: GenPerson[]): void {
  for (const p of persons) {
    if (ctx.residents.length < RESIDENT_POOL) ctx.residents.push(p);
    else ctx.residents[ctx.rng.int(0, RESIDENT_POOL - 1)] = p;
  }
}

/** A foreign resident to write a follow-up event about; creates one when the run has none yet. */
function resident(ctx: Context): GenPerson {
  if (ctx.residents.length === 0) remember(ctx, ctx.factory.foreignHousehold());
  return ctx.rng.pick(ctx.residents);
}

function moveIn(ctx: Context, p: GenPerson, origin: Parameters<EchFragments['place']>[1]): string {
  const { writer: w, fragments: f } = ctx;
  return w.wrap(
    'e20',
    'moveIn',
    f.fullPerson('moveInPerson', p) +
      w.wrap(
        'e20',
        'hasMainResidence',
        f.municipality('e20', 'reportingMunicipality', ctx.municipality) +
          w.date('e20', 'arrivalDate', p.arrivalDate) +
          f.place('comesFrom', origin) +
          f.dwellingAddress(p.household),
      ) +
      f.extension(),
  );
}

function otherSolothurnMunicipality(ctx: Context): GenMunicipality {
  const all = MunicipalityDirectory.load()
    .all()
    .filter((m) => m.bfsNumber !== ctx.municipality.bfsNumber);
  const m = ctx.rng.pick(all);
  return { bfsNumber: m.bfsNumber, name: m.name, canton: 'SO' };
}

/** Renders one delivery of the given kind; follow-up kinds refer to persons who arrived earlier in the run. */
function renderEvent(ctx: Context, kind: EventKind): GeneratedDelivery {
  const { writer: w, fragments: f, rng, factory } = ctx;
  const messageId = messageIdFor(ctx);
  const eventDate = addDays(ctx.today, -rng.int(0, 20));
  let persons: GenPerson[];
  let body: string;
  switch (kind) {
    case 'moveIn-abroad':
    case 'moveIn-abroad-unknown-origin': {
      let p = ctx.pendingArrivals.shift();
      if (!p) {
        const household = factory.foreignHousehold();
        remember(ctx, household);
        [p] = household;
        ctx.pendingArrivals = household.slice(1);
      }
      persons = [p];
      const origin =
        kind === 'moveIn-abroad-unknown-origin'
          ? { kind: 'unknown' as const }
          : {
              kind: 'foreignCountry' as const,
              country: p.nationality === 'CH' ? { bfsCode: 8207, iso2: 'DE', nameDe: 'Deutschland' } : p.nationality,
              town: p.birthTown,
            };
      body = moveIn(ctx, p, origin);
      break;
    }
    case 'moveIn-abroad-swiss-citizen': {
      const p = factory.swissPerson(factory.household(), rng.int(20, 70));
      persons = [p];
      const pool = rng.pick(NATIONALITY_POOLS);
      body = moveIn(ctx, p, {
        kind: 'foreignCountry',
        country: { bfsCode: pool.bfsCode, iso2: pool.iso2, nameDe: pool.nameDe },
      });
      break;
    }
    case 'moveIn-swissTown-solothurn':
    case 'moveIn-swissTown-other-canton': {
      const household = factory.foreignHousehold();
      remember(ctx, household);
      persons = [household[0]];
      const from = kind === 'moveIn-swissTown-solothurn' ? otherSolothurnMunicipality(ctx) : factory.otherCantonTown();
      body = moveIn(ctx, household[0], { kind: 'swissTown', municipality: from });
      break;
    }
    case 'move': {
      const p = resident(ctx);
      persons = [p];
      p.household = factory.household();
      body = w.wrap(
        'e20',
        'move',
        f.personIdentification('e20', 'movePerson', p) +
          w.wrap(
            'e20',
            'moveReportingMunicipality',
            f.municipality('e20', 'reportingMunicipality', ctx.municipality) + f.dwellingAddress(p.household),
          ) +
          f.extension(),
      );
      break;
    }
    case 'moveOut-abroad':
    case 'moveOut-other-canton':
    case 'moveOut-solothurn':
    case 'moveOut-unknown': {
      const p = resident(ctx);
      persons = [p];
      const pool = rng.pick(NATIONALITY_POOLS);
      const goesTo =
        kind === 'moveOut-abroad'
          ? {
              kind: 'foreignCountry' as const,
              country: { bfsCode: pool.bfsCode, iso2: pool.iso2, nameDe: pool.nameDe },
            }
          : kind === 'moveOut-other-canton'
            ? { kind: 'swissTown' as const, municipality: factory.otherCantonTown() }
            : kind === 'moveOut-solothurn'
              ? { kind: 'swissTown' as const, municipality: otherSolothurnMunicipality(ctx) }
              : { kind: 'unknown' as const };
      body = w.wrap(
        'e20',
        'moveOut',
        f.personIdentification('e20', 'moveOutPerson', p) +
          w.wrap(
            'e20',
            'moveOutReportingDestination',
            f.municipality('e20', 'reportingMunicipality', ctx.municipality) +
              w.date('e20', 'departureDate', eventDate) +
              f.place('goesTo', goesTo),
          ) +
          f.extension(),
      );
      break;
    }
    case 'changeResidencePermit':
    case 'correctResidencePermit': {
      const p = resident(ctx);
      persons = [p];
      const next = p.permit?.code.startsWith('08')
        ? rng.pick(['0503', '0202'])
        : p.permit?.code.startsWith('07')
          ? rng.pick(['0201', '0202'])
          : rng.pick(['0301', '0302']);
      const euAware = p.permit?.code.slice(2, 4) === '01' && next.length === 4 ? `${next.slice(0, 2)}01` : next;
      p.permit = { code: euAware, validFrom: eventDate, entryDate: p.permit?.entryDate ?? eventDate };
      body = w.wrap(
        'e20',
        kind,
        f.personIdentification(
          'e20',
          kind === 'changeResidencePermit' ? 'entryResidencePermitPerson' : 'correctResidencePermitPerson',
          p,
        ) +
          f.residencePermitData(p.permit) +
          f.extension(),
      );
      break;
    }
    case 'naturalizeForeigner': {
      const p = resident(ctx);
      persons = [p];
      body = w.wrap(
        'e20',
        'naturalizeForeigner',
        f.personIdentification('e20', 'naturalizeForeignerPerson', p) +
          f.placeOfOriginInfo({ name: ctx.municipality.name.replace(/ \(SO\)$/, ''), canton: 'SO' }, eventDate) +
          w.wrap(
            'e20',
            'nationality',
            w.el('e20', 'nationalityStatus', '2') +
              w.wrap('e20', 'country', w.el('e20', 'countryId', 8100) + w.el('e20', 'countryIdISO2', 'CH')),
          ) +
          f.extension(),
      );
      break;
    }
    case 'death': {
      const p = resident(ctx);
      persons = [p];
      body = w.wrap(
        'e20',
        'death',
        f.personIdentification('e20', 'deathPerson', p) +
          w.wrap('e20', 'deathData', w.wrap('e11', 'deathPeriod', w.date('e11', 'dateFrom', eventDate))) +
          f.extension(),
      );
      break;
    }
    case 'correctName': {
      const p = resident(ctx);
      persons = [p];
      const before = { ...p };
      p.firstName = `${p.firstName.split(' ')[0]}${rng.chance(0.5) ? 'a' : 'e'}`;
      body = w.wrap(
        'e20',
        'correctName',
        f.personIdentification('e20', 'correctNamePerson', before) + f.nameInfo(p) + f.extension(),
      );
      break;
    }
    case 'correctNationality': {
      const p = resident(ctx);
      persons = [p];
      const pool = rng.pick(NATIONALITY_POOLS);
      p.nationality = { bfsCode: pool.bfsCode, iso2: pool.iso2, nameDe: pool.nameDe };
      body = w.wrap(
        'e20',
        'correctNationality',
        f.personIdentification('e20', 'correctNationalityPerson', p) + f.nationalityData(p.nationality) + f.extension(),
      );
      break;
    }
    case 'correctBirthInfo': {
      const p = resident(ctx);
      persons = [p];
      const before = { ...p };
      p.dateOfBirth = `${p.dateOfBirth.slice(0, 8)}${String(rng.int(1, 28)).padStart(2, '0')}`;
      body = w.wrap(
        'e20',
        'correctBirthInfo',
        f.personIdentification('e20', 'correctBirthInfoPerson', before) +
          f.birthInfo(p, p.household.municipality) +
          f.extension(),
      );
      break;
    }
    case 'changeReligion': {
      const p = resident(ctx);
      persons = [p];
      body = w.wrap(
        'e20',
        'changeReligion',
        f.personIdentification('e20', 'changeReligionPerson', p) +
          w.wrap('e20', 'religionData', w.el('e11', 'religion', '121')) +
          f.extension(),
      );
      break;
    }
  }
  return {
    kind,
    messageId,
    xml: document(ctx, messageId, eventDate, body),
    expected: EVENT_KINDS[kind].expected,
    persons,
  };
}

/**
 * Single-event deliveries, as a municipal register sends them one by one: arrivals from abroad (with households),
 * moves, departures, permit changes, naturalisations, deaths, corrections and an unused event. Lazy: the caller
 * decides how many to hold.
 */
export function* generateEventDeliveries(
  count: number,
  options: GeneratorOptions & { kinds?: EventKind[] } = {},
): Generator<GeneratedDelivery> {
  const ctx = createContext(options);
  const kinds = options.kinds ?? (Object.keys(EVENT_KINDS) as EventKind[]);
  for (let i = 0; i < count; i++) {
    yield renderEvent(
      ctx,
      ctx.rng.weighted(kinds, (k) => EVENT_KINDS[k].weight),
    );
  }
}

/** One delivery of one kind, for tests. */
export function generateEventDelivery(kind: EventKind, options: GeneratorOptions = {}): GeneratedDelivery {
  return renderEvent(createContext(options), kind);
}

/** eCH-0058 partialDelivery: this message is package `numberOfActualPackage` of `totalNumberOfPackages` of one register. */
export interface PartialDeliveryHeader {
  uniqueIdDelivery: string;
  totalNumberOfPackages: number;
  numberOfActualPackage: number;
}

export interface BaseDeliveryOptions extends GeneratorOptions {
  /** Share of Swiss citizens in the register (default 0.72, roughly Solothurn's). */
  swissShare?: number;
  /** Write one package of a partial delivery (see basePackages for all packages of one register). */
  partialDelivery?: PartialDeliveryHeader;
}

export interface BaseDeliveryStats {
  persons: number;
  foreign: number;
  swiss: number;
  messageId: string;
}

/**
 * A whole register (baseDelivery) written as a stream of string chunks, one household at a time: 300,000 persons
 * never sit in memory together. `stats` is complete once the iterator is exhausted.
 */
export function baseDeliveryChunks(
  persons: number,
  options: BaseDeliveryOptions = {},
  stats?: Partial<BaseDeliveryStats>,
): Generator<string> {
  return (function* () {
    const ctx = createContext(options);
    const { writer: w, fragments: f, factory, rng } = ctx;
    const messageId = messageIdFor(ctx);
    const swissShare = options.swissShare ?? 0.72;
    const counts = { persons: 0, foreign: 0, swiss: 0 };
    const head = document(ctx, messageId, ctx.today, `<${w.q('e20', 'baseDelivery')}>`, options.partialDelivery);
    yield head.slice(0, head.lastIndexOf(w.rootEnd()));
    let buffer = '';
    while (counts.persons < persons) {
      let household: GenPerson[];
      if (rng.chance(swissShare)) {
        const home = factory.household();
        household = Array.from({ length: rng.int(1, 4) }, () => factory.swissPerson(home));
      } else {
        household = factory.foreignHousehold();
      }
      for (const p of household) {
        if (counts.persons >= persons) break;
        counts.persons++;
        if (p.nationality === 'CH') counts.swiss++;
        else counts.foreign++;
        const fromAbroad = p.nationality !== 'CH' && rng.chance(0.7);
        buffer +=
          '\n' +
          w.wrap(
            'e20',
            'messages',
            f.fullPerson('baseDeliveryPerson', p) +
              w.wrap(
                'e20',
                'hasMainResidence',
                f.municipality('e20', 'reportingMunicipality', ctx.municipality) +
                  w.date('e20', 'arrivalDate', p.arrivalDate) +
                  (fromAbroad && p.nationality !== 'CH'
                    ? f.place('comesFrom', { kind: 'foreignCountry', country: p.nationality })
                    : '') +
                  f.dwellingAddress(p.household),
              ) +
              w.date('e20', 'baseDeliveryValidFrom', ctx.today),
          );
      }
      if (buffer.length > 256 * 1024) {
        yield buffer;
        buffer = '';
      }
    }
    yield `${buffer}\n</${w.q('e20', 'baseDelivery')}>\n${w.rootEnd()}\n`;
    if (stats) Object.assign(stats, counts, { messageId });
  })();
}

/**
 * One register of `persons` split into `packages` packages of a partial delivery (eCH-0058), each a base delivery
 * message of its own with its own messageId (`<messageId>-p<n>` when one is given) and persons (a seed per package).
 */
export function basePackages(
  persons: number,
  packages: number,
  options: BaseDeliveryOptions & { uniqueIdDelivery: string },
): Array<{ number: number; options: BaseDeliveryOptions; persons: number }> {
  if (!Number.isInteger(packages) || packages < 1 || packages > 9999) throw new Error('packages: 1 to 9999 (eCH-0058)');
  if (persons < packages) throw new Error('at least one person per package');
  const per = Math.ceil(persons / packages);
  return Array.from({ length: packages }, (_, i) => ({
    number: i + 1,
    persons: Math.max(0, Math.min(per, persons - i * per)),
    options: {
      ...options,
      seed: (options.seed ?? 20260301) + i,
      firstLocalId: (options.firstLocalId ?? 0) + i * per,
      ...(options.messageId ? { messageId: `${options.messageId.slice(0, 30)}-p${i + 1}` } : {}),
      partialDelivery: {
        uniqueIdDelivery: options.uniqueIdDelivery,
        totalNumberOfPackages: packages,
        numberOfActualPackage: i + 1,
      },
    },
  }));
}
