import type { AuditActor } from '@si/audit';
import type { DeliveryRefusal, DeliverySource, RawStore } from '../domain/index.js';

/** Who delivers and how: everything about a delivery that is not in its bytes. */
export interface IntakeChannel {
  source: DeliverySource;
  /** sedex: the envelope's messageId (unique per sedex transmission). */
  sourceRef: string | null;
  submittedBy: string;
  submittedBySubject: string;
  /** The municipality to assume when the message names none (sender id of the envelope, a one-municipality user). */
  municipalityHint: number | null;
  /** BFS numbers the submitter may deliver for; null = any (register connector, sedex). */
  scope: number[] | null;
  rawStore: RawStore;
  actor: AuditActor;
  auditAction: string;
}

export type IntakeResult =
  | { kind: 'accepted'; id: string; municipality: number | null; records: number; emitted: number; skipped: number }
  | { kind: 'duplicate'; id: string }
  /** Another delivery of the same message is being processed right now. */
  | { kind: 'in-progress'; id: string }
  | { kind: 'refused'; id: string; refusal: DeliveryRefusal; curable: boolean }
  | { kind: 'forbidden'; municipality: number };

/** A record names a municipality the submitter may not deliver for: the delivery leaves no trace but an audit record. */
export class ForbiddenMunicipalityError extends Error {
  constructor(readonly municipality: number) {
    super(`not allowed to deliver for municipality BFS ${municipality}`);
    this.name = 'ForbiddenMunicipalityError';
  }
}

/** The delivery's message is already accepted (or being processed) under another delivery. */
export class DuplicateDeliveryError extends Error {
  constructor(
    readonly existingId: string,
    readonly inProgress = false,
  ) {
    super(`duplicate of delivery ${existingId}`);
    this.name = 'DuplicateDeliveryError';
  }
}
