import type { PermitInfo } from '../rules/residence-permit-catalog.js';

/** What the permit store keeps of an event's residencePermit: code and category, not the dates. */
export function permitInfo(p: PermitInfo): PermitInfo {
  return { code: p.code, category: p.category, categoryCode: p.categoryCode, euEfta: p.euEfta, label: p.label };
}
