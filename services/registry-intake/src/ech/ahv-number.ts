/**
 * The Swiss social security number AHV-13 (eCH-0044 `vn`): 756, nine digits and an EAN-13 check digit.
 * The XSD only checks the numeric range, so the check digit is tested here: a mistyped number must not become a
 * person's identity (see person-ref.ts).
 */
export function ahvCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidAhvNumber(vn: string): boolean {
  return /^756\d{10}$/.test(vn) && ahvCheckDigit(vn.slice(0, 12)) === Number(vn[12]);
}

/** Builds a valid AHV-13 from nine body digits (test data only). */
export function ahvNumberFromBody(body9: string): string {
  const first12 = `756${body9.padStart(9, '0').slice(-9)}`;
  return `${first12}${ahvCheckDigit(first12)}`;
}

/** The usual printed form 756.1234.5678.97, for logs and UIs. */
export function formatAhvNumber(vn: string): string {
  return `${vn.slice(0, 3)}.${vn.slice(3, 7)}.${vn.slice(7, 11)}.${vn.slice(11)}`;
}
