/**
 * What the web service reads from its environment. Defaults fit `npm run platform` on one machine.
 * Read once at start; a wrong value stops the start with every complaint at once.
 */
export interface WebConfig {
  /** Where browsers reach this service (redirect URIs, Origin check, cookie security). */
  publicUrl: string;
  /** The identity server's base URL (Keycloak or dev-oidc); the realm path is added. */
  identityUrl: string;
  realm: string;
  /** Where this service reads the discovery document when it reaches the identity server by another name than
   *  browsers do (docker compose: keycloak:8080 inside, localhost:8080 outside); default: under the issuer. */
  discoveryUrl?: string;
  clientId: string;
  clientSecret: string;
  redisUrl: string;
  /** Prefix of every Redis key (tests use their own). */
  redisPrefix: string;
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
  /** Hours after login after which a session ends whatever happens. */
  maxHours: number;
  services: {
    caseManagement: string;
    registryIntake: string;
    offers: string;
    subsidies: string;
    reporting: string;
    dfpa: string;
  };
}

export class WebConfigError extends Error {}

const positive = (name: string, raw: string | undefined, fallback: number, problems: string[]): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) problems.push(`${name}="${raw}" must be a positive integer`);
  return n;
};

const url = (name: string, raw: string | undefined, fallback: string, problems: string[]): string => {
  const value = raw === undefined || raw === '' ? fallback : raw;
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      problems.push(`${name}="${value}" must be an http(s) URL`);
  } catch {
    problems.push(`${name}="${value}" is not a URL`);
  }
  return value.replace(/\/+$/, '');
};

export function loadWebConfig(env: Readonly<Record<string, string | undefined>> = process.env): WebConfig {
  const problems: string[] = [];
  const config: WebConfig = {
    publicUrl: url('WEB_PUBLIC_URL', env.WEB_PUBLIC_URL, `http://localhost:${env.PORT ?? 3000}`, problems),
    identityUrl: url('OIDC_AUTH_SERVER_URL', env.OIDC_AUTH_SERVER_URL, 'http://localhost:8080', problems),
    realm: env.OIDC_REALM || 'start-integration',
    ...(env.OIDC_DISCOVERY_URL
      ? { discoveryUrl: url('OIDC_DISCOVERY_URL', env.OIDC_DISCOVERY_URL, '', problems) }
      : {}),
    clientId: env.WEB_OIDC_CLIENT_ID || 'si-web',
    clientSecret: env.WEB_OIDC_CLIENT_SECRET || 'si-web-secret',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: env.WEB_REDIS_PREFIX || 'web:',
    idleMinutes: positive('WEB_SESSION_IDLE_MINUTES', env.WEB_SESSION_IDLE_MINUTES, 30, problems),
    maxHours: positive('WEB_SESSION_MAX_HOURS', env.WEB_SESSION_MAX_HOURS, 10, problems),
    services: {
      caseManagement: url('CASE_MANAGEMENT_URL', env.CASE_MANAGEMENT_URL, 'http://127.0.0.1:3002', problems),
      registryIntake: url('REGISTRY_INTAKE_URL', env.REGISTRY_INTAKE_URL, 'http://127.0.0.1:3001', problems),
      offers: url('OFFERS_URL', env.OFFERS_URL, 'http://127.0.0.1:3003', problems),
      subsidies: url('SUBSIDIES_URL', env.SUBSIDIES_URL, 'http://127.0.0.1:3004', problems),
      reporting: url('REPORTING_URL', env.REPORTING_URL, 'http://127.0.0.1:3005', problems),
      dfpa: url('DFPA_URL', env.DFPA_URL, 'http://127.0.0.1:3006', problems),
    },
  };
  if (problems.length) throw new WebConfigError(`The configuration of web is invalid:\n  - ${problems.join('\n  - ')}`);
  return config;
}

export const WEB_CONFIG = Symbol('WEB_CONFIG');

/** The issuer URL the tokens carry and discovery lives under. */
export const issuerOf = (c: WebConfig): string => `${c.identityUrl}/realms/${c.realm}`;
/** Over http (a developer's localhost) the cookie cannot be Secure, and `__Host-` requires Secure. */
export const isHttps = (c: WebConfig): boolean => c.publicUrl.startsWith('https:');
