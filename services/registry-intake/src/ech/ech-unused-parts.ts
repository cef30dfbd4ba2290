import { NS } from './ech-namespaces.js';

/**
 * Subtrees never built: vendor and header extensions (unknown content is ignored, whatever it holds), and parts
 * of the full person start.integration does not use. Skipping them saves most of the allocation of a large
 * register.
 */
const UNUSED_E20 = new Set([
  'extension',
  'religionData',
  'maritalInfo',
  'lockData',
  'contactData',
  'politicalRightData',
  'jobData',
  'maritalRelationship',
  'parentalRelationship',
  'guardianRelationship',
  'armedForcesData',
  'civilDefenseData',
  'fireServiceData',
  'healthInsuranceData',
  'matrimonialInheritanceArrangementData',
  'birthAddonData',
]);

export function isUnusedPart(ns: string, local: string): boolean {
  return (
    (ns === NS.e20 && UNUSED_E20.has(local)) || (ns === NS.e58 && (local === 'extension' || local === 'attachment'))
  );
}
