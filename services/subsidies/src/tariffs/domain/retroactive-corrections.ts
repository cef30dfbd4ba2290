import type { LocalDate } from '../../shared/local-date.js';
import { covers, rateOn, type TariffItem, type TariffVersion } from './tariff.js';

/** A booking as it stands after earlier corrections: what it has earned so far. */
export interface BookedPosition {
  readonly entryId: number;
  readonly item: TariffItem;
  readonly serviceDate: LocalDate;
  /** Booking plus its corrections, in Rappen. */
  readonly netRappen: number;
}

export interface Correction {
  readonly corrects: number;
  readonly item: TariffItem;
  readonly serviceDate: LocalDate;
  readonly tariff: TariffVersion;
  readonly deltaRappen: number;
}

/**
 * S5: after a new tariff version, every booking on a day it covers that now earns a different amount gets a
 * correction entry for the difference; the booking itself is never touched. A version that covers no booked
 * day (the usual, forward-looking case) yields none.
 */
export function correctionsFor(
  newVersion: TariffVersion,
  all: readonly TariffVersion[],
  booked: readonly BookedPosition[],
): Correction[] {
  const out: Correction[] = [];
  for (const b of booked) {
    if (b.item !== newVersion.item || !covers(newVersion, b.serviceDate)) continue;
    const rate = rateOn(all, b.item, b.serviceDate);
    if (!rate) continue;
    const delta = rate.amountRappen - b.netRappen;
    if (delta !== 0)
      out.push({ corrects: b.entryId, item: b.item, serviceDate: b.serviceDate, tariff: rate, deltaRappen: delta });
  }
  return out;
}
