export {
  startDevOidc,
  DEFAULT_REALM_FILE,
  type DevOidcOptions,
  type DevOidcServer,
  type MintOptions,
} from './dev-oidc.js';
export { isLoopbackHost, NonLoopbackRefusedError } from './loopback.js';
export { RealmModel, RealmFileError } from './realm-model.js';
export type { RealmRepresentation } from './realm-representation.js';
export type { DevOidcLogEntry } from './http-server.js';
export type { Claims, TokenResponse } from './token-issuer.js';
