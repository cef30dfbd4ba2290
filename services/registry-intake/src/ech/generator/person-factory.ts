import { ahvNumberFromBody } from '../ahv-number.js';
import {
  NATIONALITY_POOLS,
  OTHER_CANTON_TOWNS,
  STREETS,
  SWISS,
  ZIP_BY_BFS,
  type NationalityPool,
} from './name-pools.js';
import type { SeededRandom } from './seeded-random.js';

export interface GenCountry {
  bfsCode: number;
  iso2: string | null;
  nameDe: string;
}

export interface GenMunicipality {
  bfsNumber: number;
  name: string;
  canton: string;
}

export interface GenAddress {
  street: string;
  houseNumber: string;
  zip: number;
  town: string;
}

export interface GenHousehold {
  id: string;
  egid: number;
  ewid: number;
  address: GenAddress;
  municipality: GenMunicipality;
  typeOfHousehold: '1';
}

/** One synthetic person, enough to write every eCH-0020 event about them. */
export interface GenPerson {
  localId: { category: string; id: string };
  vn?: string;
  officialName: string;
  firstName: string;
  sex: '1' | '2';
  dateOfBirth: string;
  birthCountry: GenCountry | null;
  birthTown?: string;
  nationality: GenCountry | 'CH';
  placeOfOrigin?: { name: string; canton: string };
  permit?: { code: string; validFrom: string; validTill?: string; entryDate: string };
  maritalStatus: '1' | '2' | '4';
  religion: string;
  language?: string;
  household: GenHousehold;
  arrivalDate: string;
}

export interface PersonFactoryOptions {
  municipality: GenMunicipality;
  /** Reference day for arrivals (ISO date); arrivals lie in the 60 days before it. */
  today: string;
  /** Share of persons delivered without AHV number (ORDIPRO-style). */
  withoutVnShare: number;
  /** Local person ids start after this one (packages of one register must not share ids). */
  firstLocalId?: number;
}

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Builds persons and households. Local person ids follow the municipal convention `MU.<BFS>` with a running
 * number, AHV numbers are valid AHV-13 (EAN-13 check digit), households share an id, a building (EGID/EWID),
 * an address and usually a nationality and permit (family reunification).
 */
export class PersonFactory {
  private personSeq: number;
  private householdSeq = 0;

  constructor(
    private readonly rng: SeededRandom,
    private readonly options: PersonFactoryOptions,
  ) {
    this.personSeq = options.firstLocalId ?? 0;
  }

  pickPool(): NationalityPool {
    return this.rng.weighted(NATIONALITY_POOLS, (p) => p.weight);
  }

  household(municipality: GenMunicipality = this.options.municipality): GenHousehold {
    this.householdSeq++;
    const zip = ZIP_BY_BFS[municipality.bfsNumber] ?? 4500 + (municipality.bfsNumber % 97);
    return {
      id: `HH-${municipality.bfsNumber}-${String(this.householdSeq).padStart(7, '0')}`,
      egid: this.rng.int(100000, 999999999),
      ewid: this.rng.int(1, 40),
      address: {
        street: this.rng.pick(STREETS),
        houseNumber: String(this.rng.int(1, 180)),
        zip,
        town: municipality.name.replace(/ \(SO\)$/, ''),
      },
      municipality,
      typeOfHousehold: '1',
    };
  }

