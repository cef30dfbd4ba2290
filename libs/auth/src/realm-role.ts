/**
 * The realm roles of `start-integration` (infra/keycloak/realm-start-integration.json). A closed union,
 * so that `@Roles('gemeinden')` is a compile error rather than a route nobody can reach; adding a role
 * means adding it to the realm export and here.
 */
export const REALM_ROLES = [
  'gemeinde',
  'sozialregion',
  'ags',
  'migrationsamt',
  'register-connector',
  'ags-finanzen',
  'anbieter',
  'mentoring-koordination',
  'sozialregion-connector',
] as const;

export type RealmRole = (typeof REALM_ROLES)[number];
