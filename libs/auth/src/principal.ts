/**
 * Who is calling, as the access token says, already validated. Services take their authorisation
 * decisions from this and never from request parameters.
 */
export interface Principal {
  /** `sub`: stable id of the user (or service-account user) in the realm. */
  readonly subject: string;
  /** `preferred_username`, for audit logs. */
  readonly username: string;
  /** Realm roles (`realm_access.roles`), composites expanded by Keycloak. */
  readonly roles: readonly string[];
  /** BFS numbers the user acts for (`gemeinden`); a Leitgemeinde IB also holds the member municipalities. */
  readonly gemeinden: readonly number[];
  /** Id of the Sozialregion (`sozialregion`, see contracts/reference/sozialregionen.json). */
  readonly sozialregion?: string;
  /** `anbieter`: id of the offer provider an `anbieter` user works for (offers service). */
  readonly anbieter?: string;
  /** `mentoringPools`: ids of the Mentoring-Pools a `mentoring-koordination` user runs (a pool's id is its region's). */
  readonly mentoringPools?: readonly string[];
  /** `azp`: the client the token was issued to. */
  readonly clientId: string;
  /** A machine caller (client credentials), not a person. */
  readonly isServiceAccount: boolean;
}

/** Raised when a signature-valid token lacks what a principal needs; the guard answers 401. */
export class MalformedTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedTokenError';
  }
}

const BFS_NUMBER = /^[1-9][0-9]{0,3}$/;

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/**
 * Reads a principal from validated access-token claims. Keycloak writes `gemeinden` as strings (user
 * attributes are strings); entries that are not BFS numbers are dropped, so a typo in Keycloak grants
 * less, never more.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const subject = claims['sub'];
  if (typeof subject !== 'string' || subject === '') {
    throw new MalformedTokenError('token has no sub (does the client get the "basic" client scope?)');
  }
  const clientId = claims['azp'];
  if (typeof clientId !== 'string' || clientId === '') throw new MalformedTokenError('token has no azp');
  const username = typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : subject;
  const realmAccess = claims['realm_access'] as { roles?: unknown } | undefined;
  const gemeinden = [
    ...new Set(
      strings(claims['gemeinden'])
        .filter((v) => BFS_NUMBER.test(v))
        .map(Number),
    ),
  ];
  const sozialregion =
    typeof claims['sozialregion'] === 'string' && claims['sozialregion'] !== '' ? claims['sozialregion'] : undefined;
  const anbieter = typeof claims['anbieter'] === 'string' && claims['anbieter'] !== '' ? claims['anbieter'] : undefined;
  const mentoringPools = [...new Set(strings(claims['mentoringPools']).filter((v) => v !== ''))];
  // Keycloak's service_account scope writes client_id; its service-account users are named so.
  const isServiceAccount = typeof claims['client_id'] === 'string' || username.startsWith('service-account-');
  return {
    subject,
    username,
    roles: strings(realmAccess?.roles),
    gemeinden,
    ...(sozialregion ? { sozialregion } : {}),
    ...(anbieter ? { anbieter } : {}),
    ...(mentoringPools.length ? { mentoringPools } : {}),
    clientId,
    isServiceAccount,
  };
}
