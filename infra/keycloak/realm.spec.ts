import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// No Keycloak runs here, so this test pins what Keycloak 26's import (`kc.sh start-dev --import-realm`)
// needs from the file and what the platform needs from the tokens Keycloak then issues. Each check names
// the Keycloak behaviour it guards against.

type Json = Record<string, unknown>;
interface Mapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, unknown>;
}
interface Scope {
  name: string;
  protocol: string;
  attributes?: Record<string, unknown>;
  protocolMappers?: Mapper[];
}
interface Client extends Json {
  clientId: string;
  defaultClientScopes?: string[];
  optionalClientScopes?: string[];
}
interface User extends Json {
  id: string;
  username: string;
  realmRoles: string[];
  attributes?: Record<string, unknown>;
  credentials: { type: string; value?: string; temporary?: boolean }[];
  requiredActions: string[];
}
interface Attribute {
  name: string;
  multivalued?: boolean;
  permissions?: { view: string[]; edit: string[] };
  validations?: Record<string, Json>;
}

const root = join(import.meta.dirname, '..', '..');
const realm = JSON.parse(readFileSync(join(import.meta.dirname, 'realm-start-integration.json'), 'utf8')) as Json & {
  roles: { realm: Json[] };
  defaultRole: Json;
  clientScopes: Scope[];
  clients: Client[];
  users: User[];
  components: Record<string, { providerId: string; config: Record<string, unknown> }[]>;
};
const regions = (
  JSON.parse(readFileSync(join(root, 'contracts/reference/sozialregionen.json'), 'utf8')) as {
    sozialregionen: { id: string }[];
  }
).sozialregionen.map((r) => r.id);
const solothurnBfs = new Set(
  readFileSync(join(root, 'contracts/reference/solothurn-municipalities.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]),
);

const SERVICES = ['registry-intake', 'case-management', 'offers', 'subsidies', 'reporting', 'dfpa'];
const scope = (name: string): Scope => {
  const found = realm.clientScopes.find((s) => s.name === name);
  if (!found) throw new Error(`client scope ${name} missing`);
  return found;
};
const client = (clientId: string): Client => {
  const found = realm.clients.find((c) => c.clientId === clientId);
  if (!found) throw new Error(`client ${clientId} missing`);
  return found;
};
const user = (username: string): User => {
  const found = realm.users.find((u) => u.username === username);
  if (!found) throw new Error(`user ${username} missing`);
  return found;
};
const mappersOf = (type: string): Mapper[] =>
  realm.clientScopes.flatMap((s) => s.protocolMappers ?? []).filter((m) => m.protocolMapper === type);
const userProfile = (): { attributes: Attribute[]; unmanagedAttributePolicy?: string } => {
  const [component] = realm.components['org.keycloak.userprofile.UserProfileProvider'] ?? [];
  const text = (component?.config['kc.user.profile.config'] as string[] | undefined)?.[0];
  return JSON.parse(text ?? 'null') as { attributes: Attribute[]; unmanagedAttributePolicy?: string };
};

// Field names of Keycloak's representations that this file uses. Keycloak's import refuses unknown
// fields, so a misspelt key is an import failure, not a harmless extra.
const KNOWN_FIELDS = {
  realm: [
    'id',
    'realm',
    'displayName',
    'enabled',
    'sslRequired',
    'accessTokenLifespan',
    'ssoSessionIdleTimeout',
    'ssoSessionMaxLifespan',
    'revokeRefreshToken',
    'registrationAllowed',
    'loginWithEmailAllowed',
    'duplicateEmailsAllowed',
    'resetPasswordAllowed',
    'editUsernameAllowed',
    'verifyEmail',
    'bruteForceProtected',
    'permanentLockout',
    'failureFactor',
    'internationalizationEnabled',
    'supportedLocales',
    'defaultLocale',
    'roles',
    'defaultRole',
    'clientScopes',
    'defaultDefaultClientScopes',
    'defaultOptionalClientScopes',
    'clients',
    'users',
    'components',
  ],
  client: [
    'id',
    'clientId',
    'name',
    'description',
    'enabled',
    'protocol',
    'bearerOnly',
    'publicClient',
    'clientAuthenticatorType',
    'secret',
    'standardFlowEnabled',
    'implicitFlowEnabled',
    'directAccessGrantsEnabled',
    'serviceAccountsEnabled',
    'fullScopeAllowed',
    'redirectUris',
    'webOrigins',
    'attributes',
    'protocolMappers',
    'defaultClientScopes',
    'optionalClientScopes',
  ],
  clientScope: ['id', 'name', 'description', 'protocol', 'attributes', 'protocolMappers'],
  mapper: ['id', 'name', 'protocol', 'protocolMapper', 'consentRequired', 'config'],
  user: [
    'id',
    'username',
    'enabled',
    'emailVerified',
    'firstName',
    'lastName',
    'email',
    'attributes',
    'credentials',
    'requiredActions',
    'realmRoles',
    'clientRoles',
    'serviceAccountClientId',
  ],
  role: ['id', 'name', 'description', 'composite', 'clientRole', 'composites'],
};
const unknownFields = (objects: Json[], known: string[]): string[] =>
  objects.flatMap((o) => Object.keys(o).filter((k) => !known.includes(k)));

describe('infra/keycloak/realm-start-integration.json', () => {
  it('is a single realm start-integration with five-minute access tokens', () => {
    expect(realm).toMatchObject({ realm: 'start-integration', enabled: true, accessTokenLifespan: 300 });
  });

  it('uses only field names of Keycloak representations', () => {
    expect(unknownFields([realm], KNOWN_FIELDS.realm)).toEqual([]);
    expect(unknownFields(realm.clients, KNOWN_FIELDS.client)).toEqual([]);
    expect(unknownFields(realm.clientScopes as unknown as Json[], KNOWN_FIELDS.clientScope)).toEqual([]);
    expect(
      unknownFields(
        [...realm.clientScopes, ...realm.clients].flatMap((o) => (o.protocolMappers ?? []) as unknown as Json[]),
        KNOWN_FIELDS.mapper,
      ),
    ).toEqual([]);
    expect(unknownFields(realm.users, KNOWN_FIELDS.user)).toEqual([]);
    expect(unknownFields([...realm.roles.realm, realm.defaultRole], KNOWN_FIELDS.role)).toEqual([]);
  });

  it('holds config maps as Keycloak stores them: mapper and scope values are strings, component values lists of strings', () => {
    const configs = [...realm.clientScopes, ...realm.clients].flatMap((o) =>
      ((o.protocolMappers ?? []) as Mapper[]).map((m) => m.config),
    );
    const attributes = [...realm.clientScopes, ...realm.clients].map(
      (o) => (o.attributes ?? {}) as Record<string, unknown>,
    );
    for (const map of [...configs, ...attributes])
      for (const value of Object.values(map)) expect(typeof value).toBe('string');
    for (const component of Object.values(realm.components).flat()) {
      for (const value of Object.values(component.config)) {
        expect(Array.isArray(value) && value.every((v) => typeof v === 'string')).toBe(true);
      }
    }
    for (const u of realm.users)
      for (const value of Object.values(u.attributes ?? {}))
        expect(value).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  describe('roles', () => {
    it('defines the platform roles', () => {
      const names = realm.roles.realm.map((r) => r.name);
      expect(names).toEqual(
        expect.arrayContaining(['gemeinde', 'sozialregion', 'ags', 'migrationsamt', 'register-connector']),
      );
    });

    it('names the default role and defines it in roles.realm, with offline_access as role and scope', () => {
      // Without defaultRole, an existing default-roles-start-integration makes Keycloak pick default-roles-start-integration-1.
      const defaultRole = realm.roles.realm.find((r) => r.name === realm.defaultRole['name']);
      expect(defaultRole).toMatchObject({
        name: 'default-roles-start-integration',
        composite: true,
        composites: { realm: expect.arrayContaining(['offline_access']) },
      });
      // With both present Keycloak skips its setupOfflineTokens, which would otherwise create them a second time.
      expect(realm.roles.realm.map((r) => r.name)).toContain('offline_access');
      expect(realm.clientScopes.map((s) => s.name)).toContain('offline_access');
    });
  });

  describe('client scopes', () => {
    // A realm file with clientScopes gets none of Keycloak's built-in scopes (RealmManager.importRealm).
    it('carries the built-ins the tokens need: sub (basic), realm_access (roles), preferred_username (profile)', () => {
      expect(scope('basic').protocolMappers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            protocolMapper: 'oidc-sub-mapper',
            config: expect.objectContaining({ 'access.token.claim': 'true' }),
          }),
        ]),
      );
      expect(scope('roles').protocolMappers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            protocolMapper: 'oidc-usermodel-realm-role-mapper',
            config: expect.objectContaining({ 'claim.name': 'realm_access.roles', 'access.token.claim': 'true' }),
          }),
        ]),
      );
      expect(scope('profile').protocolMappers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            config: expect.objectContaining({
              'user.attribute': 'username',
              'claim.name': 'preferred_username',
              'access.token.claim': 'true',
            }),
          }),
        ]),
      );
    });

    it('maps gemeinden (multi-valued) and sozialregion into access tokens', () => {
      const byClaim = Object.fromEntries(
        mappersOf('oidc-usermodel-attribute-mapper').map((m) => [m.config['claim.name'], m]),
      );
      expect(byClaim['gemeinden']?.config).toMatchObject({
        'user.attribute': 'gemeinden',
        multivalued: 'true',
        'access.token.claim': 'true',
        'jsonType.label': 'String',
      });
      expect(byClaim['sozialregion']?.config).toMatchObject({
        'user.attribute': 'sozialregion',
        'access.token.claim': 'true',
        'jsonType.label': 'String',
      });
      expect(byClaim['sozialregion']?.config['multivalued']).not.toBe('true');
    });

    it('puts every service into aud through one audience mapper each', () => {
      const audiences = mappersOf('oidc-audience-mapper');
      expect(audiences.map((m) => m.config['included.client.audience']).sort()).toEqual([...SERVICES].sort());
      for (const mapper of audiences) expect(mapper.config['access.token.claim']).toBe('true');
      const holder = realm.clientScopes.find((s) =>
        s.protocolMappers?.some((m) => m.protocolMapper === 'oidc-audience-mapper'),
      )!;
      expect(client('si-cli').defaultClientScopes).toContain(holder.name);
      expect(client('register-connector').defaultClientScopes).toContain(holder.name);
    });

    it('is referenced only by names that exist (Keycloak would drop a missing one with a warning)', () => {
      const names = new Set(realm.clientScopes.map((s) => s.name));
      const referenced = [
        ...realm.clients.flatMap((c) => [...(c.defaultClientScopes ?? []), ...(c.optionalClientScopes ?? [])]),
        ...(realm['defaultDefaultClientScopes'] as string[]),
        ...(realm['defaultOptionalClientScopes'] as string[]),
      ];
      expect(referenced.filter((n) => !names.has(n))).toEqual([]);
    });
  });

  describe('user profile (Keycloak ≥ 24 drops undeclared attributes)', () => {
    it('is a declarative-user-profile component declaring gemeinden and sozialregion', () => {
      expect(realm.components['org.keycloak.userprofile.UserProfileProvider']?.[0]?.providerId).toBe(
        'declarative-user-profile',
      );
      const attributes = Object.fromEntries(userProfile().attributes.map((a) => [a.name, a]));
      // Keycloak requires username and email in the configuration.
      expect(Object.keys(attributes)).toEqual(
        expect.arrayContaining(['username', 'email', 'firstName', 'lastName', 'gemeinden', 'sozialregion']),
      );
      expect(attributes['gemeinden']).toMatchObject({ multivalued: true, permissions: { edit: ['admin'] } });
      expect(attributes['sozialregion']?.multivalued).not.toBe(true);
      expect(attributes['sozialregion']?.permissions?.edit).toEqual(['admin']);
      expect((attributes['sozialregion']?.validations?.['options'] as { options: string[] }).options.sort()).toEqual(
        [...regions].sort(),
      );
    });

    it('does not rely on unmanagedAttributePolicy: every user attribute is declared', () => {
      const profile = userProfile();
      expect(profile.unmanagedAttributePolicy).toBeUndefined();
      const declared = profile.attributes.map((a) => a.name);
      for (const u of realm.users) for (const name of Object.keys(u.attributes ?? {})) expect(declared).toContain(name);
    });
  });

  describe('clients', () => {
    it('has a bearer-only client per service that cannot obtain tokens', () => {
      for (const id of SERVICES) {
        expect(client(id)).toMatchObject({
          bearerOnly: true,
          publicClient: false,
          standardFlowEnabled: false,
          implicitFlowEnabled: false,
          directAccessGrantsEnabled: false,
          serviceAccountsEnabled: false,
        });
      }
    });

    it('has the public password-grant client si-cli', () => {
      expect(client('si-cli')).toMatchObject({
        publicClient: true,
        directAccessGrantsEnabled: true,
        standardFlowEnabled: false,
        serviceAccountsEnabled: false,
      });
    });

    it('has the confidential browser client si-web: code flow with PKCE S256 only, tokens accepted by every service', () => {
      expect(client('si-web')).toMatchObject({
        publicClient: false,
        standardFlowEnabled: true,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: false,
        secret: 'si-web-secret',
        redirectUris: ['http://localhost:3000/auth/callback'],
        webOrigins: ['http://localhost:3000'],
        attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': 'http://localhost:3000/' },
      });
      // The same claims as today's si-cli tokens: roles, jurisdiction and all six audiences.
      expect(client('si-web').defaultClientScopes).toEqual(
        expect.arrayContaining(client('si-cli').defaultClientScopes!),
      );
    });

    it('has the confidential client-credentials client register-connector with its service-account user', () => {
      expect(client('register-connector')).toMatchObject({
        publicClient: false,
        serviceAccountsEnabled: true,
        directAccessGrantsEnabled: false,
        secret: 'register-connector-secret',
      });
      const account = realm.users.find((u) => u['serviceAccountClientId'] === 'register-connector');
      expect(account).toMatchObject({ username: 'service-account-register-connector' });
      expect(account?.realmRoles).toContain('register-connector');
    });
  });

  describe('demo users', () => {
    const expected: [string, string, Record<string, string[]>][] = [
      ['ib.solothurn', 'gemeinde', { gemeinden: ['2601'] }],
      ['ib.olten', 'gemeinde', { gemeinden: ['2581'] }],
      ['ib.hubersdorf', 'gemeinde', { gemeinden: ['2548', '2541', '2545', '2547', '2549', '2554'] }],
      ['sr.olten', 'sozialregion', { sozialregion: ['olten'] }],
      ['ags.koordination', 'ags', {}],
      ['ma.integration', 'migrationsamt', {}],
    ];

    it.each(expected)('%s has role %s and attributes %j', (username, role, attributes) => {
      const u = user(username);
      expect(u.realmRoles).toEqual(expect.arrayContaining([role, 'default-roles-start-integration']));
      expect(u.attributes ?? {}).toEqual(attributes);
    });

    it('log in with password demo without any required action', () => {
      for (const [username] of expected) {
        const u = user(username);
        expect(u.credentials).toEqual([{ type: 'password', value: 'demo', temporary: false }]);
        expect(u.requiredActions).toEqual([]);
        // Keycloak's verify-profile action would block the password grant for an incomplete profile.
        expect(u).toMatchObject({
          enabled: true,
          emailVerified: true,
          firstName: expect.any(String),
          lastName: expect.any(String),
          email: expect.stringContaining('@'),
        });
      }
    });

    it('name only Solothurn BFS numbers and known Sozialregionen', () => {
      for (const u of realm.users) {
        for (const bfs of (u.attributes?.['gemeinden'] as string[] | undefined) ?? [])
          expect(solothurnBfs).toContain(bfs);
        for (const id of (u.attributes?.['sozialregion'] as string[] | undefined) ?? []) expect(regions).toContain(id);
      }
    });

    it('have unique fixed ids, so sub is the same in Keycloak and dev-oidc', () => {
      const ids = realm.users.map((u) => u.id);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('reference only existing realm roles', () => {
      const roles = new Set(realm.roles.realm.map((r) => r.name));
      for (const u of realm.users) for (const role of u.realmRoles) expect(roles).toContain(role);
    });
  });
});
