import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** A contract file's schema with the catalogue metadata every event schema carries. */
export interface EventSchema {
  $id: string;
  title: string;
  description: string;
  'x-producer': string;
  'x-consumers': string[];
  'x-personal-data': boolean;
  examples: Record<string, unknown>[];
  [keyword: string]: unknown;
}

/** The package root, whether this runs from src/ (tests) or dist/ (services). */
export const contractsRoot = fileURLToPath(new URL('..', import.meta.url));
export const referenceDir = join(contractsRoot, 'reference');

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const envelopeSchema = readJson<Record<string, unknown>>(
  join(contractsRoot, 'envelope', 'cloudevent.v1.schema.json'),
);

/** Every event schema under events/, keyed by event type (the file name without `.schema.json`). */
export function loadEventSchemas(root = join(contractsRoot, 'events')): Map<string, EventSchema> {
  const schemas = new Map<string, EventSchema>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.schema.json')) continue;
    schemas.set(entry.name.replace(/\.schema\.json$/, ''), readJson<EventSchema>(join(entry.parentPath, entry.name)));
  }
  return schemas;
}
