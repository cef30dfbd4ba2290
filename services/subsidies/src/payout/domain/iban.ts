/** Country → IBAN length for the payments the canton makes (Swiss Payment Standards: CH and LI). */
const LENGTHS: Record<string, number> = { CH: 21, LI: 21 };

/** `CH93 0076 2011 6238 5295 7` → `CH9300762011623852957`. */
export function normaliseIban(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 mod 97-10 over the rearranged IBAN, digit by digit so no number exceeds 2^53. */
export function ibanChecksumValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** S9: a Swiss or Liechtenstein IBAN of the right length whose check digits hold. */
export function isPayableIban(iban: string): boolean {
  const n = normaliseIban(iban);
  return LENGTHS[n.slice(0, 2)] === n.length && ibanChecksumValid(n);
}

/** Sets the check digits of a country code + BBAN (for demo data: IBANs that are valid but belong to nobody). */
export function withCheckDigits(country: string, bban: string): string {
  for (let cd = 2; cd <= 98; cd += 1) {
    const candidate = `${country}${String(cd).padStart(2, '0')}${bban}`;
    if (ibanChecksumValid(candidate)) return candidate;
  }
  throw new Error('no check digits');
}
