import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '@si/testing';
import { REALM_USER_ROLES } from './realm-users.js';
import { REALM_USERS } from './service-test-app.js';

describe('the persons of the demo realm the access matrices run', () => {
  it('are every person of the realm file, with the realm roles the file gives them', () => {
    const realm = JSON.parse(readFileSync(`${repoRoot()}/infra/keycloak/realm-start-integration.json`, 'utf8')) as {
      users: { username: string; realmRoles?: string[] }[];
    };
    const people = realm.users.filter((u) => !u.username.startsWith('service-account-'));
    expect([...REALM_USERS].sort()).toEqual(people.map((u) => u.username).sort());
    expect(Object.keys(REALM_USER_ROLES).sort()).toEqual([...REALM_USERS].sort());
    for (const person of people)
      expect({
        user: person.username,
        roles: [...(REALM_USER_ROLES[person.username as keyof typeof REALM_USER_ROLES] ?? [])].sort(),
      }).toEqual({
        user: person.username,
        roles: (person.realmRoles ?? []).filter((r) => !r.startsWith('default-roles-')).sort(),
      });
  });
});
