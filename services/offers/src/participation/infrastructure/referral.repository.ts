import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@si/kernel';
import type { CaseReferralDisclosedV1 } from '@si/contracts';
import type { DisclosedPerson, ProviderReferral } from '../domain/participation.js';

interface Row {
  referral_id: string;
  case_id: string;
  person_ref: string;
  municipality: number;
  offer_id: string;
  provider_id: string;
  category: string;
  made_on: string;
  stage: ProviderReferral['stage'];
  stages: ProviderReferral['stages'];
  person: DisclosedPerson | null;
}

// The disclosure, where one arrived, joined in: `person` is null for the referrals without the person's consent.
const COLUMNS = `r.referral_id, r.case_id, r.person_ref, r.municipality, r.offer_id, r.provider_id, r.category, r.made_on::text, r.stage, r.stages,
  CASE WHEN d.referral_id IS NULL THEN NULL ELSE json_build_object('officialName', d.official_name, 'firstName', d.first_name,
    'address', d.address, 'phone', d.phone, 'email', d.email, 'consentOn', d.consent_on::text) END AS person`;
const FROM = 'referral r LEFT JOIN referral_disclosure d ON d.referral_id = r.referral_id';

const toReferral = (r: Row): ProviderReferral => ({
  referralId: r.referral_id,
  caseId: r.case_id,
  personRef: r.person_ref,
  municipality: r.municipality,
  offerId: r.offer_id,
  providerId: r.provider_id,
  category: r.category,
  madeOn: r.made_on as LocalDate,
  stage: r.stage,
  person: r.person,
  stages: r.stages,
});

export class ReferralRepository {
  /** Records a referral once (a redelivered event changes nothing). */
  async insert(em: EntityManager, r: ProviderReferral): Promise<void> {
    await em.query(
      `INSERT INTO referral (referral_id, case_id, person_ref, municipality, offer_id, provider_id, category, made_on, stage, stages)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (referral_id) DO NOTHING`,
      [
        r.referralId,
        r.caseId,
        r.personRef,
        r.municipality,
        r.offerId,
        r.providerId,
        r.category,
        r.madeOn,
        r.stage,
        JSON.stringify(r.stages),
      ],
    );
  }

  /** Keeps what the person consented to disclose (once; a redelivered event changes nothing). */
  async disclose(em: EntityManager, d: CaseReferralDisclosedV1): Promise<void> {
    await em.query(
      `INSERT INTO referral_disclosure (referral_id, case_id, person_ref, offer_id, consent_on, official_name, first_name, address, phone, email)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (referral_id) DO NOTHING`,
      [
        d.referralId,
        d.caseId,
        d.personRef,
        d.offerId,
        d.consentOn,
        d.person.officialName,
        d.person.firstName,
        d.person.address ? JSON.stringify(d.person.address) : null,
        d.person.phone,
        d.person.email,
      ],
    );
  }

  async find(em: EntityManager, id: string, lock = false): Promise<ProviderReferral | undefined> {
    const rows: Row[] = await em.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.referral_id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    );
    return rows[0] ? toReferral(rows[0]) : undefined;
  }

  async update(em: EntityManager, r: ProviderReferral): Promise<void> {
    await em.query('UPDATE referral SET stage = $2, stages = $3, updated_at = now() WHERE referral_id = $1', [
      r.referralId,
      r.stage,
      JSON.stringify(r.stages),
    ]);
  }

  async list(em: EntityManager, providerId: string | undefined, limit: number): Promise<ProviderReferral[]> {
    const rows: Row[] = providerId
      ? await em.query(
          `SELECT ${COLUMNS} FROM ${FROM} WHERE r.provider_id = $1 ORDER BY r.made_on DESC, r.referral_id LIMIT $2`,
          [providerId, limit],
        )
      : await em.query(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY r.made_on DESC, r.referral_id LIMIT $1`, [limit]);
    return rows.map(toReferral);
  }
}
