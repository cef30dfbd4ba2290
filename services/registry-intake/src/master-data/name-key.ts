/**
 * The comparison key for names of municipalities and countries as registers write them: case, accents and their
 * transliteration (ä/ae), punctuation, a canton suffix such as "(SO)" and a leading "Gemeinde"/"Stadt" do not
 * distinguish two places; "St." and "Sankt" are unified. The key is used only for lookup; the official name is
 * what gets reported. The same function is applied to both sides, so the transliteration folding is safe.
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\((?:so|kanton solothurn)\)/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/^\s*(?:einwohnergemeinde|gemeinde|stadt)\s+/, '')
    .replace(/\bsankt\b/g, 'st')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
