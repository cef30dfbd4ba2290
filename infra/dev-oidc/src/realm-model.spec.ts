import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEFAULT_REALM_FILE } from './dev-oidc.js';
import { RealmFileError, RealmModel } from './realm-model.js';
import type { RealmRepresentation, UserRepresentation } from './realm-representation.js';

const realmJson = (): RealmRepresentation =>
  JSON.parse(readFileSync(DEFAULT_REALM_FILE, 'utf8')) as RealmRepresentation;

describe('RealmModel', () => {
  it('loads the repository realm export', async () => {
    const realm = await RealmModel.load(DEFAULT_REALM_FILE);
    expect(realm.name).toBe('start-integration');
    expect(realm.accessTokenLifespan).toBe(300);
  });

  it('expands composite roles, including client roles of built-in clients', () => {
    const realm = RealmModel.from(realmJson());
    const roles = realm.effectiveRoles(realm.user('ib.solothurn')!);
    expect(roles.realm).toEqual(
      expect.arrayContaining(['default-roles-start-integration', 'offline_access', 'uma_authorization', 'gemeinde']),
    );
    expect(roles.client.get('account')).toEqual(expect.arrayContaining(['view-profile', 'manage-account']));
  });

  it('derives a stable UUID subject for a user without id', () => {
    const rep = realmJson();
    const { id: _id, ...user }: UserRepresentation = rep.users![0]!;
    const realm = RealmModel.from(rep);
    expect(realm.subjectOf(user)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(realm.subjectOf(user)).toBe(realm.subjectOf({ ...user }));
  });

  it('refuses a protocol mapper type it would not apply the way Keycloak does', () => {
    const rep = realmJson();
    rep.clientScopes![0]!.protocolMappers!.push({
      name: 'groups',
      protocolMapper: 'oidc-group-membership-mapper',
      config: {},
    });
    expect(() => RealmModel.from(rep)).toThrow(/oidc-group-membership-mapper is not implemented/);
  });

  it('refuses a client that references a missing client scope (Keycloak would drop it silently)', () => {
    const rep = realmJson();
    rep.clients!.find((c) => c.clientId === 'si-cli')!.defaultClientScopes!.push('web-origins');
    expect(() => RealmModel.from(rep)).toThrow(RealmFileError);
  });

  it('refuses a user attribute the user profile does not declare', () => {
    const rep = realmJson();
    rep.users!.find((u) => u.username === 'ib.olten')!.attributes = { gemeinde: ['2581'] };
    expect(() => RealmModel.from(rep)).toThrow(/attribute gemeinde is not declared in the user profile/);
  });

  it('refuses redirect URIs with wildcards and a PKCE method other than S256, which it would not serve as Keycloak does', () => {
    const wildcard = realmJson();
    wildcard.clients!.find((c) => c.clientId === 'si-web')!.redirectUris = ['http://localhost:3000/*'];
    expect(() => RealmModel.from(wildcard)).toThrow(/uses a wildcard/);
    const plain = realmJson();
    plain.clients!.find((c) => c.clientId === 'si-web')!.attributes!['pkce.code.challenge.method'] = 'plain';
    expect(() => RealmModel.from(plain)).toThrow(/pkce.code.challenge.method plain is not served/);
  });

  it('reads post-logout redirect URIs as Keycloak does: ##-separated, + for the redirect URIs', () => {
    const rep = realmJson();
    const client = rep.clients!.find((c) => c.clientId === 'si-web')!;
    client.attributes!['post.logout.redirect.uris'] = 'http://localhost:3000/##+';
    expect(RealmModel.from(rep).postLogoutRedirectUrisOf(client)).toEqual([
      'http://localhost:3000/',
      'http://localhost:3000/auth/callback',
    ]);
  });

  it('finds a user by e-mail when the realm allows login with e-mail', () => {
    const realm = RealmModel.from(realmJson());
    expect(realm.userByLogin('IB.Olten@demo.start-integration.invalid')?.username).toBe('ib.olten');
    expect(
      RealmModel.from({ ...realmJson(), loginWithEmailAllowed: false }).userByLogin(
        'ib.olten@demo.start-integration.invalid',
      ),
    ).toBeUndefined();
  });

  it('refuses hashed passwords, which it cannot check', () => {
    const rep = realmJson();
    rep.users![0]!.credentials = [{ type: 'password', secretData: '{"value":"…"}' }];
    expect(() => RealmModel.from(rep)).toThrow(/plain "value" passwords/);
  });
});
