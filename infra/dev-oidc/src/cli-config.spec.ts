import { describe, expect, it } from '@jest/globals';
import { parseCliConfig } from './cli-config.js';
import { isLoopbackHost } from './loopback.js';

describe('parseCliConfig', () => {
  it('defaults to loopback, port 8080 and the localhost issuer base', () => {
    const config = parseCliConfig([], {});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:8080',
      allowNonLoopback: false,
    });
    expect(config.keyFile).toMatch(/\.platform\/dev-oidc-key\.json$/);
    expect(config.realmFile).toBeUndefined();
  });

  it('reads the environment', () => {
    const config = parseCliConfig([], {
      DEV_OIDC_PORT: '18080',
      DEV_OIDC_HOST: '::1',
      DEV_OIDC_PUBLIC_URL: 'http://keycloak:8080',
      DEV_OIDC_REALM_FILE: '/tmp/realm.json',
      DEV_OIDC_KEY_FILE: '/tmp/key.json',
    });
    expect(config).toMatchObject({
      port: 18080,
      host: '::1',
      publicUrl: 'http://keycloak:8080',
      realmFile: '/tmp/realm.json',
      keyFile: '/tmp/key.json',
    });
  });

  it('allows non-loopback only when told, by flag or environment', () => {
    expect(parseCliConfig(['--allow-non-loopback'], {}).allowNonLoopback).toBe(true);
    expect(parseCliConfig([], { DEV_OIDC_ALLOW_NON_LOOPBACK: 'true' }).allowNonLoopback).toBe(true);
    expect(parseCliConfig([], { DEV_OIDC_ALLOW_NON_LOOPBACK: 'no' }).allowNonLoopback).toBe(false);
  });

  it('rejects nonsense with a readable message', () => {
    expect(() => parseCliConfig(['--port=1'], {})).toThrow(/unknown argument --port=1/);
    expect(() => parseCliConfig([], { DEV_OIDC_PORT: 'eighty' })).toThrow(/DEV_OIDC_PORT/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['keycloak', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
