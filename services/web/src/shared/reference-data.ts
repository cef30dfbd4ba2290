import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n/i18n.js';

/**
 * Names for what the services send as codes: municipalities (BFS number), countries (BFS code), languages
 * (ISO 639-3). Read once from contracts/reference, the platform's one source of reference data.
 */
function csv(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../../../contracts/reference/${file}`, import.meta.url), 'utf8');
  const rows = parseCsv(text);
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** RFC 4180: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const municipalities = new Map(csv('solothurn-municipalities.csv').map((r) => [Number(r['bfs_nr']), r['name'] ?? '']));
const countries = new Map(csv('countries.csv').map((r) => [Number(r['bfs_code']), r]));
const languages = new Map(csv('languages.csv').map((r) => [r['iso639_3'] ?? '', r]));

export function municipalityName(bfs: number): string {
  return municipalities.get(bfs) ?? `BFS ${bfs}`;
}

/** The municipalities to pick from in forms, by name (value = BFS number). */
export function municipalityOptions(): { value: string; text: string }[] {
  return [...municipalities]
    .map(([bfs, name]) => ({ value: String(bfs), text: name }))
    .sort((a, b) => a.text.localeCompare(b.text, 'de-CH'));
}

export function countryName(bfsCode: number, lang: Lang = 'de'): string {
  const row = countries.get(bfsCode);
  return row?.[`name_${lang}`] || row?.['name_de'] || `BFS ${bfsCode}`;
}

export function languageName(iso: string | null | undefined): string {
  if (!iso) return '–';
  return languages.get(iso)?.['name_de'] || iso;
}

/** Languages to pick from in forms (interpreter, folder, skills): the ones the brief asks for first, then all. */
export function languageOptions(): { code: string; name: string }[] {
  const rows = [...languages.values()].filter((r) => r['iso639_3'] && /^[a-z]{3}$/.test(r['iso639_3']));
  const requested = rows.filter((r) => r['requested_in_brief'] === 'true');
  const rest = rows.filter((r) => r['requested_in_brief'] !== 'true');
  const byName = (a: Record<string, string>, b: Record<string, string>) =>
    (a['name_de'] ?? '').localeCompare(b['name_de'] ?? '', 'de-CH');
  const seen = new Set<string>();
  const options: { code: string; name: string }[] = [];
  for (const r of [...requested.sort(byName), ...rest.sort(byName)]) {
    const code = r['iso639_3'] ?? '';
    if (seen.has(code)) continue;
    seen.add(code);
    options.push({ code, name: r['name_de'] || code });
  }
  return options;
}

/** States to filter by (ISO alpha-2 where one exists, else the BFS code), by German name. */
export function countryOptions(): { code: string; name: string }[] {
  return [...countries.values()]
    .filter((r) => r['is_state'] === 'J' && r['bfs_code'] !== '8100')
    .map((r) => ({ code: r['iso2'] || r['bfs_code'] || '', name: r['name_de'] || '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de-CH'));
}
