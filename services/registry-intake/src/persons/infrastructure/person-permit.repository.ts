import type { PermitInfo } from '../../rules/residence-permit-catalog.js';
import type { Queryable } from '../../deliveries/infrastructure/queryable.js';
import { permitInfo } from '../permit-info.js';

/**
 * The last residence permit registry-intake saw per person reference, taken from the events it emits (every event
 * whose data carries a residencePermit: arrivals, moves into the canton, registrations, permit changes and
 * corrections), so that person.residence-permit-changed.v1 can carry the previous category.
 */
export class PersonPermitRepository {
  constructor(private readonly db: Queryable) {}

  /** The latest permit under any of the person's references, or null when none is known. */
  async lastPermit(personRefs: string[]): Promise<PermitInfo | null> {
    if (personRefs.length === 0) return null;
    const rows = await this.db.query<{ permit: PermitInfo }[]>(
      'SELECT permit FROM person_permit WHERE person_ref = ANY($1) ORDER BY updated_at DESC LIMIT 1',
      [personRefs],
    );
    return rows[0]?.permit ?? null;
  }

  /** Records the permits carried by a delivery's events (the last one per person wins), in the caller's transaction. */
  async record(q: Queryable, deliveryId: string, permits: { personRef: string; permit: PermitInfo }[]): Promise<void> {
    if (permits.length === 0) return;
    const last = [...new Map(permits.map((p) => [p.personRef, permitInfo(p.permit)])).entries()].map(
      ([ref, permit]) => ({ ref, permit }),
    );
    await q.query(
      `INSERT INTO person_permit (person_ref, permit, delivery_id)
       SELECT x.ref, x.permit, $1::uuid FROM json_to_recordset($2::json) AS x(ref text, permit jsonb)
       ON CONFLICT (person_ref) DO UPDATE SET permit = EXCLUDED.permit, delivery_id = EXCLUDED.delivery_id, updated_at = now()`,
      [deliveryId, JSON.stringify(last)],
    );
  }
}
