import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The local XSD set of the service (services/registry-intake/xsd), resolved from this file's place so that it
 * works from src/ (tests) and dist/ (the service) alike. The repository copy is the only source: CI and
 * production have nothing else.
 */
export const XSD_DIR = fileURLToPath(new URL('../../xsd/', import.meta.url));

export const ECH0020_V3_SCHEMA_URL = 'http://www.ech.ch/xmlns/eCH-0020/3/eCH-0020-3-0.xsd';

/**
 * Reads catalog.xml (OASIS XML catalog, `uri` and `system` entries) into a map from schemaLocation URL to the
 * absolute path of the local file. Entries pointing outside the folder are ignored, so the catalog can not be
 * used to read arbitrary files.
 */
export function readXsdCatalog(dir: string = XSD_DIR): Map<string, string> {
  const text = readFileSync(join(dir, 'catalog.xml'), 'utf8');
  const map = new Map<string, string>();
  const entry = /<(uri|system)\s+(?:name|systemId)="([^"]+)"\s+uri="([^"]+)"\s*\/>/g;
  for (const m of text.matchAll(entry)) {
    const file = m[3];
    if (!/^[A-Za-z0-9._-]+\.xsd$/.test(file)) continue;
    map.set(m[2], join(dir, file));
  }
  return map;
}
