import { describe, expect, it } from '@jest/globals';
import { ForbiddenException } from '@nestjs/common';
import { assertMunicipality, assertSozialregion, canActForMunicipality, hasRole } from './object-authorization.js';
import { MalformedTokenError, principalFromClaims } from './principal.js';

const claims = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: 'u-1',
  azp: 'si-cli',
  preferred_username: 'ib.hubersdorf',
  realm_access: { roles: ['default-roles-start-integration', 'gemeinde'] },
  gemeinden: ['2548', '2541'],
  ...extra,
});

describe('principalFromClaims', () => {
  it('reads Keycloak claims into a principal', () => {
    expect(principalFromClaims(claims())).toEqual({
      subject: 'u-1',
      username: 'ib.hubersdorf',
      roles: ['default-roles-start-integration', 'gemeinde'],
      gemeinden: [2548, 2541],
      clientId: 'si-cli',
      isServiceAccount: false,
    });
  });

  it('drops gemeinden entries that are not BFS numbers, so a typo grants less', () => {
    expect(principalFromClaims(claims({ gemeinden: ['2601', 'Olten', '02581', '99999', 7] })).gemeinden).toEqual([
      2601,
    ]);
    expect(principalFromClaims(claims({ gemeinden: '2581' })).gemeinden).toEqual([2581]);
  });

  it('recognises service accounts and the sozialregion claim', () => {
    expect(
      principalFromClaims(
        claims({ client_id: 'register-connector', preferred_username: 'service-account-register-connector' }),
      ).isServiceAccount,
    ).toBe(true);
    expect(principalFromClaims(claims({ sozialregion: 'olten' })).sozialregion).toBe('olten');
  });

  it('refuses claims without sub or azp', () => {
    expect(() => principalFromClaims(claims({ sub: undefined }))).toThrow(MalformedTokenError);
    expect(() => principalFromClaims(claims({ azp: '' }))).toThrow(MalformedTokenError);
  });
});

describe('object-level checks', () => {
  const ib = principalFromClaims(claims());
  const region = principalFromClaims(claims({ realm_access: { roles: ['sozialregion'] }, sozialregion: 'olten' }));

  it('lets an IB act only for the municipalities of the claim', () => {
    expect(canActForMunicipality(ib, 2541)).toBe(true);
    expect(canActForMunicipality(ib, 2601)).toBe(false);
    expect(() => assertMunicipality(ib, 2548)).not.toThrow();
    expect(() => assertMunicipality(ib, 2601)).toThrow(ForbiddenException);
    expect(() => assertMunicipality(ib, 2601)).toThrow(/BFS 2601/);
  });

  it('grants nothing for a gemeinden claim without the gemeinde role', () => {
    expect(canActForMunicipality(principalFromClaims(claims({ realm_access: { roles: ['ags'] } })), 2548)).toBe(false);
  });

  it('checks the Sozialregion by role and claim', () => {
    expect(() => assertSozialregion(region, 'olten')).not.toThrow();
    expect(() => assertSozialregion(region, 'dorneck')).toThrow(/Sozialregion dorneck/);
    expect(() => assertSozialregion(principalFromClaims(claims({ sozialregion: 'olten' })), 'olten')).toThrow(
      ForbiddenException,
    );
    expect(hasRole(region, 'sozialregion')).toBe(true);
    expect(hasRole(region, 'gemeinde')).toBe(false);
  });
});
