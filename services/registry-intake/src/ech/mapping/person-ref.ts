import { createHmac } from 'node:crypto';
import { isValidAhvNumber } from '../ahv-number.js';

export interface PersonRefs {
  /** The pseudonymous reference events carry as `personRef` and the envelope as `subject`. */
  personRef: string;
  /** Other references the same person may be known under (see the stability rule below). */
  alternatePersonRefs: string[];
  basis: 'vn' | 'local-person-id';
  notes: string[];
}

/**
 * Pseudonymous person references: HMAC-SHA-256 under a secret key from configuration, so that nobody without
 * the key can recompute a reference from an AHV number or register id, and the same person gets the same
 * reference in every delivery.
 *
 * Stability rule:
 * - With a valid AHV-13 number (check digit correct) the reference is `HMAC(key, "vn" ␟ number)`. It is the same
 *   in every municipality and register, so a move between Solothurn municipalities keeps the person's reference
 *   and the case can follow. The register-local reference (below) is added as `alternatePersonRefs`, so that a
 *   case opened from a delivery without AHV number can be linked when the number arrives.
 * - Without one (ORDIPRO sends none; a mistyped number is ignored and noted) it is
 *   `HMAC(key, "local" ␟ personIdCategory ␟ personId)`: stable for as long as the register keeps the person's
 *   local id (eCH-0044 localPersonId; the category names the issuing register, e.g. `MU.2601`). A register that
 *   renumbers sends identificationConversion/correctIdentification, which become person.corrected.v1 with the
 *   previous reference.
 * - Rotating the key changes every reference: consumers would see new persons. Keep it for the life of the data.
 */
export class PersonRefFactory {
  private readonly key: Buffer;

  constructor(key: string | Uint8Array) {
    this.key = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
    if (this.key.byteLength < 32) throw new Error('the person reference key must have at least 32 bytes');
  }

  refsOf(id: { vn?: string; localPersonId?: { category: string; id: string } }): PersonRefs {
    const notes: string[] = [];
    const local = id.localPersonId ? this.ref('local', id.localPersonId.category, id.localPersonId.id) : undefined;
    if (id.vn !== undefined && !isValidAhvNumber(id.vn)) {
      notes.push(`AHV number with an invalid check digit ignored for the person reference (local person id used)`);
    } else if (id.vn !== undefined) {
      return { personRef: this.ref('vn', id.vn), alternatePersonRefs: local ? [local] : [], basis: 'vn', notes };
    }
    if (!local) throw new Error('a person needs an AHV number or a local person id');
    return { personRef: local, alternatePersonRefs: [], basis: 'local-person-id', notes };
  }

  private ref(...parts: string[]): string {
    return `p-${createHmac('sha256', this.key).update(parts.join('\u001f')).digest('hex').slice(0, 32)}`;
  }
}
