import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@si/kernel';
import type { ProviderReferral } from '../domain/participation.js';

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
}

const COLUMNS =
  'referral_id, case_id, person_ref, municipality, offer_id, provider_id, category, made_on::text, stage, stages';

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

  async find(em: EntityManager, id: string, lock = false): Promise<ProviderReferral | undefined> {
    const rows: Row[] = await em.query(
      `SELECT ${COLUMNS} FROM referral WHERE referral_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
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
          `SELECT ${COLUMNS} FROM referral WHERE provider_id = $1 ORDER BY made_on DESC, referral_id LIMIT $2`,
          [providerId, limit],
        )
      : await em.query(`SELECT ${COLUMNS} FROM referral ORDER BY made_on DESC, referral_id LIMIT $1`, [limit]);
    return rows.map(toReferral);
  }
}
