/**
 * How names are searched and sorted: lower case, without diacritics ("Müller" finds "muller" and
 * "Müller"), so the q search needs no database extension beyond pg_trgm and the sort is stable.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchName(officialName: string, firstName: string): string {
  return normaliseName(`${officialName} ${firstName}`);
}

/** Sort key: official name first, then first name, separated below any letter so "Ab Cd" < "Abc". */
export function sortName(officialName: string, firstName: string): string {
  return `${normaliseName(officialName)}\u0001${normaliseName(firstName)}`;
}
