import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model of the offers service's offer.published.v1 / offer.withdrawn.v1: which offers a referral may name (CM8). */
export class CreateOfferCatalogue1765100000000 implements MigrationInterface {
  name = 'CreateOfferCatalogue1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offer_catalogue (
        offer_id    text PRIMARY KEY,
        status      text NOT NULL CHECK (status IN ('published', 'withdrawn')),
        version     integer NOT NULL,
        category    text,
        provider_id text NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await q.query(
      `COMMENT ON TABLE offer_catalogue IS 'Offers of the Angebotsplattform as their events told (no personal data).'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE offer_catalogue');
  }
}
