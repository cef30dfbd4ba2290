import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

const APPEND_ONLY = ['tariff_version', 'ledger_entry', 'refused_event', 'claim_step'];

/**
 * Subsidy accounting. Money is integer Rappen (bigint), dates are Swiss calendar days. What was booked never
 * changes: tariff versions, ledger entries, refused events and the steps of a claim are append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE to every role but a superuser). A claim's state is the one mutable row;
 * which entry a claim pays is `claim_line`, unique per entry, so nothing is paid twice.
 */
export class CreateSubsidies1765000000000 implements MigrationInterface {
  name = 'CreateSubsidies1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tariff_version (
        id            bigserial PRIMARY KEY,
        item          text NOT NULL,
        valid_from    date NOT NULL,
        valid_to      date,
        amount_rappen bigint NOT NULL CHECK (amount_rappen >= 0),
        placeholder   boolean NOT NULL,
        reference     text NOT NULL,
        reason        text NOT NULL,
        recorded_by   text NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX tariff_version_item ON tariff_version (item, valid_from)`);
    await q.query(
      `COMMENT ON TABLE tariff_version IS 'Versioned tariffs per item: the newest version covering a day is the rate of that day. Append-only.'`,
    );

    await q.query(`
      CREATE TABLE ledger_entry (
        id              bigserial PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('booking', 'correction')),
        source_event_id uuid,
        event_type      text NOT NULL,
        eligibility_key text,
        corrects_entry  bigint REFERENCES ledger_entry (id),
        case_id         uuid NOT NULL,
        municipality    integer NOT NULL,
        item            text NOT NULL,
        service_date    date NOT NULL,
        period          text NOT NULL,
        tariff_id       bigint NOT NULL REFERENCES tariff_version (id),
        rate_rappen     bigint NOT NULL,
        amount_rappen   bigint NOT NULL,
        reason          text,
        booked_at       timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'booking') = (source_event_id IS NOT NULL)),
        CHECK ((kind = 'correction') = (corrects_entry IS NOT NULL AND reason IS NOT NULL))
      )`);
    // One booking per event and item (a talk with an interpreter books the talk and the interpreter), never two.
    await q.query(
      `CREATE UNIQUE INDEX ledger_entry_event_item ON ledger_entry (source_event_id, item) WHERE kind = 'booking'`,
    );
    // The eligibility rules' keys (one first information per case, one subsidy per household talk) hold in the database too.
    await q.query(
      `CREATE UNIQUE INDEX ledger_entry_eligibility ON ledger_entry (eligibility_key) WHERE eligibility_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ledger_entry_municipality_date ON ledger_entry (municipality, service_date)`);
    await q.query(`CREATE INDEX ledger_entry_period ON ledger_entry (period, item)`);
    await q.query(`CREATE INDEX ledger_entry_case ON ledger_entry (case_id)`);
    await q.query(
      `CREATE INDEX ledger_entry_corrects ON ledger_entry (corrects_entry) WHERE corrects_entry IS NOT NULL`,
    );
    await q.query(
      `COMMENT ON TABLE ledger_entry IS 'Subsidy ledger: one booking per event (and item), corrections as new entries with their reason; case id only, no personal data. Append-only.'`,
    );

    await q.query(`
      CREATE TABLE refused_event (
        event_id     uuid PRIMARY KEY,
        event_type   text NOT NULL,
        case_id      uuid,
        municipality integer,
        rule         text NOT NULL,
        reason       text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE refused_event IS 'Events that earn nothing, with the eligibility rule that refused them. Append-only.'`,
    );

    await q.query(`
      CREATE TABLE claim (
        id              uuid PRIMARY KEY,
        municipality    integer NOT NULL,
        period          text NOT NULL,
        period_from     date NOT NULL,
        period_to       date NOT NULL,
        status          text NOT NULL CHECK (status IN ('draft', 'submitted', 'checked', 'approved', 'exported', 'paid', 'returned')),
        total_rappen    bigint NOT NULL,
        payable_rappen  bigint NOT NULL,
        checked_by      text,
        approved_by     text,
        export_id       uuid,
        paid_on         date,
        drafted_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality, period)
      )`);
    await q.query(`CREATE INDEX claim_status ON claim (status)`);
    await q.query(`
      CREATE TABLE claim_line (
        claim_id        uuid NOT NULL REFERENCES claim (id),
        entry_id        bigint NOT NULL UNIQUE REFERENCES ledger_entry (id),
        late            boolean NOT NULL,
        disputed_reason text,
        disputed_by     text,
        disputed_at     timestamptz,
        PRIMARY KEY (claim_id, entry_id)
      )`);
    await q.query(
      `COMMENT ON TABLE claim_line IS 'The entries a claim pays: unique per entry, so no entry is paid twice. A disputed line is not paid.'`,
    );
    await q.query(`
      CREATE TABLE claim_step (
        id          bigserial PRIMARY KEY,
        claim_id    uuid NOT NULL REFERENCES claim (id),
        step        text NOT NULL,
        from_status text,
        to_status   text NOT NULL,
        actor       text NOT NULL,
        actor_name  text NOT NULL,
        comment     text,
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_step_claim ON claim_step (claim_id, id)`);
    await q.query(
      `COMMENT ON TABLE claim_step IS 'Who took which step of a claim, when, with what comment (four eyes). Append-only.'`,
    );

    await q.query(`
      CREATE TABLE claim_period_setting (
        year           integer PRIMARY KEY,
        months         integer NOT NULL CHECK (months IN (1, 2, 3, 4, 6, 12)),
        recorded_by    text NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE payee (
        municipality  integer PRIMARY KEY,
        name          text NOT NULL,
        iban          text NOT NULL,
        creditor_no   text NOT NULL,
        street        text NOT NULL,
        building_no   text,
        post_code     text NOT NULL,
        town          text NOT NULL,
        demo          boolean NOT NULL DEFAULT false,
        updated_by    text NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE payee IS 'Where a municipality is paid: IBAN (mod-97 checked), structured address, SAP creditor number.'`,
    );

    await q.query(`
      CREATE TABLE payout_export (
        id            uuid PRIMARY KEY,
        message_id    text NOT NULL UNIQUE,
        claim_ids     uuid[] NOT NULL,
        total_rappen  bigint NOT NULL,
        booking_csv   text NOT NULL,
        pain001       text NOT NULL,
        pain001_sha256 text NOT NULL,
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE payout_export IS 'Payout files as handed out (CSV booking file and XSD-valid pain.001), kept byte for byte so a repeated download is the same file.'`,
    );

    await q.query(`
      CREATE TABLE budget (
        year            integer PRIMARY KEY,
        amount_rappen   bigint NOT NULL CHECK (amount_rappen >= 0),
        warn_percent    integer[] NOT NULL,
        updated_by      text NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);

    for (const table of APPEND_ONLY) await makeAppendOnly(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE budget, payout_export, payee, claim_period_setting, claim_step, claim_line, claim, refused_event, ledger_entry, tariff_version',
    );
    for (const table of APPEND_ONLY) await dropAppendOnly(q, table);
  }
}
