import type { Request } from 'express';
import { t, dictionary, type Lang } from './i18n';
import { hasRole, type Role, type Session } from './auth';
import type { BootData, ShellData } from './api-types';
import { MODULE_ENTRIES } from './build';

export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Which pages a role may open; the header shows only these. */
export const PAGES: { path: string; key: string; roles: readonly Role[] }[] = [
  { path: '/worklist', key: 'nav.worklist', roles: ['clerk', 'head', 'legal-expert', 'editorial-expert'] },
  { path: '/operations', key: 'nav.operations', roles: ['operator'] },
  { path: '/portal', key: 'nav.portal', roles: ['applicant'] },
  { path: '/designer', key: 'nav.designer', roles: ['designer'] },
  { path: '/designer/forms', key: 'nav.forms', roles: ['designer'] },
];

export function homeFor(session: Session): string {
  return (
    PAGES.find((p) => p.roles.includes(session.role))?.path ??
    PAGES.find((p) => hasRole(session, p.roles))?.path ??
    '/'
  );
}

interface PageOptions {
  title: string;
  /** Browser bundle name under /build, e.g. 'worklist'. */
  bundle?: string;
  /** Extra stylesheet URLs (bpmn-js, form-js). */
  styles?: string[];
  body: string;
  /** JSON handed to the bundle. */
  data?: unknown;
}

function who(lang: Lang, s: Session): string {
  const unit = s.unit ? ` · ${t(lang, `unit.${s.unit}`)}` : '';
  const bin = s.bin ? ` · ${t(lang, 'bin')} ${s.bin}` : '';
  const name = s.name ? `${s.name} · ` : '';
  return `${name}${s.roles.map((r) => t(lang, `role.${r}`)).join(', ')}${unit}${bin}`;
}

function shellData(req: Request): ShellData {
  const lang = req.lang;
  const s = req.session;
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  return {
    title: t(lang, 'appTitle'),
    home: s ? homeFor(s) : '/',
    nav: s
      ? PAGES.filter((p) => hasRole(s, p.roles)).map((p) => ({
          path: p.path,
          label: t(lang, p.key),
          current: req.path === p.path,
        }))
      : [],
    who: s ? who(lang, s) : null,
    switchTo: {
      lang: other,
      href: `/lang?to=${other}&back=${encodeURIComponent(req.originalUrl)}`,
      label: t(other, 'languageName'),
    },
    signOut: s ? t(lang, 'signOut') : null,
    skipToContent: t(lang, 'skipToContent'),
  };
}

/**
 * Every page: Carbon's theme (/build/carbon.css), the header (`<app-header>`, /build/shell.js) and
 * the page's own bundle; Lit pages (build.ts MODULE_ENTRIES) load as modules sharing chunks.
 */
export function layout(req: Request, opts: PageOptions): string {
  const lang = req.lang;
  const s = req.session;
  const boot: BootData = {
    lang,
    session: s ?? null,
    csrfToken: req.csrfToken ?? null,
    texts: dictionary(lang),
    shell: shellData(req),
    data: opts.data ?? null,
  };
  const isModule = (MODULE_ENTRIES as readonly string[]).includes(opts.bundle ?? '');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} — ${esc(t(lang, 'appTitle'))}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/build/carbon.css">
${(opts.styles ?? []).map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join('\n')}
<link rel="stylesheet" href="/static/app.css">
</head>
<body class="cds--g10">
<app-header></app-header>
<main id="main" tabindex="-1">
${opts.body}
</main>
<script type="application/json" id="boot">${JSON.stringify(boot).replace(/</g, '\\u003c')}</script>
<script type="module" src="/build/shell.js"></script>
${opts.bundle ? `<script${isModule ? ' type="module"' : ''} src="/build/${opts.bundle}.js"></script>` : ''}
</body>
</html>`;
}

/**
 * Sign-in: staff through the identity provider (no role to choose: roles come from the provider);
 * applicants by EDS where it is configured (`npm start`, production); a bare web app without trusted
 * roots (tests) keeps an IIN/BIN form.
 */
export function signInPage(
  req: Request,
  opts: { error?: string; token: string; staff: boolean; eds?: boolean },
): string {
  const lang = req.lang;
  return layout(req, {
    title: t(lang, 'signInTitle'),
    body: `<section class="page narrow">
<h1>${esc(t(lang, 'signInTitle'))}</h1>
${opts.error ? `<cds-inline-notification kind="error" low-contrast hide-close-button role="alert" title="${esc(opts.error)}"></cds-inline-notification>` : ''}
${
  opts.staff
    ? `<h2>${esc(t(lang, 'staffSignIn'))}</h2>
<p><cds-button href="/auth/login" id="staff-signin">${esc(t(lang, 'staffSignInButton'))}</cds-button></p>`
    : ''
}
<h2>${esc(t(lang, 'role.applicant'))}</h2>
${
  opts.eds
    ? // With EDS on, an applicant's identity comes only from their certificate.
      `<p><cds-button href="/signin/eds" id="eds-signin-link">${t(lang, 'signInEds')}</cds-button></p>`
    : `<form method="post" action="/signin" class="stack" id="signin-form">
  <input type="hidden" name="_signin" value="${esc(opts.token)}">
  <cds-text-input name="bin" id="bin" label="${esc(t(lang, 'bin'))}" inputmode="numeric" pattern="\\d{12}" maxlength="12" autocomplete="off" required></cds-text-input>
  <cds-text-input name="name" id="name" label="${esc(t(lang, 'name'))}" maxlength="60" autocomplete="off"></cds-text-input>
  <div><cds-button type="submit">${esc(t(lang, 'signIn'))}</cds-button></div>
</form>`
}
</section>`,
  });
}

export function forbiddenPage(req: Request): string {
  const lang = req.lang;
  return layout(req, {
    title: t(lang, 'forbidden'),
    body: `<section class="page narrow" data-testid="forbidden"><h1>403 — ${esc(t(lang, 'forbidden'))}</h1><p>${esc(t(lang, 'forbiddenText'))}</p>${
      req.session ? `<p><cds-link href="${homeFor(req.session)}">${esc(t(lang, 'back'))}</cds-link></p>` : ''
    }</section>`,
  });
}

/** A page whose content the named bundle renders into #app. */
export function appPage(
  req: Request,
  titleKey: string,
  bundle: string,
  styles: string[] = [],
  data?: unknown,
): string {
  return layout(req, {
    title: t(req.lang, titleKey),
    bundle,
    styles,
    data,
    body: `<div id="app" class="app-${bundle}"><p class="muted" role="status">${esc(t(req.lang, 'loading'))}</p></div>`,
  });
}