  /** A household of foreign newcomers: one to five persons of one nationality, arriving on the same day. */
  foreignHousehold(pool: NationalityPool = this.pickPool()): GenPerson[] {
    const household = this.household();
    const arrivalDate = addDays(this.options.today, -this.rng.int(0, 60));
    const permit = this.rng.weighted(pool.permits, ([, w]) => w)[0];
    const size = this.rng.weighted([1, 2, 3, 4, 5], (n) => [45, 20, 15, 14, 6][n - 1]);
    const adultAge = this.rng.int(22, 55);
    const members: GenPerson[] = [];
    for (let i = 0; i < size; i++) {
      const isChild = i >= 2 || (size > 1 && i === 1 && this.rng.chance(0.15));
      const age = isChild ? this.rng.int(0, 17) : adultAge + this.rng.int(-4, 4);
      const sex: '1' | '2' =
        i === 1 && !isChild ? (members[0].sex === '1' ? '2' : '1') : this.rng.chance(0.5) ? '1' : '2';
      const lastName =
        i === 0 || this.rng.chance(0.8)
          ? (members[0]?.officialName ?? this.rng.pick(pool.last))
          : this.rng.pick(pool.last);
      members.push(
        this.foreignPerson(pool, { household, arrivalDate, permit, age, sex, lastName, married: size > 1 && !isChild }),
      );
    }
    return members;
  }

  foreignPerson(
    pool: NationalityPool,
    at: {
      household: GenHousehold;
      arrivalDate: string;
      permit: string;
      age: number;
      sex: '1' | '2';
      lastName?: string;
      married?: boolean;
    },
  ): GenPerson {
    const country: GenCountry = { bfsCode: pool.bfsCode, iso2: pool.iso2, nameDe: pool.nameDe };
    const validTill = /^0[27]/.test(at.permit)
      ? addDays(at.arrivalDate, at.permit.startsWith('07') ? 364 : 5 * 365)
      : undefined;
    return {
      ...this.identity(
        at.sex,
        at.age,
        at.lastName ?? this.rng.pick(pool.last),
        at.sex === '1' ? pool.male : pool.female,
      ),
      birthCountry: country,
      birthTown: this.rng.pick(pool.towns),
      nationality: country,
      permit: {
        code: at.permit,
        validFrom: at.arrivalDate,
        validTill,
        entryDate: addDays(at.arrivalDate, -this.rng.int(0, 10)),
      },
      maritalStatus: at.married ? '2' : '1',
      religion: '000',
      language: pool.language ?? undefined,
      household: at.household,
      arrivalDate: at.arrivalDate,
    };
  }

  swissPerson(household: GenHousehold = this.household(), age = this.rng.int(0, 90)): GenPerson {
    const sex: '1' | '2' = this.rng.chance(0.5) ? '1' : '2';
    const [originName, canton] = this.rng.pick(SWISS.origins);
    return {
      ...this.identity(sex, age, this.rng.pick(SWISS.last), sex === '1' ? SWISS.male : SWISS.female),
      birthCountry: null,
      nationality: 'CH',
      placeOfOrigin: { name: originName, canton },
      maritalStatus: age > 25 && this.rng.chance(0.6) ? '2' : '1',
      religion: this.rng.pick(['111', '121', '000']),
      language: 'de',
      household,
      arrivalDate: addDays(this.options.today, -this.rng.int(30, 20000)),
    };
  }

  otherCantonTown(): GenMunicipality {
    const [bfsNumber, name, canton] = this.rng.pick(OTHER_CANTON_TOWNS);
    return { bfsNumber, name, canton };
  }

  private identity(sex: '1' | '2', age: number, lastName: string, firstNames: readonly string[]) {
    this.personSeq++;
    const birthYear = Number(this.options.today.slice(0, 4)) - age;
    const dateOfBirth = `${birthYear}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`;
    const firstName = this.rng.chance(0.2)
      ? `${this.rng.pick(firstNames)} ${this.rng.pick(firstNames)}`
      : this.rng.pick(firstNames);
    const withVn = !this.rng.chance(this.options.withoutVnShare);
    return {
      localId: { category: `MU.${this.options.municipality.bfsNumber}`, id: String(100000 + this.personSeq) },
      vn: withVn ? ahvNumberFromBody(this.rng.digits(9)) : undefined,
      officialName: lastName,
      firstName: firstName
        .split(' ')
        .filter((n, i, all) => all.indexOf(n) === i)
        .join(' '),
      sex,
      dateOfBirth,
    };
  }
}
