import type { ComponentChildren } from 'preact';
import { LANGUAGES, type Lang } from '../i18n/i18n.js';
import { menuFor } from './menu.js';
import type { WebContext } from './web-context.js';
import { ASSETS } from './assets.js';

export interface LayoutProps {
  ctx: WebContext;
  title: string;
  children: ComponentChildren;
  /** Language switch for public pages: the same page in each language. */
  languageLinks?: Partial<Record<Lang, string>>;
}

const ROLE_KEYS = {
  gemeinde: 'role.gemeinde',
  sozialregion: 'role.sozialregion',
  ags: 'role.ags',
  'ags-finanzen': 'role.agsFinanzen',
  migrationsamt: 'role.migrationsamt',
  anbieter: 'role.anbieter',
  'mentoring-koordination': 'role.mentoringKoordination',
} as const;

/**
 * Every page: skip link, header (who is logged in, their role, logout), the role's menu, main, footer.
 * No inline script or style anywhere (CSP); htmx is configured through its meta tag.
 */
export function Layout({ ctx, title, children, languageLinks }: LayoutProps) {
  const { t, user } = ctx;
  const menu = menuFor(user);
  return (
    <html lang={ctx.lang === 'de' ? 'de-CH' : `${ctx.lang}-CH`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          name="htmx-config"
          content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"selfRequestsOnly":true}'
        />
        <title>{`${title} – start.integration`}</title>
        <link rel="stylesheet" href={ASSETS.css} />
        <link rel="icon" href={ASSETS.icon} type="image/svg+xml" />
        <script src={ASSETS.htmx} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="brand">
            <a href="/" class="brand-name">
              start.integration
            </a>
            <span class="brand-canton">{t('layout.canton')}</span>
          </div>
          {user ? (
            <div class="user" aria-label={t('layout.userArea')} role="group">
              <span class="user-name" data-testid="user-name">
                {user.name}
              </span>
              <span class="user-role" data-testid="user-role">
                {user.roles.map((r) => t(ROLE_KEYS[r])).join(', ')}
              </span>
              <form method="post" action="/auth/logout" class="logout">
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <button type="submit" class="button-secondary">
                  {t('layout.logout')}
                </button>
              </form>
            </div>
          ) : (
            <div class="user">
              {languageLinks ? (
                <nav aria-label={t('layout.languages')} class="languages" id="languages">
                  <ul>
                    {LANGUAGES.filter((l) => languageLinks[l]).map((l) => (
                      <li>
                        <a
                          href={languageLinks[l]}
                          lang={l}
                          hrefLang={l}
                          aria-current={l === ctx.lang ? 'true' : undefined}
                        >
                          {t(`language.${l}`, { lng: l })}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
              {ctx.path.startsWith('/auth') ? null : (
                <a class="button" href="/auth/login">
                  {t('layout.login')}
                </a>
              )}
            </div>
          )}
        </header>
        {menu.length ? (
          <nav class="main-menu" aria-label={t('layout.mainMenu')}>
            <ul>
              {menu.map((e) => (
                <li>
                  <a
                    href={e.href}
                    aria-current={ctx.path === e.href || ctx.path.startsWith(`${e.href}/`) ? 'page' : undefined}
                  >
                    {t(e.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
