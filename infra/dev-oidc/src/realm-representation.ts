/**
 * The part of Keycloak's realm export format (`RealmRepresentation` and friends, Keycloak 26) that the dev
 * server interprets. Field names are Keycloak's own, so the same file imports into Keycloak unchanged.
 * Anything the dev server does not understand is refused at load time (see realm-model.ts) rather than
 * silently ignored, because silently ignoring it would make dev tokens differ from Keycloak's.
 */

/** Keycloak's `MultivaluedHashMap<String,String>` as JSON: every value is a list of strings. */
export type MultivaluedMap = Record<string, string[]>;

export interface RoleRepresentation {
  name: string;
  description?: string;
  composite?: boolean;
  clientRole?: boolean;
  composites?: { realm?: string[]; client?: Record<string, string[]> };
}

export interface CredentialRepresentation {
  type: string;
  /** Plain value: Keycloak hashes it on import; the dev server compares it. */
  value?: string;
  temporary?: boolean;
  secretData?: string;
}

export interface UserRepresentation {
  id?: string;
  username: string;
  enabled?: boolean;
  emailVerified?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  attributes?: MultivaluedMap;
  credentials?: CredentialRepresentation[];
  requiredActions?: string[];
  realmRoles?: string[];
  clientRoles?: Record<string, string[]>;
  serviceAccountClientId?: string;
}

export interface ProtocolMapperRepresentation {
  name: string;
  protocol?: string;
  protocolMapper: string;
  consentRequired?: boolean;
  config?: Record<string, string>;
}

export interface ClientScopeRepresentation {
  name: string;
  description?: string;
  protocol?: string;
  attributes?: Record<string, string>;
  protocolMappers?: ProtocolMapperRepresentation[];
}

export interface ClientRepresentation {
  clientId: string;
  name?: string;
  enabled?: boolean;
  protocol?: string;
  publicClient?: boolean;
  bearerOnly?: boolean;
  secret?: string;
  clientAuthenticatorType?: string;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  fullScopeAllowed?: boolean;
  protocolMappers?: ProtocolMapperRepresentation[];
  defaultClientScopes?: string[];
  optionalClientScopes?: string[];
  /** Where the authorization endpoint may send the browser back; the dev server compares them exactly. */
  redirectUris?: string[];
  webOrigins?: string[];
  /** Among others `pkce.code.challenge.method` and `post.logout.redirect.uris` (`##`-separated, `+` = the redirectUris). */
  attributes?: Record<string, string>;
}

export interface ComponentExportRepresentation {
  name?: string;
  providerId: string;
  subType?: string;
  subComponents?: Record<string, ComponentExportRepresentation[]>;
  config?: MultivaluedMap;
}

export interface RealmRepresentation {
  realm: string;
  enabled?: boolean;
  accessTokenLifespan?: number;
  ssoSessionIdleTimeout?: number;
  ssoSessionMaxLifespan?: number;
  notBefore?: number;
  displayName?: string;
  loginWithEmailAllowed?: boolean;
  /** Brute-force detection (Keycloak's "Security defenses"); unset numbers take Keycloak's defaults. */
  bruteForceProtected?: boolean;
  permanentLockout?: boolean;
  failureFactor?: number;
  waitIncrementSeconds?: number;
  quickLoginCheckMilliSeconds?: number;
  minimumQuickLoginWaitSeconds?: number;
  maxFailureWaitSeconds?: number;
  maxDeltaTimeSeconds?: number;
  internationalizationEnabled?: boolean;
  supportedLocales?: string[];
  defaultLocale?: string;
  roles?: { realm?: RoleRepresentation[]; client?: Record<string, RoleRepresentation[]> };
  defaultRole?: RoleRepresentation;
  users?: UserRepresentation[];
  clients?: ClientRepresentation[];
  clientScopes?: ClientScopeRepresentation[];
  defaultDefaultClientScopes?: string[];
  defaultOptionalClientScopes?: string[];
  components?: Record<string, ComponentExportRepresentation[]>;
}

/** The declarative user profile (Keycloak ≥ 24), stored as JSON text in a component's config. */
export interface UserProfileConfig {
  attributes: { name: string; multivalued?: boolean }[];
  unmanagedAttributePolicy?: 'ENABLED' | 'ADMIN_VIEW' | 'ADMIN_EDIT';
}
