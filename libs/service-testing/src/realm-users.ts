import type { RealmRole } from '@si/auth';
import type { RealmUser } from './service-test-app.js';

/**
 * The realm roles each person of the demo realm holds, as infra/keycloak/realm-start-integration.json gives them
 * (realm-users.spec.ts keeps the two in step). The access matrices read who may pass a route's roles from here.
 */
export const REALM_USER_ROLES: Readonly<Record<RealmUser, readonly RealmRole[]>> = {
  'ib.solothurn': ['gemeinde'],
  'ib.olten': ['gemeinde'],
  'ib.hubersdorf': ['gemeinde'],
  'sr.olten': ['sozialregion'],
  'sr.thal-gaeu': ['sozialregion'],
  'ags.koordination': ['ags'],
  'ags.finanzen': ['ags', 'ags-finanzen'],
  'ma.integration': ['migrationsamt'],
  'anbieter.vhs': ['anbieter'],
  'anbieter.caritas': ['anbieter'],
  'mp.olten': ['mentoring-koordination'],
};
