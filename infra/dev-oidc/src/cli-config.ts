import { fileURLToPath } from 'node:url';
import type { DevOidcOptions } from './dev-oidc.js';

/** Where the platform scripts keep state (git-ignored); the key survives restarts there. */
const DEFAULT_KEY_FILE = fileURLToPath(new URL('../../../.platform/dev-oidc-key.json', import.meta.url));

export const USAGE = `Usage: node infra/dev-oidc/dist/main.js [--allow-non-loopback]

Keycloak-compatible dev identity server (realm export from infra/keycloak/).
Environment:
  DEV_OIDC_PORT                 port (default 8080)
  DEV_OIDC_HOST                 address to listen on (default 127.0.0.1)
  DEV_OIDC_REALM_FILE           realm export (default infra/keycloak/realm-start-integration.json)
  DEV_OIDC_PUBLIC_URL           base URL in the tokens' iss (default http://localhost:8080)
  DEV_OIDC_KEY_FILE             signing key file, created on first start (default .platform/dev-oidc-key.json)
  DEV_OIDC_ALLOW_NON_LOOPBACK   "true" to listen on a non-loopback address (same as --allow-non-loopback)`;

const truthy = (value: string | undefined): boolean => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());

/** Turns the command line and environment into server options; throws with a readable message on nonsense. */
export function parseCliConfig(argv: string[], env: NodeJS.ProcessEnv): DevOidcOptions & { help?: boolean } {
  const unknown = argv.filter((a) => !['--allow-non-loopback', '--help', '-h'].includes(a));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}\n\n${USAGE}`);
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const port = Number(env['DEV_OIDC_PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`DEV_OIDC_PORT must be a port number, not ${env['DEV_OIDC_PORT']}`);
  const publicUrl = env['DEV_OIDC_PUBLIC_URL'] ?? `http://localhost:${port}`;
  if (!/^https?:\/\/[^/]+/.test(publicUrl))
    throw new Error(`DEV_OIDC_PUBLIC_URL must be an http(s) URL, not ${publicUrl}`);
  return {
    port,
    host: env['DEV_OIDC_HOST'] ?? '127.0.0.1',
    publicUrl,
    keyFile: env['DEV_OIDC_KEY_FILE'] ?? DEFAULT_KEY_FILE,
    allowNonLoopback: argv.includes('--allow-non-loopback') || truthy(env['DEV_OIDC_ALLOW_NON_LOOPBACK']),
    ...(env['DEV_OIDC_REALM_FILE'] ? { realmFile: env['DEV_OIDC_REALM_FILE'] } : {}),
  };
}
