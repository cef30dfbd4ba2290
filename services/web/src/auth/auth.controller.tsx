import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Public } from '@si/auth';
import { createLogger } from '@si/observability';
import { WEB_CONFIG, type WebConfig } from '../config/web.config.js';
import { sendPage } from '../shell/page.js';
import { homeOf } from '../shell/menu.js';
import { webContext } from '../shell/web-context.js';
import { ServiceDown } from '../shell/web-errors.js';
import { OidcClient } from './oidc.js';
import { SessionStore } from './session.store.js';
import { clearCookie, loginCookieName, readCookie, sessionCookieName, setCookie } from './session-cookie.js';

const logger = createLogger('web');

/** Only paths of this site are return targets (no open redirect). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/auth/') ? value : '/';
}

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  /** Starts the authorization code flow with PKCE: the verifier stays here, the browser gets the challenge. */
  @Public()
  @Get('login')
  async login(@Query('returnTo') returnTo: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const start = await this.oidc.startLogin().catch((error: unknown) => {
      logger.error({ reason: (error as Error).message }, 'identity server discovery failed');
      throw new ServiceDown('identity');
    });
    const browser = readCookie(request, loginCookieName(this.config)) ?? randomBytes(16).toString('base64url');
    await this.sessions.putLogin(start.state, {
      codeVerifier: start.codeVerifier,
      nonce: start.nonce,
      returnTo: safeReturnTo(returnTo),
      browser,
    });
    setCookie(reply, this.config, loginCookieName(this.config), browser, 600);
    return reply.status(303).header('location', start.url.href).send();
  }

  @Public()
  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { t } = webContext(request);
    const url = new URL(request.url, this.config.publicUrl);
    const state = url.searchParams.get('state') ?? '';
    const pending = state ? await this.sessions.takeLogin(state) : undefined;
    const browser = readCookie(request, loginCookieName(this.config));
    if (!pending || !browser || pending.browser !== browser || url.searchParams.has('error')) {
      return sendPage(
        request,
        reply,
        { title: t('auth.failed.title'), status: 400 },
        <section>
          <h1>{t('auth.failed.title')}</h1>
          <p>{t('auth.failed.text')}</p>
          <p>
            <a class="button" href="/auth/login">
              {t('layout.login')}
            </a>
          </p>
        </section>,
      );
    }
    let tokens;
    try {
      tokens = await this.oidc.finishLogin(url, { state, codeVerifier: pending.codeVerifier, nonce: pending.nonce });
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, 'login refused at the callback');
      return sendPage(
        request,
        reply,
        { title: t('auth.failed.title'), status: 400 },
        <section>
          <h1>{t('auth.failed.title')}</h1>
          <p>{t('auth.failed.text')}</p>
          <p>
            <a class="button" href="/auth/login">
              {t('layout.login')}
            </a>
          </p>
        </section>,
      );
    }
    const now = Date.now();
    const id = await this.sessions.create({
      user: tokens.user,
      accessToken: tokens.accessToken,
      accessExpiresAt: tokens.accessExpiresAt,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      csrf: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
    });
    clearCookie(reply, this.config, loginCookieName(this.config));
    setCookie(reply, this.config, sessionCookieName(this.config), id);
    logger.info({ user: tokens.user.username, roles: tokens.user.roles }, 'logged in');
    const target = pending.returnTo === '/' ? homeOf(tokens.user) : pending.returnTo;
    return reply.status(303).header('location', target).send();
  }

  /** Ends the session here and at the identity server (its SSO session too), then comes back to the start page. */
  @Public()
  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    if (ctx.sessionId) await this.sessions.destroy(ctx.sessionId);
    clearCookie(reply, this.config, sessionCookieName(this.config));
    const target = await this.oidc.logoutUrl(ctx.session?.idToken).catch(() => undefined);
    return reply
      .status(303)
      .header('location', target?.href ?? '/')
      .send();
  }
}
