import { isLocalDate, type LocalDate } from '../../shared/local-date.js';
import { refuse } from '../../shared/subsidy-error.js';

/** What the canton pays for (DOMAIN.md "Money and control"; wave2-domain.md §4.3). */
export const TARIFF_ITEMS = [
  'first-information-talk',
  'info-folder',
  'integration-talk',
  'interpreter',
  'offer-participation',
] as const;
export type TariffItem = (typeof TARIFF_ITEMS)[number];

export const ITEM_LABELS_DE: Record<TariffItem, string> = {
  'first-information-talk': 'Erstinformationsgespräch',
  'info-folder': 'Erstinformationsmappe',
  'integration-talk': 'Integrationsgespräch',
  interpreter: 'Dolmetschende',
  'offer-participation': 'Teilnahme an spezifischem Integrationsangebot',
};

/** One version of a tariff: the rate of an item for the days from `validFrom` to `validTo` (open when null). */
export interface TariffVersion {
  readonly id: number;
  readonly item: TariffItem;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly amountRappen: number;
  /** Demo data: the Kreisschreiben amounts are not public, so a placeholder says so. */
  readonly placeholder: boolean;
  readonly reference: string;
  readonly reason: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export type NewTariffVersion = Omit<TariffVersion, 'id' | 'recordedBy' | 'recordedAt'>;

export function isTariffItem(value: unknown): value is TariffItem {
  return typeof value === 'string' && (TARIFF_ITEMS as readonly string[]).includes(value);
}

export function covers(v: Pick<TariffVersion, 'validFrom' | 'validTo'>, day: LocalDate): boolean {
  return v.validFrom <= day && (v.validTo === null || day <= v.validTo);
}

/**
 * The rate of `item` on `day` (S4): among the versions covering the day, the newest one wins, so a later
 * version (also a retroactive one) replaces an earlier one for the days it covers and leaves the rest.
 */
export function rateOn(versions: readonly TariffVersion[], item: TariffItem, day: LocalDate): TariffVersion | null {
  let best: TariffVersion | null = null;
  for (const v of versions) if (v.item === item && covers(v, day) && (!best || v.id > best.id)) best = v;
  return best;
}

/** S11: a version names a known item, a valid range and whole Rappen. */
export function assertTariffVersion(v: NewTariffVersion): void {
  if (!isTariffItem(v.item))
    throw refuse(
      'S11',
      'tariff-item-unknown',
      `Unbekannte Position «${String(v.item)}».`,
      `Unknown tariff item "${String(v.item)}".`,
    );
  if (!isLocalDate(v.validFrom) || (v.validTo !== null && !isLocalDate(v.validTo))) {
    throw refuse(
      'S11',
      'tariff-dates-invalid',
      'Gültigkeit: gültige Kalendertage angeben.',
      'Validity must be calendar days.',
    );
  }
  if (v.validTo !== null && v.validTo < v.validFrom) {
    throw refuse('S11', 'tariff-range-invalid', '«Gültig bis» liegt vor «gültig ab».', 'validTo is before validFrom.');
  }
  if (!Number.isSafeInteger(v.amountRappen) || v.amountRappen < 0) {
    throw refuse(
      'S11',
      'tariff-amount-invalid',
      'Der Betrag ist in ganzen Rappen ≥ 0 anzugeben.',
      'The amount must be whole Rappen ≥ 0.',
    );
  }
  if (!v.reason.trim())
    throw refuse('S11', 'tariff-reason-missing', 'Eine Begründung ist nötig.', 'A reason is required.');
}
