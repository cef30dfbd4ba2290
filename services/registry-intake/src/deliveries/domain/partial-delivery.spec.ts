import { describe, expect, it } from '@jest/globals';
import {
  decidePackage,
  isComplete,
  joinedTotals,
  missingPackages,
  overdueRefusal,
  packageHeaderOf,
  type PartialJoin,
  type ReceivedPackage,
} from './partial-delivery.js';

const pkg = (number: number, total = 3) => ({
  senderId: 'sedex://T1-2581-1',
  uniqueIdDelivery: 'reg-2581',
  totalNumberOfPackages: total,
  numberOfActualPackage: number,
});
const received = (number: number, eventDate: string | null = '2026-03-01'): ReceivedPackage => ({
  number,
  deliveryId: `d${number}`,
  messageId: `m${number}`,
  eventDate,
  persons: 10 * number,
  registered: number,
});
const join = (packages: ReceivedPackage[], over: Partial<PartialJoin> = {}): PartialJoin => ({
  id: 'j',
  senderId: 'sedex://T1-2581-1',
  uniqueIdDelivery: 'reg-2581',
  municipality: 2581,
  totalPackages: 3,
  status: 'open',
  firstReceivedAt: new Date('2026-03-01T08:00:00Z'),
  deadlineAt: new Date('2026-03-04T08:00:00Z'),
  packages,
  reportDeliveryId: null,
  ...over,
});

describe('joining the packages of a partial delivery', () => {
  it('reads the package from a header, or null for a whole register', () => {
    expect(
      packageHeaderOf({
        senderId: 's',
        partialDelivery: { uniqueIdDelivery: 'u', totalNumberOfPackages: 2, numberOfActualPackage: 1 },
      }),
    ).toEqual({ senderId: 's', uniqueIdDelivery: 'u', totalNumberOfPackages: 2, numberOfActualPackage: 1 });
    expect(packageHeaderOf({ senderId: 's' })).toBeNull();
  });

  it('adds new package numbers in any order and takes a number already in as a duplicate of its first delivery', () => {
    expect(decidePackage(join([]), pkg(3), 2581)).toEqual({ kind: 'add' });
    expect(decidePackage(join([received(3)]), pkg(1), 2581)).toEqual({ kind: 'add' });
    expect(decidePackage(join([received(3), received(1)]), pkg(3), 2581)).toEqual({
      kind: 'duplicate',
      deliveryId: 'd3',
    });
    expect(decidePackage(join([received(1), received(2), received(3)], { status: 'joined' }), pkg(2), 2581)).toEqual({
      kind: 'duplicate',
      deliveryId: 'd2',
    });
  });

  it('refuses a package beyond its total, with another total or of another municipality, naming the contradiction', () => {
    expect(decidePackage(null, pkg(4), 2581)).toEqual({
      kind: 'inconsistent',
      message: 'package 4 of the partial delivery reg-2581 is beyond its total of 3 packages',
    });
    expect(decidePackage(join([received(1)]), pkg(2, 4), 2581)).toEqual({
      kind: 'inconsistent',
      message: 'package 2 of the partial delivery reg-2581 announces 4 packages, the earlier ones 3',
    });
    expect(decidePackage(join([received(1)]), pkg(2), 2601)).toMatchObject({
      kind: 'inconsistent',
      message: expect.stringContaining('BFS 2601, the earlier packages that of BFS 2581'),
    });
  });

  it('is complete when every number from 1 to the total is in', () => {
    expect(missingPackages(3, [received(3), received(1)])).toEqual([2]);
    expect(isComplete({ totalPackages: 3, packages: [received(3), received(1)] })).toBe(false);
    expect(isComplete({ totalPackages: 3, packages: [received(2), received(3), received(1)] })).toBe(true);
  });

  it('names the joined register by package 1, sums its counts and takes the earliest eventDate', () => {
    expect(joinedTotals([received(3, '2026-03-02'), received(1, '2026-03-01'), received(2, null)])).toEqual({
      messageId: 'm1',
      eventDate: '2026-03-01',
      persons: 60,
      registered: 6,
    });
  });

  it('reports an overdue partial delivery with the missing and received packages and the deadline', () => {
    expect(overdueRefusal(join([received(1)]))).toEqual({
      code: 'partial-delivery-incomplete',
      issues: [],
      message:
        'partial delivery reg-2581 of BFS 2581 is incomplete: packages 2, 3 of 3 missing since 2026-03-01T08:00:00.000Z (deadline 2026-03-04T08:00:00.000Z); ' +
        'received 1. The register check stays on the previous complete delivery until the sender delivers the missing packages, which then complete it.',
    });
  });
});
