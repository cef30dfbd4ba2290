import type { RegisterBaseDeliveryCompletedV1 } from '@si/contracts';
import type { NewEvent } from '@si/messaging';
import type { DeliveryHeader } from '../../ech/ech-record.types.js';
import { joinedTotals, type PartialJoin, type ReceivedPackage } from '../domain/index.js';

/**
 * The event that closes an accepted base delivery sent in one message: written after all its person.registered.v1
 * events, in the same transaction, so that a consumer knows when it has seen the whole register (see the contract).
 */
export function baseDeliveryCompleted(
  municipality: { bfsNumber: number; name: string },
  header: DeliveryHeader,
  counts: { persons: number; registered: number },
): NewEvent {
  if (!header.messageId) throw new Error('an accepted base delivery without messageId');
  const p = header.partialDelivery;
  const data: RegisterBaseDeliveryCompletedV1 = {
    bfsNumber: municipality.bfsNumber,
    municipalityName: municipality.name,
    messageId: header.messageId,
    eventDate: header.eventDate ?? null,
    persons: counts.persons,
    registered: counts.registered,
    partialDelivery: p
      ? {
          uniqueIdDelivery: p.uniqueIdDelivery ?? null,
          totalNumberOfPackages: p.totalNumberOfPackages ?? null,
          numberOfActualPackage: p.numberOfActualPackage ?? null,
        }
      : null,
  };
  return {
    type: 'register.base-delivery-completed.v1',
    subject: `municipality-${municipality.bfsNumber}`,
    data: data as unknown as Record<string, unknown>,
  };
}

/**
 * The event that closes a partial delivery once its last package is in: one for the whole register, exactly as for
 * a register sent in one message, written after the last package's person events in that package's transaction
 * (the other packages' events were committed before). See joinedTotals for messageId and eventDate.
 */
export function joinedDeliveryCompleted(
  municipality: { bfsNumber: number; name: string },
  join: Pick<PartialJoin, 'uniqueIdDelivery' | 'totalPackages'>,
  last: number,
  packages: readonly ReceivedPackage[],
): NewEvent {
  const totals = joinedTotals(packages);
  const [first, ...rest] = [...packages]
    .sort((a, b) => a.number - b.number)
    .map((p) => ({ number: p.number, messageId: p.messageId, persons: p.persons, registered: p.registered }));
  if (!first) throw new Error('a partial delivery joined without packages');
  const data: RegisterBaseDeliveryCompletedV1 = {
    bfsNumber: municipality.bfsNumber,
    municipalityName: municipality.name,
    messageId: totals.messageId,
    eventDate: totals.eventDate,
    persons: totals.persons,
    registered: totals.registered,
    partialDelivery: {
      uniqueIdDelivery: join.uniqueIdDelivery,
      totalNumberOfPackages: join.totalPackages,
      numberOfActualPackage: last,
    },
    packages: [first, ...rest],
  };
  return {
    type: 'register.base-delivery-completed.v1',
    subject: `municipality-${municipality.bfsNumber}`,
    data: data as unknown as Record<string, unknown>,
  };
}
