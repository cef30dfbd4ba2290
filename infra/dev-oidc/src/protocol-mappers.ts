import type { ClientRepresentation, ProtocolMapperRepresentation, UserRepresentation } from './realm-representation.js';

/** The realm and client roles a user holds after composite roles are expanded. */
export interface EffectiveRoles {
  realm: string[];
  client: Map<string, string[]>;
}

/** Everything a protocol mapper may read while one token is being built. */
export interface MapperContext {
  client: ClientRepresentation;
  user: UserRepresentation;
  subject: string;
  roles: EffectiveRoles;
  /** Keycloak's user-session notes (AUTH_TIME, client_id, clientHost, clientAddress, …). */
  sessionNotes: Record<string, string>;
  /** Collected by audience mappers; becomes `aud`. */
  audiences: Set<string>;
}

export type TokenKind = 'access' | 'id' | 'userinfo';
type Claims = Record<string, unknown>;
type Mapper = (config: Record<string, string>, context: MapperContext, claims: Claims) => void;

// The properties Keycloak ≥ 24 exposes as attributes too (the user profile unifies them).
const USER_PROPERTIES: Record<string, (user: UserRepresentation) => string | undefined> = {
  username: (u) => u.username,
  email: (u) => u.email,
  firstName: (u) => u.firstName,
  lastName: (u) => u.lastName,
  emailVerified: (u) => (u.emailVerified === undefined ? undefined : String(u.emailVerified)),
  enabled: (u) => String(u.enabled ?? true),
};

/** Splits a Keycloak claim name into its nesting path: dots nest, `\.` is a literal dot. */
export function claimPath(name: string): string[] {
  return name.split(/(?<!\\)\./).map((part) => part.replace(/\\\./g, '.'));
}

function setClaim(claims: Claims, name: string, value: unknown): void {
  const path = claimPath(name);
  let target = claims;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
    target = target[key] as Claims;
  }
  target[path.at(-1) ?? name] = value;
}

function convert(value: string, jsonType: string | undefined): unknown {
  switch (jsonType?.toLowerCase()) {
    case 'long':
    case 'int':
      return Number(value);
    case 'boolean':
      return value === 'true';
    case 'json':
      return JSON.parse(value);
    default:
      return value;
  }
}

function attributeValues(user: UserRepresentation, name: string): string[] {
  const property = USER_PROPERTIES[name];
  if (property) {
    const value = property(user);
    return value === undefined ? [] : [value];
  }
  return user.attributes?.[name] ?? [];
}

function setValues(claims: Claims, config: Record<string, string>, values: string[], multivalued: boolean): void {
  const claimName = config['claim.name'];
  if (!claimName || values.length === 0) return;
  const converted = values.map((v) => convert(v, config['jsonType.label']));
  setClaim(claims, claimName, multivalued ? converted : converted[0]);
}

const prefixed = (prefix: string | undefined, roles: string[]): string[] =>
  prefix ? roles.map((r) => prefix + r) : roles;

/** The protocol mapper types the dev server implements, keyed by Keycloak's provider id. */
export const PROTOCOL_MAPPERS: Record<string, Mapper> = {
  'oidc-sub-mapper': (_config, context, claims) => {
    claims['sub'] = context.subject;
  },
  'oidc-usermodel-attribute-mapper': (config, context, claims) =>
    setValues(
      claims,
      config,
      attributeValues(context.user, config['user.attribute'] ?? ''),
      config['multivalued'] === 'true',
    ),
  'oidc-usermodel-property-mapper': (config, context, claims) =>
    setValues(claims, config, attributeValues(context.user, config['user.attribute'] ?? ''), false),
  'oidc-full-name-mapper': (_config, context, claims) => {
    const name = [context.user.firstName, context.user.lastName].filter(Boolean).join(' ');
    if (name) claims['name'] = name;
  },
  'oidc-usermodel-realm-role-mapper': (config, context, claims) => {
    const roles = prefixed(config['usermodel.realmRoleMapping.rolePrefix'], context.roles.realm);
    if (roles.length > 0) setClaim(claims, config['claim.name'] || 'realm_access.roles', roles);
  },
  'oidc-usermodel-client-role-mapper': (config, context, claims) => {
    const only = config['usermodel.clientRoleMapping.clientId'];
    for (const [clientId, roles] of context.roles.client) {
      if ((only && only !== clientId) || roles.length === 0) continue;
      const name = (config['claim.name'] || 'resource_access.${client_id}.roles').replaceAll('${client_id}', clientId);
      setClaim(claims, name, prefixed(config['usermodel.clientRoleMapping.rolePrefix'], roles));
    }
  },
  'oidc-audience-mapper': (config, context) => {
    for (const key of ['included.client.audience', 'included.custom.audience']) {
      if (config[key]) context.audiences.add(config[key]);
    }
  },
  // Keycloak adds every client the user holds a role of, except the requesting client itself.
  'oidc-audience-resolve-mapper': (_config, context) => {
    for (const [clientId, roles] of context.roles.client) {
      if (clientId !== context.client.clientId && roles.length > 0) context.audiences.add(clientId);
    }
  },
  'oidc-usersessionmodel-note-mapper': (config, context, claims) => {
    const note = context.sessionNotes[config['user.session.note'] ?? ''];
    if (note !== undefined) setValues(claims, config, [note], false);
  },
};

const TOKEN_FLAG: Record<TokenKind, string> = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
};

/** Runs the mappers that target this kind of token, in order, writing into `claims`. */
export function applyProtocolMappers(
  mappers: ProtocolMapperRepresentation[],
  kind: TokenKind,
  context: MapperContext,
  claims: Claims,
): void {
  for (const mapper of mappers) {
    const config = mapper.config ?? {};
    // Keycloak applies a mapper to a token only when its "add to … token" switch is on.
    if (config[TOKEN_FLAG[kind]] !== 'true') continue;
    const implementation = PROTOCOL_MAPPERS[mapper.protocolMapper];
    if (!implementation) throw new Error(`unsupported protocol mapper ${mapper.protocolMapper}`);
    implementation(config, context, claims);
  }
}
