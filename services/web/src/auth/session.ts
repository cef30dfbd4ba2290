/** The roles the workspace knows (realm roles of a person); each sees only its own menu. */
export const WEB_ROLES = [
  'gemeinde',
  'sozialregion',
  'ags',
  'ags-finanzen',
  'migrationsamt',
  'anbieter',
  'mentoring-koordination',
] as const;
export type WebRole = (typeof WEB_ROLES)[number];

/** Who is logged in, as the identity server said at login (and at each refresh). */
export interface WebUser {
  subject: string;
  username: string;
  /** Display name (given + family name), else the username. */
  name: string;
  roles: WebRole[];
  /** BFS numbers the user acts for (a Leitgemeinde IB: its members too). */
  gemeinden: number[];
  sozialregion?: string;
  /** Provider organisation of provider staff (role anbieter). */
  anbieter?: string;
  /** Mentoring pools a coordinator runs (role mentoring-koordination). */
  mentoringPools?: string[];
}

/** A browser's session, kept only in Redis: the browser holds nothing but the random id in a cookie. */
export interface Session {
  user: WebUser;
  accessToken: string;
  /** Milliseconds since the epoch. */
  accessExpiresAt: number;
  refreshToken?: string;
  idToken?: string;
  /** Synchronizer token every POST must carry. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

export const hasAnyRole = (user: WebUser | undefined, roles: readonly string[]): boolean =>
  !!user && user.roles.some((r) => roles.includes(r));
