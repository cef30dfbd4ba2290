import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals of cases to offers (from case.referral-made.v1) as the offer's provider sees them: pseudonymous references
 * and the provider's confirmations (enrolment, attendance, completion or drop-out).
 */
export class CreateReferrals1765000000001 implements MigrationInterface {
  name = 'CreateReferrals1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral (
        referral_id  text PRIMARY KEY,
        case_id      uuid NOT NULL,
        person_ref   text NOT NULL,
        municipality integer NOT NULL,
        offer_id     uuid NOT NULL REFERENCES offer(id),
        provider_id  text NOT NULL,
        category     text NOT NULL,
        made_on      date NOT NULL,
        stage        text NOT NULL,
        stages       jsonb NOT NULL DEFAULT '[]',
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX referral_provider ON referral (provider_id, made_on DESC)');
    await q.query('CREATE INDEX referral_person ON referral (person_ref)');
    await q.query(
      `COMMENT ON TABLE referral IS 'Referrals to offers, pseudonymous (person_ref, case_id); findable by person_ref for export and deletion.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referral');
  }
}
