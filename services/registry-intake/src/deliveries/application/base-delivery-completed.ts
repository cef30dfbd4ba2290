import type { RegisterBaseDeliveryCompletedV1 } from '@si/contracts';
import type { NewEvent } from '@si/messaging';
import type { DeliveryHeader } from '../../ech/ech-record.types.js';

/**
 * The event that closes an accepted base delivery: written after all its person.registered.v1 events, in the same
 * transaction, so that a consumer knows when it has seen the whole register (see the contract).
 */
export function baseDeliveryCompleted(
  municipality: { bfsNumber: number; name: string },
  header: DeliveryHeader,
  counts: { persons: number; registered: number },
): NewEvent {
  if (!header.messageId) throw new Error('an accepted base delivery without messageId');
  const p = header.partialDelivery;
  const data: RegisterBaseDeliveryCompletedV1 = {
    bfsNumber: municipality.bfsNumber, municipalityName: municipality.name, messageId: header.messageId, eventDate: header.eventDate ?? null,
    persons: counts.persons, registered: counts.registered,
    partialDelivery: p ? { uniqueIdDelivery: p.uniqueIdDelivery ?? null, totalNumberOfPackages: p.totalNumberOfPackages ?? null, numberOfActualPackage: p.numberOfActualPackage ?? null } : null,
  };
  return { type: 'register.base-delivery-completed.v1', subject: `municipality-${municipality.bfsNumber}`, data: data as unknown as Record<string, unknown> };
}
