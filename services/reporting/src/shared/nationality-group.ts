/** The nationality groups reports break down by: EU/EFTA first (free movement, R10), else the continent. */
export const NATIONALITY_GROUPS = [
  'eu-efta',
  'europe-other',
  'africa',
  'americas',
  'asia',
  'oceania',
  'unknown',
] as const;
export type NationalityGroup = (typeof NATIONALITY_GROUPS)[number];

const BY_CONTINENT: Record<string, NationalityGroup> = {
  '1': 'europe-other',
  '2': 'africa',
  '3': 'americas',
  '4': 'asia',
  '5': 'oceania',
};

/** countries.csv `eu_efta` and `continent_code` → group. */
export function nationalityGroupOf(euEfta: boolean, continentCode: string): NationalityGroup {
  if (euEfta) return 'eu-efta';
  return BY_CONTINENT[continentCode] ?? 'unknown';
}
