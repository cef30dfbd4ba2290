import type { Principal } from '@si/auth';
import type { Audience } from '../figures/domain/catalogue.js';
import type { ReportingReference } from './reference.js';
import { ReportingRefusal } from './reporting-refusal.js';

/**
 * What a caller may see of the figures, from the validated token (never from parameters): AGS everything, the
 * Migrationsamt its own figures, a Sozialregion its region's municipalities, an IB the municipalities they act for
 * (their own, and as Leitgemeinde its members, resolved on `today`).
 */
export interface ReportingScope {
  readonly audience: Audience;
  /** The municipalities whose own figures the caller may see unsuppressed and trace; all for AGS. */
  readonly municipalities: readonly number[];
  readonly region?: string;
}

export function scopeOf(principal: Principal, reference: ReportingReference, today: string): ReportingScope {
  const roles = principal.roles;
  if (roles.includes('ags')) return { audience: 'ags', municipalities: [...reference.municipalities.keys()] };
  if (roles.includes('migrationsamt')) return { audience: 'migrationsamt', municipalities: [] };
  if (roles.includes('sozialregion') && principal.sozialregion) {
    const region = reference.region(principal.sozialregion);
    if (region) return { audience: 'sozialregion', municipalities: [...region.municipalities], region: region.id };
  }
  if (roles.includes('gemeinde') && principal.gemeinden.length > 0) {
    const own = new Set<number>();
    for (const bfs of principal.gemeinden) for (const m of reference.membersOf(bfs, today)) own.add(m);
    return { audience: 'gemeinde', municipalities: [...own].sort((a, b) => a - b) };
  }
  throw new ReportingRefusal(
    'RP3',
    'no-reporting-scope',
    {
      de: 'Ihre Rolle hat keinen Zugang zu Kennzahlen.',
      en: 'Your role has no access to figures.',
    },
    'forbidden',
  );
}
