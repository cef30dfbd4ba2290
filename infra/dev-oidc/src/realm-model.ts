import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { oauthErrors } from './oauth-error.js';
import { PROTOCOL_MAPPERS, type EffectiveRoles } from './protocol-mappers.js';
import type {
  ClientRepresentation,
  ClientScopeRepresentation,
  RealmRepresentation,
  RoleRepresentation,
  UserProfileConfig,
  UserRepresentation,
} from './realm-representation.js';

/** A realm file the dev server cannot interpret the way Keycloak would. */
export class RealmFileError extends Error {
  constructor(source: string, problems: string[]) {
    super(`${source} cannot be served by dev-oidc:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RealmFileError';
  }
}

// Clients Keycloak creates in every realm; roles of these may be referenced without being in the file.
const BUILT_IN_CLIENTS = new Set([
  'account',
  'account-console',
  'admin-cli',
  'broker',
  'realm-management',
  'security-admin-console',
]);
const USER_PROFILE_PROVIDER = 'org.keycloak.userprofile.UserProfileProvider';
const OPENID = 'openid';

/**
 * A realm export, checked once and then queried per token request. It answers the questions Keycloak
 * answers from its database: which user, which client, which client scopes, which effective roles.
 */
export class RealmModel {
  private readonly realmRoles = new Map<string, RoleRepresentation>();
  private readonly clientRoles = new Map<string, Map<string, RoleRepresentation>>();

  private constructor(
    readonly representation: RealmRepresentation,
    readonly userProfile: UserProfileConfig | undefined,
  ) {
    for (const role of [
      ...(representation.roles?.realm ?? []),
      ...(representation.defaultRole ? [representation.defaultRole] : []),
    ]) {
      // The entry in roles.realm carries the composites; defaultRole only names it.
      if (!this.realmRoles.has(role.name) || role.composites) this.realmRoles.set(role.name, role);
    }
    for (const [clientId, roles] of Object.entries(representation.roles?.client ?? {})) {
      this.clientRoles.set(clientId, new Map(roles.map((r) => [r.name, r])));
    }
  }

  /** Reads and checks a realm export file. */
  static async load(file: string): Promise<RealmModel> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new RealmFileError(file, [`not readable as JSON: ${(error as Error).message}`]);
    }
    return RealmModel.from(parsed, file);
  }

  /** Checks an already parsed realm export. */
  static from(parsed: unknown, source = 'realm export'): RealmModel {
    if (Array.isArray(parsed))
      throw new RealmFileError(source, ['holds several realms; dev-oidc serves one realm per file']);
    const rep = parsed as RealmRepresentation;
    if (typeof rep?.realm !== 'string' || rep.realm === '') throw new RealmFileError(source, ['has no "realm" name']);
    const userProfile = readUserProfile(rep, source);
    const model = new RealmModel(rep, userProfile);
    const problems = model.findProblems();
    if (problems.length > 0) throw new RealmFileError(source, problems);
    return model;
  }

  get name(): string {
    return this.representation.realm;
  }

  /** Seconds an access token lives; Keycloak's default is 300. */
  get accessTokenLifespan(): number {
    return this.representation.accessTokenLifespan ?? 300;
  }

  /** Seconds a refresh token lives: Keycloak bounds it by the session idle and max lifespans. */
  get refreshTokenLifespan(): number {
    return Math.min(
      this.representation.ssoSessionIdleTimeout ?? 1800,
      this.representation.ssoSessionMaxLifespan ?? 36000,
    );
  }

  /** Seconds a user session lives at most, however active (ssoSessionMaxLifespan). */
  get sessionMaxLifespan(): number {
    return this.representation.ssoSessionMaxLifespan ?? 36000;
  }

  /** Seconds a user session lives without activity (ssoSessionIdleTimeout). */
  get sessionIdleTimeout(): number {
    return this.representation.ssoSessionIdleTimeout ?? 1800;
  }

  get clientScopeNames(): string[] {
    return (this.representation.clientScopes ?? []).map((s) => s.name);
  }

  client(clientId: string): ClientRepresentation | undefined {
    return this.representation.clients?.find((c) => c.clientId === clientId);
  }

  /** Looks a user up by name; Keycloak stores usernames in lower case, so the lookup ignores case. */
  user(username: string): UserRepresentation | undefined {
    const wanted = username.toLowerCase();
    return this.representation.users?.find((u) => u.username.toLowerCase() === wanted && !u.serviceAccountClientId);
  }

  /** The user a login form or password grant names: by username, or by e-mail where the realm allows it (loginWithEmailAllowed). */
  userByLogin(login: string): UserRepresentation | undefined {
    const byName = this.user(login);
    if (byName || !this.representation.loginWithEmailAllowed || !login.includes('@')) return byName;
    const wanted = login.toLowerCase();
    return this.representation.users?.find((u) => u.email?.toLowerCase() === wanted && !u.serviceAccountClientId);
  }

  /** The exact redirect URIs a client registered (the dev server does not implement Keycloak's wildcards). */
  redirectUrisOf(client: ClientRepresentation): string[] {
    return client.redirectUris ?? [];
  }

  /** Keycloak's `post.logout.redirect.uris` attribute: `##`-separated, `+` standing for the redirect URIs. */
  postLogoutRedirectUrisOf(client: ClientRepresentation): string[] {
    const listed = (client.attributes?.['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean);
    return listed.flatMap((uri) => (uri === '+' ? this.redirectUrisOf(client) : [uri]));
  }

  /** The PKCE method a client must use (attribute pkce.code.challenge.method); undefined when PKCE is optional. */
  requiredPkceMethod(client: ClientRepresentation): string | undefined {
    return client.attributes?.['pkce.code.challenge.method'] || undefined;
  }

  userBySubject(subject: string): UserRepresentation | undefined {
    return [...(this.representation.users ?? []), ...this.syntheticServiceAccounts()].find(
      (u) => this.subjectOf(u) === subject,
    );
  }

  /**
   * The service-account user of a client. Keycloak creates one when a client enables service accounts;
   * when the file does not carry it, the dev server makes up the same user (default role only).
   */
  serviceAccountOf(client: ClientRepresentation): UserRepresentation {
    return (
      this.representation.users?.find((u) => u.serviceAccountClientId === client.clientId) ??
      this.syntheticServiceAccount(client.clientId)
    );
  }

  /** `sub` of a user: the id from the file, else a UUID derived from realm and username so it is stable. */
  subjectOf(user: UserRepresentation): string {
    if (user.id) return user.id;
    const hex = createHash('sha1').update(`${this.name}/${user.username}`).digest('hex');
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Realm and client roles of a user with every composite expanded, as Keycloak puts them into tokens. */
  effectiveRoles(user: UserRepresentation): EffectiveRoles {
    const realm = new Set<string>();
    const client = new Map<string, Set<string>>();
    const addRealm = (name: string): void => {
      if (realm.has(name)) return;
      realm.add(name);
      this.expand(this.realmRoles.get(name), addRealm, addClient);
    };
    const addClient = (clientId: string, name: string): void => {
      const roles = client.get(clientId) ?? new Set<string>();
      client.set(clientId, roles);
      if (roles.has(name)) return;
      roles.add(name);
      this.expand(this.clientRoles.get(clientId)?.get(name), addRealm, addClient);
    };
    for (const name of user.realmRoles ?? []) addRealm(name);
    for (const [clientId, names] of Object.entries(user.clientRoles ?? {}))
      for (const name of names) addClient(clientId, name);
    return { realm: [...realm], client: new Map([...client].map(([id, roles]) => [id, [...roles]])) };
  }

  /**
   * The client scopes a token gets: all default scopes of the client plus the optional ones the request
   * names. Like Keycloak, a requested scope the client does not have is an `invalid_scope` error.
   */
  clientScopesFor(client: ClientRepresentation, requested: string[]): ClientScopeRepresentation[] {
    const defaults = client.defaultClientScopes ?? this.representation.defaultDefaultClientScopes ?? [];
    const optional = client.optionalClientScopes ?? this.representation.defaultOptionalClientScopes ?? [];
    const unknown = requested.filter((s) => s !== OPENID && !defaults.includes(s) && !optional.includes(s));
    if (unknown.length > 0) throw oauthErrors.invalidScope(requested);
    const names = [...defaults, ...optional.filter((s) => requested.includes(s))];
    return names.map((name) => this.clientScope(name)).filter((s): s is ClientScopeRepresentation => s !== undefined);
  }

  clientScope(name: string): ClientScopeRepresentation | undefined {
    return this.representation.clientScopes?.find((s) => s.name === name);
  }

  private expand(
    role: RoleRepresentation | undefined,
    addRealm: (name: string) => void,
    addClient: (clientId: string, name: string) => void,
  ): void {
    for (const name of role?.composites?.realm ?? []) addRealm(name);
    for (const [clientId, names] of Object.entries(role?.composites?.client ?? {}))
      for (const name of names) addClient(clientId, name);
  }

  private syntheticServiceAccount(clientId: string): UserRepresentation {
    const defaultRole = this.representation.defaultRole?.name;
    return {
      username: `service-account-${clientId}`,
      enabled: true,
      serviceAccountClientId: clientId,
      realmRoles: defaultRole ? [defaultRole] : [],
    };
  }

  private syntheticServiceAccounts(): UserRepresentation[] {
    const present = new Set(this.representation.users?.map((u) => u.serviceAccountClientId).filter(Boolean));
    return (this.representation.clients ?? [])
      .filter((c) => c.serviceAccountsEnabled && !present.has(c.clientId))
      .map((c) => this.syntheticServiceAccount(c.clientId));
  }

  /** What Keycloak would do differently from the dev server with this file. */
  private findProblems(): string[] {
    const rep = this.representation;
    const problems: string[] = [];
    const scopes = new Set(this.clientScopeNames);
    const clients = new Set((rep.clients ?? []).map((c) => c.clientId));
    const knownClient = (id: string): boolean => clients.has(id) || BUILT_IN_CLIENTS.has(id);

    for (const mapperOwner of [...(rep.clientScopes ?? []), ...(rep.clients ?? [])]) {
      const owner = 'clientId' in mapperOwner ? `client ${mapperOwner.clientId}` : `client scope ${mapperOwner.name}`;
      for (const mapper of mapperOwner.protocolMappers ?? []) {
        if (!PROTOCOL_MAPPERS[mapper.protocolMapper])
          problems.push(`${owner}: protocol mapper type ${mapper.protocolMapper} is not implemented`);
        const audience = mapper.config?.['included.client.audience'];
        if (audience && !clients.has(audience))
          problems.push(`${owner}: audience mapper names unknown client ${audience}`);
      }
    }
    for (const client of rep.clients ?? []) {
      for (const name of [...(client.defaultClientScopes ?? []), ...(client.optionalClientScopes ?? [])]) {
        // Keycloak only logs a warning and drops the reference, and the token then lacks those claims.
        if (!scopes.has(name))
          problems.push(`client ${client.clientId}: client scope ${name} does not exist in the file`);
      }
      if (client.fullScopeAllowed === false)
        problems.push(`client ${client.clientId}: fullScopeAllowed=false (role scope mappings) is not implemented`);
      if (client.protocol && client.protocol !== 'openid-connect')
        problems.push(`client ${client.clientId}: protocol ${client.protocol} is not served`);
      if (client.implicitFlowEnabled) problems.push(`client ${client.clientId}: the implicit flow is not served`);
      for (const uri of [...this.redirectUrisOf(client), ...this.postLogoutRedirectUrisOf(client)]) {
        // Keycloak would accept wildcards; the dev server compares exactly, so a wildcard would only ever fail here.
        if (uri.includes('*'))
          problems.push(
            `client ${client.clientId}: redirect URI ${uri} uses a wildcard; dev-oidc compares redirect URIs exactly`,
          );
      }
      const pkce = this.requiredPkceMethod(client);
      if (pkce && pkce !== 'S256')
        problems.push(`client ${client.clientId}: pkce.code.challenge.method ${pkce} is not served (S256 only)`);
    }
    for (const name of [...(rep.defaultDefaultClientScopes ?? []), ...(rep.defaultOptionalClientScopes ?? [])]) {
      if (!scopes.has(name)) problems.push(`realm default client scope ${name} does not exist in the file`);
    }
    for (const role of this.realmRoles.values()) {
      for (const name of role.composites?.realm ?? [])
        if (!this.realmRoles.has(name)) problems.push(`role ${role.name}: composite realm role ${name} does not exist`);
      for (const id of Object.keys(role.composites?.client ?? {}))
        if (!knownClient(id)) problems.push(`role ${role.name}: composite names unknown client ${id}`);
    }
    const declared = new Set(this.userProfile?.attributes.map((a) => a.name));
    for (const user of rep.users ?? []) {
      const who = `user ${user.username}`;
      for (const name of user.realmRoles ?? [])
        if (!this.realmRoles.has(name)) problems.push(`${who}: realm role ${name} does not exist`);
      for (const id of Object.keys(user.clientRoles ?? {}))
        if (!knownClient(id)) problems.push(`${who}: client roles of unknown client ${id}`);
      if (user.serviceAccountClientId && !clients.has(user.serviceAccountClientId))
        problems.push(`${who}: service account of unknown client ${user.serviceAccountClientId}`);
      for (const credential of user.credentials ?? []) {
        if (credential.type === 'password' && credential.value === undefined)
          problems.push(`${who}: only plain "value" passwords can be checked, not hashed ones`);
      }
      // Keycloak ≥ 24 hides attributes the user profile does not declare (unmanagedAttributePolicy unset).
      if (this.userProfile && !this.userProfile.unmanagedAttributePolicy) {
        for (const name of Object.keys(user.attributes ?? {}))
          if (!declared.has(name)) problems.push(`${who}: attribute ${name} is not declared in the user profile`);
      }
    }
    return problems;
  }
}

function readUserProfile(rep: RealmRepresentation, source: string): UserProfileConfig | undefined {
  const component = rep.components?.[USER_PROFILE_PROVIDER]?.find((c) => c.providerId === 'declarative-user-profile');
  const text = component?.config?.['kc.user.profile.config']?.[0];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as UserProfileConfig;
  } catch (error) {
    throw new RealmFileError(source, [`user profile config is not JSON: ${(error as Error).message}`]);
  }
}
