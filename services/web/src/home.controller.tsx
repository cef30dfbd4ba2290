import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@si/auth';
import { homeOf } from './shell/menu.js';
import { sendPage } from './shell/page.js';
import { webContext } from './shell/web-context.js';

@Controller()
export class HomeController {
  /** Logged in: the first screen of the role's menu. Otherwise: what this is, the login, the public offers. */
  @Public()
  @Get()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { t, user } = webContext(request);
    if (user) return reply.status(303).header('location', homeOf(user)).send();
    return sendPage(
      request,
      reply,
      { title: t('home.title') },
      <section aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <p>
          <a class="button" href="/auth/login">
            {t('layout.login')}
          </a>
        </p>
        <h2>{t('home.offersTitle')}</h2>
        <p>
          {t('home.offersText')} <a href="/de/angebote">{t('home.offersLink')}</a>
        </p>
      </section>,
    );
  }
}
