import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REALM_FILE, startDevOidc, type DevOidcServer } from './dev-oidc.js';
import { NonLoopbackRefusedError } from './loopback.js';
import type { RealmRepresentation } from './realm-representation.js';

const SERVICES = ['registry-intake', 'case-management', 'offers', 'subsidies', 'reporting', 'dfpa'];
const realmFile = JSON.parse(readFileSync(DEFAULT_REALM_FILE, 'utf8')) as RealmRepresentation;
const idOf = (username: string): string | undefined => realmFile.users?.find((u) => u.username === username)?.id;

type Json = Record<string, unknown>;
const claimsOf = (token: string): Json =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Json;

describe('dev-oidc', () => {
  let oidc: DevOidcServer;
  const tokenUrl = (): string => `${oidc.issuer}/protocol/openid-connect/token`;

  async function post(
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }
  const login = (username: string, password = 'demo', extra: Record<string, string> = {}) =>
    post({ grant_type: 'password', client_id: 'si-cli', username, password, ...extra });
  const basic = (id: string, secret: string): Record<string, string> => ({
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  });

  beforeAll(async () => {
    oidc = await startDevOidc({ port: 0 });
  });
  afterAll(async () => {
    await oidc.close();
  });

  it('serves the discovery document under the realm path with the exact issuer', async () => {
    const response = await fetch(`${oidc.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Json;
    expect(oidc.issuer).toBe(`${oidc.url}/realms/start-integration`);
    expect(doc['issuer']).toBe(oidc.issuer);
    expect(doc['token_endpoint']).toBe(tokenUrl());
    expect(doc['jwks_uri']).toBe(`${oidc.issuer}/protocol/openid-connect/certs`);
    expect(doc['grant_types_supported']).toEqual(
      expect.arrayContaining(['password', 'client_credentials', 'refresh_token']),
    );
  });

  it('publishes one RS256 signing key with a kid and without private members', async () => {
    const jwks = (await (await fetch(`${oidc.issuer}/protocol/openid-connect/certs`)).json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(typeof key!.kid).toBe('string');
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member);
  });

  it('answers 404 for another realm', async () => {
    const response = await fetch(`${oidc.url}/realms/master/.well-known/openid-configuration`);
    expect(response.status).toBe(404);
  });

  describe('password grant (si-cli)', () => {
    it('issues a Keycloak-shaped access token that verifies against the JWKS', async () => {
      const { status, body } = await login('ib.solothurn');
      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
      const token = body['access_token'] as string;
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256' });

      const jwks = createLocalJWKSet(
        (await (await fetch(`${oidc.issuer}/protocol/openid-connect/certs`)).json()) as JSONWebKeySet,
      );
      const { payload, protectedHeader } = await jwtVerify(token, jwks, {
        issuer: oidc.issuer,
        audience: 'case-management',
      });
      expect(protectedHeader.kid).toBeDefined();
      expect(payload).toMatchObject({
        typ: 'Bearer',
        azp: 'si-cli',
        sub: idOf('ib.solothurn'),
        preferred_username: 'ib.solothurn',
        gemeinden: ['2601'],
      });
      expect(payload.exp! - payload.iat!).toBe(300);
      expect(typeof payload.jti).toBe('string');
      expect(typeof payload['scope']).toBe('string');
      expect((payload['realm_access'] as { roles: string[] }).roles).toContain('gemeinde');
      expect(payload.aud).toEqual(expect.arrayContaining(SERVICES));
      expect(payload).not.toHaveProperty('sozialregion');
    });

    it('keeps sub stable across logins', async () => {
      const first = claimsOf((await login('ib.olten')).body['access_token'] as string);
      const second = claimsOf((await login('IB.Olten')).body['access_token'] as string);
      expect(first['sub']).toBe(second['sub']);
      expect(first['jti']).not.toBe(second['jti']);
    });

    it('gives the Leitgemeinde IB all member municipalities and the Sozialregion its region', async () => {
      const hubersdorf = claimsOf((await login('ib.hubersdorf')).body['access_token'] as string);
      expect(hubersdorf['gemeinden']).toEqual(['2548', '2541', '2545', '2547', '2549', '2554']);
      const region = claimsOf((await login('sr.olten')).body['access_token'] as string);
      expect(region['sozialregion']).toBe('olten');
      expect(region).not.toHaveProperty('gemeinden');
      expect((region['realm_access'] as { roles: string[] }).roles).toContain('sozialregion');
    });

    it('adds optional client scopes only when asked and an ID token for openid', async () => {
      const plain = await login('ma.integration');
      expect(claimsOf(plain.body['access_token'] as string)).not.toHaveProperty('email');
      expect(plain.body).not.toHaveProperty('id_token');
      const withEmail = await login('ma.integration', 'demo', { scope: 'openid email' });
      expect(claimsOf(withEmail.body['access_token'] as string)['email']).toBe(
        'ma.integration@demo.start-integration.invalid',
      );
      expect(claimsOf(withEmail.body['id_token'] as string)).toMatchObject({
        typ: 'ID',
        aud: 'si-cli',
        sub: idOf('ma.integration'),
      });
    });

    // Keycloak 26 answers wrong user credentials with 401 invalid_grant (keycloak/keycloak#45812), not RFC 6749's 400.
    it('refuses a wrong password and an unknown user with invalid_grant', async () => {
      for (const attempt of [login('ib.solothurn', 'wrong'), login('nobody', 'demo')]) {
        const { status, body } = await attempt;
        expect(status).toBe(401);
        expect(body).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
      }
    });

    it('refuses a scope the client does not have', async () => {
      const { status, body } = await login('ib.solothurn', 'demo', { scope: 'openid admin' });
      expect(status).toBe(400);
      expect(body['error']).toBe('invalid_scope');
    });
  });

  describe('client_credentials grant (register-connector)', () => {
    it('issues a service-account token with the register-connector role and all audiences', async () => {
      const { status, body } = await post(
        { grant_type: 'client_credentials' },
        basic('register-connector', 'register-connector-secret'),
      );
      expect(status).toBe(200);
      expect(body).not.toHaveProperty('refresh_token');
      const claims = claimsOf(body['access_token'] as string);
      expect(claims).toMatchObject({
        iss: oidc.issuer,
        typ: 'Bearer',
        azp: 'register-connector',
        client_id: 'register-connector',
        preferred_username: 'service-account-register-connector',
        sub: idOf('service-account-register-connector'),
      });
      expect((claims['realm_access'] as { roles: string[] }).roles).toContain('register-connector');
      expect(claims['aud']).toEqual(expect.arrayContaining(SERVICES));
    });

    it('accepts the secret in the form too', async () => {
      const { status } = await post({
        grant_type: 'client_credentials',
        client_id: 'register-connector',
        client_secret: 'register-connector-secret',
      });
      expect(status).toBe(200);
    });

    it('refuses a wrong secret with 401 invalid_client', async () => {
      const { status, body } = await post({ grant_type: 'client_credentials' }, basic('register-connector', 'guess'));
      expect(status).toBe(401);
      expect(body['error']).toBe('invalid_client');
    });

    it('refuses a public client and a bearer-only client', async () => {
      const publicClient = await post({ grant_type: 'client_credentials', client_id: 'si-cli' });
      expect(publicClient).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
      const bearerOnly = await post({
        grant_type: 'client_credentials',
        client_id: 'case-management',
        client_secret: 'x',
      });
      expect(bearerOnly).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
    });
  });

  describe('refresh_token grant', () => {
    it('issues a fresh access token for the same user and session', async () => {
      const first = (await login('ib.solothurn')).body;
      const { status, body } = await post({
        grant_type: 'refresh_token',
        client_id: 'si-cli',
        refresh_token: first['refresh_token'] as string,
      });
      expect(status).toBe(200);
      const before = claimsOf(first['access_token'] as string);
      const after = claimsOf(body['access_token'] as string);
      expect(after['sub']).toBe(before['sub']);
      expect(after['sid']).toBe(before['sid']);
      expect(after['gemeinden']).toEqual(['2601']);
      expect(after['jti']).not.toBe(before['jti']);
    });

    it('refuses a forged refresh token and one presented by another client', async () => {
      const forged = await post({
        grant_type: 'refresh_token',
        client_id: 'si-cli',
        refresh_token: 'eyJhbGciOiJIUzUxMiJ9.e30.x',
      });
      expect(forged).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      const refreshToken = (await login('ib.solothurn')).body['refresh_token'] as string;
      const stolen = await post(
        { grant_type: 'refresh_token', refresh_token: refreshToken },
        basic('register-connector', 'register-connector-secret'),
      );
      expect(stolen).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('does not accept an access token as refresh token', async () => {
      const accessToken = (await login('ib.solothurn')).body['access_token'] as string;
      const { status, body } = await post({
        grant_type: 'refresh_token',
        client_id: 'si-cli',
        refresh_token: accessToken,
      });
      expect(status).toBe(400);
      expect(body['error']).toBe('invalid_grant');
    });
  });

  it('answers unsupported and missing grant types like Keycloak', async () => {
    expect(
      await post({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', client_id: 'si-cli', assertion: 'x' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    // si-cli has no standard flow, so it may not exchange codes.
    expect(await post({ grant_type: 'authorization_code', client_id: 'si-cli', code: 'x' })).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
    expect(await post({ client_id: 'si-cli' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('answers an oversized form with 400 invalid_request, not a server error', async () => {
    const { status, body } = await post({
      grant_type: 'password',
      client_id: 'si-cli',
      username: 'ib.olten',
      password: 'x'.repeat(70 * 1024),
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', error_description: 'Request body too large' });
  });

  describe('mintAccessToken', () => {
    it('builds a user token like the token endpoint and applies overrides, undefined removing a claim', async () => {
      const token = await oidc.mintAccessToken({ exp: 1, typ: undefined }, { username: 'ib.hubersdorf' });
      const claims = claimsOf(token);
      expect(claims).toMatchObject({
        exp: 1,
        iss: oidc.issuer,
        preferred_username: 'ib.hubersdorf',
        sub: idOf('ib.hubersdorf'),
      });
      expect(claims).not.toHaveProperty('typ');
      expect(claims['aud']).toEqual(expect.arrayContaining(SERVICES));
    });

    it('takes header overrides', async () => {
      const token = await oidc.mintAccessToken({}, { header: { kid: 'someone-else' } });
      expect(decodeProtectedHeader(token).kid).toBe('someone-else');
    });
  });
});

describe('dev-oidc listening address', () => {
  it('refuses a non-loopback address unless told otherwise', async () => {
    await expect(startDevOidc({ host: '0.0.0.0', port: 0 })).rejects.toBeInstanceOf(NonLoopbackRefusedError);
    await expect(startDevOidc({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/--allow-non-loopback/);
  });

  it('uses the configured public URL for the issuer', async () => {
    const oidc = await startDevOidc({ port: 0, publicUrl: 'http://localhost:8080/' });
    try {
      expect(oidc.issuer).toBe('http://localhost:8080/realms/start-integration');
      expect(claimsOf(await oidc.mintAccessToken({}, { username: 'ib.olten' }))['iss']).toBe(
        'http://localhost:8080/realms/start-integration',
      );
    } finally {
      await oidc.close();
    }
  });
});

describe('dev-oidc signing key file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-oidc-key-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the key on first start (mode 0600) and reuses it, so tokens survive a restart', async () => {
    const keyFile = join(dir, 'nested', 'key.json');
    const first = await startDevOidc({ port: 0, keyFile });
    const token = await first.mintAccessToken({}, { username: 'ib.solothurn' });
    await first.close();
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const second = await startDevOidc({ port: 0, keyFile, publicUrl: first.publicUrl });
    try {
      const jwks = createLocalJWKSet(
        (await (
          await fetch(`${second.url}/realms/start-integration/protocol/openid-connect/certs`)
        ).json()) as JSONWebKeySet,
      );
      await expect(jwtVerify(token, jwks, { issuer: first.issuer })).resolves.toBeDefined();
    } finally {
      await second.close();
    }
  });

  it('generates a different key without a key file', async () => {
    const a = await startDevOidc({ port: 0 });
    const b = await startDevOidc({ port: 0 });
    try {
      const kid = async (s: DevOidcServer) => decodeProtectedHeader(await s.mintAccessToken()).kid;
      expect(await kid(a)).not.toBe(await kid(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
