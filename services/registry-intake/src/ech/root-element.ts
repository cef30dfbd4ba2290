import { ACCEPTED_VERSION, NS, parseEchNamespace } from './ech-namespaces.js';
import { refusal, type IntakeRefusal } from './intake-refusal.js';

/**
 * Decides on a delivery's root element: undefined for eCH-0020 v3.0 `delivery`, else the refusal that names what
 * was found (another eCH-0020 version or its "-f" variant, a sedex envelope, anything else) and what is accepted.
 */
export function rootRefusal(
  ns: string,
  local: string,
  version: string | undefined,
  line: number,
): IntakeRefusal | undefined {
  if (ns === NS.e20 && local === 'delivery') return undefined;
  const parsed = parseEchNamespace(ns);
  const accepted = `registry-intake accepts ${ACCEPTED_VERSION.standard} version ${ACCEPTED_VERSION.version} only (namespace ${ACCEPTED_VERSION.namespace})`;
  if (parsed?.standard === 'eCH-0020') {
    const found = parsed.variant
      ? `the flattened "-f" variant of eCH-0020 version ${parsed.major}`
      : `eCH-0020 version ${version ?? parsed.major}`;
    return refusal('unsupported-version', `${found} found (namespace ${ns}); ${accepted}`, [
      { line, column: 1, message: `root element {${ns}}${local}` },
    ]);
  }
  if (parsed?.standard === 'eCH-0090') {
    return refusal(
      'wrong-namespace',
      `this is a sedex envelope (eCH-0090 version ${parsed.major}), not a delivery; send the eCH-0020 payload (data_*.xml) — ${accepted}`,
    );
  }
  const found = ns ? `{${ns}}${local}` : `${local} without namespace`;
  return refusal(
    'wrong-namespace',
    `the root element ${found} is not an eCH-0020 delivery; expected {${NS.e20}}delivery — ${accepted}`,
    [{ line, column: 1, message: `unexpected root element ${found}` }],
  );
}
