import { LOCALES, MESSAGES, type Locale, type LoginMessages } from './login-messages.js';

/** The one stylesheet of the pages; served as a file so the CSP needs neither inline styles nor scripts. */
export const LOGIN_CSS_PATH = '/resources/dev-oidc/login.css';

export const LOGIN_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#f3f4f6}
body{margin:0;padding:2rem 1rem}
main{max-width:26rem;margin:0 auto;background:#fff;border:1px solid #d1d5db;border-radius:.5rem;padding:2rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
p{margin:0 0 1rem}
.error{border-left:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.75rem 1rem}
.hint{font-size:.875rem;color:#4b5563}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.5rem .75rem;border:1px solid #6b7280;border-radius:.25rem}
input[aria-invalid=true]{border-color:#b91c1c;border-width:2px}
button{margin-top:1.5rem;width:100%;font:inherit;font-weight:600;padding:.625rem 1rem;border:0;border-radius:.25rem;background:#0b4f8a;color:#fff;cursor:pointer}
button:hover{background:#083b68}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
nav{margin-top:1.5rem;font-size:.875rem}
nav ul{list-style:none;display:flex;gap:1rem;padding:0;margin:.25rem 0 0}
nav [aria-current]{font-weight:700;text-decoration:none;color:#1a1a1a}
`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function page(m: LoginMessages, title: string, body: string): string {
  return `<!doctype html>
<html lang="${m.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${LOGIN_CSS_PATH}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface LoginPageModel {
  locale: Locale;
  realmDisplayName: string;
  /** Where the form posts to. */
  action: string;
  /** The pending login the form belongs to (hidden field). */
  loginId: string;
  username?: string;
  /** A message shown above the form and announced (role=alert). */
  error?: string;
  /** The same page in another language: href per locale. */
  languageHref: (locale: Locale) => string;
}

/** The login form: labelled fields, no script, the error announced and tied to the fields it concerns. */
export function renderLoginPage(model: LoginPageModel): string {
  const m = MESSAGES[model.locale];
  const invalid = model.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const error = model.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(model.error)} <span class="hint">${escapeHtml(m.lockHint)}</span></p>\n`
    : '';
  // Keep the typed user name after a failure; focus the field the user has to fill next.
  const focusUser = model.username ? '' : ' autofocus';
  const focusPassword = model.username ? ' autofocus' : '';
  const languages = LOCALES.map((locale) => {
    const name = escapeHtml(MESSAGES[locale].languageName);
    return locale === model.locale
      ? `<li><a href="${escapeHtml(model.languageHref(locale))}" aria-current="true" lang="${locale}">${name}</a></li>`
      : `<li><a href="${escapeHtml(model.languageHref(locale))}" lang="${locale}" hreflang="${locale}">${name}</a></li>`;
  }).join('');
  return page(
    m,
    `${model.error ? `${m.errorPrefix}: ` : ''}${m.loginTitle} – ${model.realmDisplayName}`,
    `<h1>${escapeHtml(m.loginTitle)}</h1>
<p>${escapeHtml(m.loginIntro(model.realmDisplayName))}</p>
${error}<form method="post" action="${escapeHtml(model.action)}" novalidate>
<input type="hidden" name="login" value="${escapeHtml(model.loginId)}">
<label for="username">${escapeHtml(m.username)}</label>
<input type="text" id="username" name="username" value="${escapeHtml(model.username ?? '')}" autocomplete="username" autocapitalize="none" spellcheck="false" required${invalid}${focusUser}>
<label for="password">${escapeHtml(m.password)}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required${invalid}${focusPassword}>
<button type="submit">${escapeHtml(m.submit)}</button>
</form>
<nav aria-label="${escapeHtml(m.languages)}"><span>${escapeHtml(m.languages)}</span><ul>${languages}</ul></nav>`,
  );
}

/** A page that only says what went wrong (no redirect is safe, e.g. for an unknown redirect_uri). */
export function renderMessagePage(locale: Locale, title: string, message: string, alert = true): string {
  const m = MESSAGES[locale];
  return page(
    m,
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p${alert ? ' class="error" role="alert"' : ''}>${escapeHtml(message)}</p>`,
  );
}

/** Keycloak asks before logging out when the request does not prove which client sent it (no id_token_hint). */
export function renderLogoutConfirmPage(locale: Locale, action: string, hidden: Record<string, string>): string {
  const m = MESSAGES[locale];
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return page(
    m,
    m.logoutTitle,
    `<h1>${escapeHtml(m.logoutTitle)}</h1>
<p>${escapeHtml(m.logoutQuestion)}</p>
<form method="post" action="${escapeHtml(action)}">
${fields}
<button type="submit" name="confirm" value="yes">${escapeHtml(m.logoutSubmit)}</button>
</form>`,
  );
}
