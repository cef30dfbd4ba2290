import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Controller, Get, Param, ParseIntPipe, Post, type LoggerService } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the guard is tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { AuthModule } from './auth.module.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { KeycloakTokenVerifier } from './keycloak-token-verifier.js';
import { assertMunicipality } from './object-authorization.js';
import type { Principal } from './principal.js';
import { Public } from './public.decorator.js';
import { Roles } from './roles.decorator.js';

@Controller('cases')
class CasesController {
  @Get('mine')
  @Roles('gemeinde')
  mine(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('municipality/:bfs')
  @Roles('gemeinde')
  municipality(@CurrentPrincipal() principal: Principal, @Param('bfs', ParseIntPipe) bfs: number): { bfs: number } {
    assertMunicipality(principal, bfs);
    return { bfs };
  }

  @Get('health')
  @Public()
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('forgotten')
  forgotten(): { leaked: boolean } {
    return { leaked: true };
  }
}

@Controller('intake')
@Roles('register-connector')
class IntakeController {
  @Post('messages')
  receive(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('status')
  @Public()
  status(): { open: boolean } {
    return { open: true };
  }
}

/** Collects log output so tests can check what is (and is not) logged. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private push = (message: unknown, ...rest: unknown[]): void => {
    this.lines.push(JSON.stringify([message, ...rest]));
  };
  log = this.push;
  warn = this.push;
  error = this.push;
  debug = this.push;
  verbose = this.push;
}

const SECONDS = (): number => Math.floor(Date.now() / 1000);

async function passwordGrant(oidc: DevOidcServer, username: string): Promise<string> {
  const response = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password: 'demo' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

interface TestApp {
  request(
    method: 'GET' | 'POST',
    path: string,
    token?: string,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

// Over real HTTP: light-my-request (app.inject) require()s an ESM-only package that Jest on Node 20 cannot load.
async function createApp(options: Parameters<typeof AuthModule.forRoot>[0], logger?: LoggerService): Promise<TestApp> {
  const builder = Test.createTestingModule({
    imports: [AuthModule.forRoot(options)],
    controllers: [CasesController, IntakeController],
  });
  const moduleRef = await (logger ? builder.setLogger(logger) : builder).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  return {
    async request(method, path, token) {
      const response = await fetch(base + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as Record<string, unknown>,
      };
    },
    close: () => app.close(),
  };
}

describe('KeycloakGuard with the dev identity server', () => {
  let oidc: DevOidcServer;
  let foreign: DevOidcServer;
  let impostor: DevOidcServer;
  let app: TestApp;
  const logger = new CapturingLogger();
  const issuedTokens: string[] = [];

  const get = (path: string, token?: string) => app.request('GET', path, token);
  const tokenFor = async (username: string): Promise<string> => {
    const token = await passwordGrant(oidc, username);
    issuedTokens.push(token);
    return token;
  };

  beforeAll(async () => {
    oidc = await startDevOidc({ port: 0 });
    // Another identity server: its own issuer and key.
    foreign = await startDevOidc({ port: 0 });
    // Claims our issuer but signs with another key.
    impostor = await startDevOidc({ port: 0, publicUrl: oidc.publicUrl });
    app = await createApp(
      { authServerUrl: oidc.publicUrl, realm: 'start-integration', clientId: 'case-management' },
      logger,
    );
  });

  afterAll(async () => {
    await app.close();
    await Promise.all([oidc.close(), foreign.close(), impostor.close()]);
  });

  it('accepts a valid token of ib.solothurn and fills the principal', async () => {
    const response = await get('/cases/mine', await tokenFor('ib.solothurn'));
    expect(response.status).toBe(200);
    const principal = response.body;
    expect(principal).toEqual({
      subject: '24fbd325-8a59-4c94-ad40-d37dc934e001',
      username: 'ib.solothurn',
      roles: expect.arrayContaining(['gemeinde']),
      gemeinden: [2601],
      clientId: 'si-cli',
      isServiceAccount: false,
    });
  });

  it('lets the Leitgemeinde IB act for a member municipality and no other', async () => {
    const token = await tokenFor('ib.hubersdorf');
    expect((await get('/cases/municipality/2541', token)).status).toBe(200);
    const refused = await get('/cases/municipality/2601', token);
    expect(refused.status).toBe(403);
    expect(refused.body['detail']).toContain('BFS 2601');
  });

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await get('/cases/mine');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="start-integration"');
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it.each([
    [
      'expired',
      () => oidc.mintAccessToken({ exp: SECONDS() - 60, iat: SECONDS() - 360 }, { username: 'ib.solothurn' }),
    ],
    ['from a foreign issuer', () => foreign.mintAccessToken({}, { username: 'ib.solothurn' })],
    ['signed by a foreign key under our issuer', () => impostor.mintAccessToken({}, { username: 'ib.solothurn' })],
    [
      'for another audience',
      () => oidc.mintAccessToken({ aud: ['offers', 'reporting'] }, { username: 'ib.solothurn' }),
    ],
    ['without typ Bearer', () => oidc.mintAccessToken({ typ: 'ID' }, { username: 'ib.solothurn' })],
    ['without exp', () => oidc.mintAccessToken({ exp: undefined }, { username: 'ib.solothurn' })],
    ['without sub', () => oidc.mintAccessToken({ sub: undefined }, { username: 'ib.solothurn' })],
    ['not a JWT', async () => 'not-a-token'],
  ])('refuses a token %s with 401 invalid_token', async (_case, mint) => {
    const token = await mint();
    issuedTokens.push(token);
    const response = await get('/cases/mine', token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="start-integration", error="invalid_token"');
  });

  it('refuses a tampered token even after its original was accepted and cached', async () => {
    const token = await tokenFor('ib.olten');
    expect((await get('/cases/mine', token)).status).toBe(200);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, gemeinden: ['2581', '2601'] })).toString('base64url'),
      signature,
    ].join('.');
    issuedTokens.push(tampered);
    expect((await get('/cases/mine', tampered)).status).toBe(401);
  });

  it('answers 403 when the role is missing', async () => {
    const response = await get('/cases/mine', await tokenFor('ags.koordination'));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ status: 403, detail: 'requires one of the roles: gemeinde' });
  });

  it('closes a route without @Roles or @Public, even for a valid token, and names it in the log', async () => {
    const response = await get('/cases/forgotten', await tokenFor('ib.solothurn'));
    expect(response.status).toBe(403);
    expect(response.body['detail']).toMatch(/declares no access rule/);
    expect(logger.lines.some((line) => line.includes('CasesController.forgotten') && line.includes('@Public'))).toBe(
      true,
    );
  });

  it('opens a @Public route without a token', async () => {
    expect((await get('/cases/health')).status).toBe(200);
    expect((await get('/intake/status')).status).toBe(200);
  });

  it('applies controller-level @Roles to a service account (client credentials)', async () => {
    const response = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'register-connector',
        client_secret: 'register-connector-secret',
      }),
    });
    const token = ((await response.json()) as { access_token: string }).access_token;
    issuedTokens.push(token);
    const accepted = await app.request('POST', '/intake/messages', token);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      username: 'service-account-register-connector',
      isServiceAccount: true,
      gemeinden: [],
    });
    const person = await app.request('POST', '/intake/messages', await tokenFor('ib.solothurn'));
    expect(person.status).toBe(403);
  });

  it('validates a token once and then serves it from the cache', async () => {
    const verify = jest.spyOn(KeycloakTokenVerifier.prototype, 'verify');
    try {
      const token = await tokenFor('ma.integration');
      await get('/cases/mine', token);
      await get('/cases/mine', token);
      await get('/cases/health', token);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it('logs failed authentications with reason, route and ip, and never a token', async () => {
    const failures = logger.lines.filter((line) => line.includes('authentication failed'));
    expect(
      failures.some(
        (line) => line.includes('wrong ISS') && line.includes('CasesController.mine') && line.includes('127.0.0.1'),
      ),
    ).toBe(true);
    expect(failures.some((line) => line.includes('expired'))).toBe(true);
    expect(failures.some((line) => line.includes('wrong audience'))).toBe(true);
    for (const token of issuedTokens.filter((t) => t.length > 20)) {
      for (const part of token.split('.')) expect(logger.lines.join('\n')).not.toContain(part);
    }
  });
});

describe('KeycloakGuard with a separate JWKS address', () => {
  it('checks iss against the public URL but fetches keys where the service can reach them', async () => {
    const oidc = await startDevOidc({ port: 0, publicUrl: 'http://identity.invalid:8080' });
    const app = await createApp({
      authServerUrl: 'http://identity.invalid:8080',
      clientId: 'case-management',
      jwksUrl: `${oidc.url}/realms/start-integration/protocol/openid-connect/certs`,
    });
    try {
      const token = await oidc.mintAccessToken({}, { username: 'ib.solothurn' });
      const response = await app.request('GET', '/cases/mine', token);
      expect(response.status).toBe(200);
    } finally {
      await app.close();
      await oidc.close();
    }
  });
});
