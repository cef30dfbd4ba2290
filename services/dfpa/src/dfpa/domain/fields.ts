import { isLocalDate, type LocalDate } from '@si/kernel';
import { invalid } from './dfpa.errors.js';
import type { RuleId } from './rules.js';

/** Field checks shared by the commands; each names the field (problem `errors[].pointer`-like) and the rule. */
export function date(field: string, value: unknown, rule: RuleId = 'DF4'): LocalDate {
  if (!isLocalDate(value))
    throw invalid(field, 'kein gültiges Datum (JJJJ-MM-TT)', 'not a valid date (YYYY-MM-DD)', rule);
  return value;
}

export function notAfter(field: string, value: LocalDate, today: LocalDate): LocalDate {
  if (value > today) throw invalid(field, 'liegt in der Zukunft', 'lies in the future');
  return value;
}

export function text(field: string, value: unknown, max = 2000): string {
  if (typeof value !== 'string' || !value.trim()) throw invalid(field, 'fehlt', 'missing');
  if (value.length > max) throw invalid(field, `länger als ${max} Zeichen`, `longer than ${max} characters`);
  return value.trim();
}

export function oneOf<const V extends readonly string[]>(
  field: string,
  value: unknown,
  values: V,
  rule: RuleId = 'DF4',
): V[number] {
  if (typeof value !== 'string' || !values.includes(value))
    throw invalid(field, `erlaubt: ${values.join(', ')}`, `allowed: ${values.join(', ')}`, rule);
  return value as V[number];
}

export function integer(field: string, value: unknown, min: number, max: number, rule: RuleId = 'DF4'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `ganze Zahl von ${min} bis ${max}`, `an integer from ${min} to ${max}`, rule);
  }
  return value;
}

export function list<T>(field: string, value: unknown, max: number, each: (item: unknown, field: string) => T): T[] {
  if (!Array.isArray(value)) throw invalid(field, 'keine Liste', 'not a list');
  if (value.length > max) throw invalid(field, `mehr als ${max} Einträge`, `more than ${max} entries`);
  return value.map((item, i) => each(item, `${field}[${i}]`));
}

export function object(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'fehlt', 'missing');
  return value as Record<string, unknown>;
}
