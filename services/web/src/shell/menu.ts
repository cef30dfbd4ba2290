import type { WebRole, WebUser } from '../auth/session.js';

/** One entry of the role menu. `label` is a catalogue key; `roles` who sees it (and only they). */
export interface MenuEntry {
  href: string;
  label: string;
  roles: readonly WebRole[];
}

/**
 * THE menu. A feature adds its screen with one line here (its routes check the same roles with @Roles).
 * Order here is order on screen.
 */
export const MENU: readonly MenuEntry[] = [
  { href: '/faelle', label: 'menu.worklist', roles: ['gemeinde'] },
  { href: '/faelle', label: 'menu.reportedCases', roles: ['migrationsamt'] },
  { href: '/dfpa/eingang', label: 'menu.handovers', roles: ['sozialregion'] },
  { href: '/dfpa/faelle', label: 'menu.dfpaCases', roles: ['sozialregion'] },
  { href: '/faelle', label: 'menu.caseOverview', roles: ['ags'] },
  { href: '/organisation', label: 'menu.organisation', roles: ['ags'] },
  { href: '/lieferungen/quarantaene', label: 'menu.quarantine', roles: ['ags'] },
  { href: '/zielgruppenregel', label: 'menu.targetGroupRule', roles: ['ags'] },
  { href: '/kuration', label: 'menu.curation', roles: ['ags'] },
  { href: '/subventionen/freigabe', label: 'subsidies.menu.approval', roles: ['ags'] },
  { href: '/subventionen/tarife', label: 'subsidies.menu.tariffs', roles: ['ags'] },
  { href: '/subventionen/auszahlung', label: 'subsidies.menu.payout', roles: ['ags-finanzen'] },
  { href: '/subventionen/budget', label: 'subsidies.menu.budget', roles: ['ags'] },
  { href: '/subventionen/abrechnungen', label: 'subsidies.menu.claims', roles: ['gemeinde'] },
  { href: '/kennzahlen', label: 'menu.figures', roles: ['ags', 'sozialregion', 'migrationsamt'] },
  { href: '/kennzahlen', label: 'menu.ownFigures', roles: ['gemeinde'] },
  { href: '/kennzahlen/stichtage', label: 'menu.snapshots', roles: ['ags'] },
  { href: '/selbstdeklaration', label: 'menu.selfDeclaration', roles: ['ags', 'gemeinde'] },
  { href: '/de/angebote', label: 'menu.offers', roles: ['gemeinde', 'sozialregion'] },
  { href: '/anbieter/angebote', label: 'menu.providerOffers', roles: ['anbieter'] },
  { href: '/anbieter/zuweisungen', label: 'menu.providerReferrals', roles: ['anbieter'] },
  { href: '/mentoring', label: 'menu.mentoring', roles: ['mentoring-koordination'] },
];

/** The entries a user sees: those of their roles, each target once. */
export function menuFor(user: WebUser | undefined, menu: readonly MenuEntry[] = MENU): MenuEntry[] {
  if (!user) return [];
  const seen = new Set<string>();
  return menu.filter((e) => e.roles.some((r) => user.roles.includes(r)) && !seen.has(e.href) && seen.add(e.href));
}

/** Where a user lands after login: the first entry of their menu. */
export const homeOf = (user: WebUser): string => menuFor(user)[0]?.href ?? '/';
