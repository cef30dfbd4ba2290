import type { DeliveryRefusal } from './delivery-refusal.js';

/**
 * Joining the packages of a partial delivery (eCH-0058 `partialDelivery`: one register sent as several messages).
 * Each package is a complete message whose persons are taken in as it comes; the register as a whole is complete
 * only when every package number from 1 to the total is in, whatever the order. Framework-free: the rules only.
 */

/** What the header of one package says about the partial delivery it belongs to. */
export interface PackageHeader {
  senderId: string;
  uniqueIdDelivery: string;
  totalNumberOfPackages: number;
  numberOfActualPackage: number;
}

/** One accepted package. */
export interface ReceivedPackage {
  number: number;
  deliveryId: string;
  messageId: string;
  eventDate: string | null;
  persons: number;
  registered: number;
}

export type JoinStatus = 'open' | 'joined' | 'overdue';

/** A partial delivery as recorded so far. */
export interface PartialJoin {
  id: string;
  senderId: string;
  uniqueIdDelivery: string;
  municipality: number;
  totalPackages: number;
  status: JoinStatus;
  firstReceivedAt: Date;
  deadlineAt: Date;
  packages: ReceivedPackage[];
  /** The quarantine entry reporting it overdue, if it was. */
  reportDeliveryId: string | null;
}

export type PackageDecision =
  | { kind: 'add' }
  /** This package number is in already (under another message): the copy changes nothing. */
  | { kind: 'duplicate'; deliveryId: string }
  /** The package contradicts what the earlier packages said: refused as a whole. */
  | { kind: 'inconsistent'; message: string };

/** The package read from a baseDelivery's header, or null when it is a whole register (or the header is incomplete). */
export function packageHeaderOf(header: {
  senderId?: string;
  partialDelivery?: { uniqueIdDelivery?: string; totalNumberOfPackages?: number; numberOfActualPackage?: number };
}): PackageHeader | null {
  const p = header.partialDelivery;
  if (
    !p ||
    !header.senderId ||
    !p.uniqueIdDelivery ||
    p.totalNumberOfPackages === undefined ||
    p.numberOfActualPackage === undefined
  )
    return null;
  return {
    senderId: header.senderId,
    uniqueIdDelivery: p.uniqueIdDelivery,
    totalNumberOfPackages: p.totalNumberOfPackages,
    numberOfActualPackage: p.numberOfActualPackage,
  };
}

/** Whether a package may join `join` (null: the first package of its delivery). */
export function decidePackage(join: PartialJoin | null, pkg: PackageHeader, municipality: number): PackageDecision {
  const id = pkg.uniqueIdDelivery;
  if (pkg.numberOfActualPackage > pkg.totalNumberOfPackages) {
    return {
      kind: 'inconsistent',
      message: `package ${pkg.numberOfActualPackage} of the partial delivery ${id} is beyond its total of ${pkg.totalNumberOfPackages} packages`,
    };
  }
  if (!join) return { kind: 'add' };
  if (pkg.totalNumberOfPackages !== join.totalPackages) {
    return {
      kind: 'inconsistent',
      message: `package ${pkg.numberOfActualPackage} of the partial delivery ${id} announces ${pkg.totalNumberOfPackages} packages, the earlier ones ${join.totalPackages}`,
    };
  }
  if (municipality !== join.municipality) {
    return {
      kind: 'inconsistent',
      message: `package ${pkg.numberOfActualPackage} of the partial delivery ${id} is the register of BFS ${municipality}, the earlier packages that of BFS ${join.municipality}`,
    };
  }
  const same = join.packages.find((p) => p.number === pkg.numberOfActualPackage);
  if (same) return { kind: 'duplicate', deliveryId: same.deliveryId };
  return { kind: 'add' };
}

/** Package numbers not yet received, ascending. */
export function missingPackages(total: number, packages: readonly Pick<ReceivedPackage, 'number'>[]): number[] {
  const have = new Set(packages.map((p) => p.number));
  const missing: number[] = [];
  for (let n = 1; n <= total; n++) if (!have.has(n)) missing.push(n);
  return missing;
}

/** Every package is in. */
export function isComplete(join: Pick<PartialJoin, 'totalPackages' | 'packages'>): boolean {
  return missingPackages(join.totalPackages, join.packages).length === 0;
}

/**
 * The joined register: persons and registrations summed over the packages; the messageId of package 1 names it
 * (stable whatever order the packages came in); the earliest eventDate, so that the register check never counts a
 * case registered after a package was taken as missing from that package.
 */
export function joinedTotals(packages: readonly ReceivedPackage[]): {
  messageId: string;
  eventDate: string | null;
  persons: number;
  registered: number;
} {
  const ordered = [...packages].sort((a, b) => a.number - b.number);
  const dates = ordered
    .map((p) => p.eventDate)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    messageId: ordered[0].messageId,
    eventDate: dates[0] ?? null,
    persons: ordered.reduce((s, p) => s + p.persons, 0),
    registered: ordered.reduce((s, p) => s + p.registered, 0),
  };
}

/** The quarantine report of a partial delivery still incomplete at its deadline. */
export function overdueRefusal(join: PartialJoin): DeliveryRefusal {
  const missing = missingPackages(join.totalPackages, join.packages);
  const received = [...join.packages].sort((a, b) => a.number - b.number).map((p) => p.number);
  const list = (ns: number[]) => ns.join(', ');
  return {
    code: 'partial-delivery-incomplete',
    message:
      `partial delivery ${join.uniqueIdDelivery} of BFS ${join.municipality} is incomplete: package${missing.length > 1 ? 's' : ''} ${list(missing)} of ${join.totalPackages} ` +
      `missing since ${join.firstReceivedAt.toISOString()} (deadline ${join.deadlineAt.toISOString()}); received ${list(received)}. ` +
      'The register check stays on the previous complete delivery until the sender delivers the missing packages, which then complete it.',
    issues: [],
  };
}
