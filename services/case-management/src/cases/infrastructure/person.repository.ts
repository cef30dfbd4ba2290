import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HandoverPerson, LocalDate, Sex } from '../domain/index.js';

/** What the person store keeps of a person (personal data; never logged, never in pseudonymous events). */
export interface PersonRecord {
  readonly personRef: string;
  readonly householdRef: string | null;
  readonly officialName: string;
  readonly firstName: string;
  readonly dateOfBirth: LocalDate | null;
  readonly sex: Sex;
  readonly vn: string | null;
  readonly address: HandoverPerson['address'] | null;
  readonly phone: string | null;
  readonly email: string | null;
}

interface PersonRow {
  person_ref: string;
  household_ref: string | null;
  official_name: string;
  first_name: string;
  date_of_birth: string | null;
  sex: Sex;
  vn: string | null;
  address: HandoverPerson['address'] | null;
  phone: string | null;
  email: string | null;
}

/** The person store: names and identification from registry-intake, read for hand-overs and reports. */
@Injectable()
export class PersonRepository {
  async upsert(em: EntityManager, p: PersonRecord): Promise<void> {
    await em.query(
      `INSERT INTO person (person_ref, household_ref, official_name, first_name, date_of_birth, sex, vn, address, phone, email, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (person_ref) DO UPDATE SET household_ref = EXCLUDED.household_ref, official_name = EXCLUDED.official_name,
         first_name = EXCLUDED.first_name, date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex,
         vn = COALESCE(EXCLUDED.vn, person.vn), address = COALESCE(EXCLUDED.address, person.address),
         phone = COALESCE(EXCLUDED.phone, person.phone), email = COALESCE(EXCLUDED.email, person.email), updated_at = now()`,
      [
        p.personRef,
        p.householdRef,
        p.officialName,
        p.firstName,
        p.dateOfBirth,
        p.sex,
        p.vn,
        p.address ? JSON.stringify(p.address) : null,
        p.phone,
        p.email,
      ],
    );
  }

  /** Refreshes what the register says of a known person (no row is created for persons without a case). */
  async update(em: EntityManager, personRefs: readonly string[], p: PersonRecord): Promise<boolean> {
    const result: [unknown[], number] = await em.query(
      `UPDATE person SET household_ref = $2, official_name = $3, first_name = $4, date_of_birth = COALESCE($5, date_of_birth), sex = $6,
         vn = COALESCE($7, vn), address = COALESCE($8, address), updated_at = now()
       WHERE person_ref = ANY($1::text[])`,
      [
        personRefs,
        p.householdRef,
        p.officialName,
        p.firstName,
        p.dateOfBirth,
        p.sex,
        p.vn,
        p.address ? JSON.stringify(p.address) : null,
      ],
    );
    return result[1] > 0;
  }

  async find(em: EntityManager, personRef: string): Promise<PersonRecord | null> {
    const rows: PersonRow[] = await em.query(
      `SELECT person_ref, household_ref, official_name, first_name, date_of_birth::text AS date_of_birth, sex, vn, address, phone, email
       FROM person WHERE person_ref = $1`,
      [personRef],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      personRef: r.person_ref,
      householdRef: r.household_ref,
      officialName: r.official_name,
      firstName: r.first_name,
      dateOfBirth: r.date_of_birth as LocalDate | null,
      sex: r.sex,
      vn: r.vn,
      address: r.address,
      phone: r.phone,
      email: r.email,
    };
  }
}
