import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a referral discloses of the person to the offer's provider (case.referral-disclosed.v1): name and contact, only
 * where the officer recorded the person's consent. Apart from `referral`, which stays pseudonymous, and without a
 * foreign key to it (the two events may arrive in either order); findable by `person_ref` for export and deletion.
 */
export class CreateReferralDisclosures1765000000004 implements MigrationInterface {
  name = 'CreateReferralDisclosures1765000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_disclosure (
        referral_id   text PRIMARY KEY,
        case_id       uuid NOT NULL,
        person_ref    text NOT NULL,
        offer_id      uuid NOT NULL,
        consent_on    date NOT NULL,
        official_name text NOT NULL,
        first_name    text NOT NULL,
        address       jsonb,
        phone         text,
        email         text,
        received_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX referral_disclosure_person ON referral_disclosure (person_ref)');
    await q.query(
      `COMMENT ON TABLE referral_disclosure IS 'Personal data: name and contact a person consented to disclose to the provider of the offer they were referred to. Every read is audited.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE referral_disclosure');
  }
}
