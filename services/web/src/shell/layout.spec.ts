import { h } from 'preact';
import { describe, expect, it } from '@jest/globals';
import { translator } from '../i18n/i18n.js';
import type { WebUser } from '../auth/session.js';
import { Layout } from './layout.js';
import { menuFor, MENU } from './menu.js';
import { renderDocument } from './render.js';
import { contentSecurityPolicy } from './security-headers.js';

const user = (roles: WebUser['roles'], name = 'Anna Brunner'): WebUser => ({
  subject: 's',
  username: 'u',
  name,
  roles,
  gemeinden: [2601],
});
const page = (u?: WebUser, path = '/faelle') =>
  renderDocument(
    Layout({
      ctx: { lang: 'de', t: translator('de'), path, ...(u ? { user: u, csrf: 'tok' } : {}) },
      title: 'Titel',
      children: h('p', null, 'Inhalt'),
    }),
  );

describe('layout', () => {
  it('starts with a skip link to main and names the page language', () => {
    const html = page(user(['gemeinde']));
    expect(html).toMatch(/^<!doctype html><html lang="de-CH">/);
    expect(html).toContain('<a class="skip-link" href="#main">Zum Inhalt springen</a>');
    expect(html).toContain('<main id="main" tabindex="-1">');
  });

  it('shows who is logged in, their role, and a logout form carrying the CSRF token', () => {
    const html = page(user(['gemeinde']));
    expect(html).toContain('data-testid="user-name">Anna Brunner<');
    expect(html).toContain('data-testid="user-role">Integrationsbeauftragte/r<');
    expect(html).toMatch(
      /<form method="post" action="\/auth\/logout"[^>]*><input type="hidden" name="_csrf" value="tok"\/>/,
    );
  });

  it('escapes names, so a name cannot inject markup', () => {
    const html = page(user(['gemeinde'], '<img src=x onerror=alert(1)>'));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('has no inline script or style (the CSP forbids them)', () => {
    const html = page(user(['ags']));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
  });

  it('marks the current menu entry', () => {
    expect(page(user(['gemeinde']), '/faelle/123')).toContain('<a href="/faelle" aria-current="page">Arbeitsliste</a>');
  });
});

describe('role menu', () => {
  const labels = (roles: WebUser['roles']) => menuFor(user(roles)).map((e) => e.label);

  it('gives each role only its own entries', () => {
    expect(labels(['gemeinde'])).toEqual([
      'menu.worklist',
      'subsidies.menu.claims',
      'menu.ownFigures',
      'menu.selfDeclaration',
      'menu.offers',
    ]);
    expect(labels(['migrationsamt'])).toEqual(['menu.reportedCases', 'menu.figures']);
    expect(labels(['sozialregion'])).toEqual(['menu.handovers', 'menu.dfpaCases', 'menu.figures', 'menu.offers']);
    expect(labels(['ags'])).toEqual([
      'menu.caseOverview',
      'menu.organisation',
      'menu.quarantine',
      'menu.targetGroupRule',
      'menu.curation',
      'subsidies.menu.approval',
      'subsidies.menu.tariffs',
      'subsidies.menu.budget',
      'menu.figures',
      'menu.snapshots',
      'menu.selfDeclaration',
    ]);
    expect(labels(['ags', 'ags-finanzen'])).toContain('subsidies.menu.payout');
    expect(labels(['anbieter'])).toEqual(['menu.providerOffers', 'menu.providerReferrals']);
    expect(labels(['mentoring-koordination'])).toEqual(['menu.mentoring']);
  });

  it('shows nothing to someone without a workspace role, and no menu when logged out', () => {
    expect(menuFor({ ...user([]), roles: [] })).toEqual([]);
    expect(menuFor(undefined)).toEqual([]);
    expect(page(undefined)).not.toContain('Hauptnavigation');
  });

  it('has a German label for every entry', () => {
    const t = translator('de');
    for (const e of MENU) expect(t(e.label)).not.toBe(e.label);
  });
});

describe('content security policy', () => {
  it('allows scripts and styles from this origin only, forbids framing and lets forms go to the identity server', () => {
    const csp = contentSecurityPolicy('http://localhost:8080');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' http://localhost:8080");
  });
});
