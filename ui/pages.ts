import type { Request } from 'express';
import { t, dictionary, type Lang } from './i18n';
import { hasRole, type Role, type Session } from './auth';

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

export function layout(req: Request, opts: PageOptions): string {
  const lang = req.lang;
  const s = req.session;
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  const nav = s
    ? PAGES.filter((p) => hasRole(s, p.roles))
        .map(
          (p) =>
            `<a href="${p.path}"${req.path === p.path ? ' aria-current="page"' : ''}>${esc(t(lang, p.key))}</a>`,
        )
        .join('')
    : '';
  const boot = {
    lang,
    session: s ?? null,
    csrfToken: req.csrfToken ?? null,
    texts: dictionary(lang),
    data: opts.data ?? null,
  };
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} — ${esc(t(lang, 'appTitle'))}</title>
<link rel="icon" href="data:,">
${(opts.styles ?? []).map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join('\n')}
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<a class="skip" href="#main">${t(lang, 'skipToContent')}</a>
<header class="top">
  <span class="brand">${esc(t(lang, 'appTitle'))}</span>
  <nav aria-label="main">${nav}</nav>
  <span class="spacer"></span>
  ${s ? `<span class="who" data-testid="who">${esc(who(lang, s))}</span>` : ''}
  <a class="lang" href="/lang?to=${other}&amp;back=${encodeURIComponent(req.originalUrl)}" hreflang="${other}" data-testid="lang-switch">${t(other, 'languageName')}</a>
  ${s ? `<form method="post" action="/signout" class="inline"><input type="hidden" name="_csrf" value="${esc(req.csrfToken)}"><button type="submit">${esc(t(lang, 'signOut'))}</button></form>` : ''}
</header>
<main id="main" tabindex="-1">
${opts.body}
</main>
<script type="application/json" id="boot">${JSON.stringify(boot).replace(/</g, '\\u003c')}</script>
${opts.bundle ? `<script src="/build/${opts.bundle}.js"></script>` : ''}
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
    body: `<section class="card narrow">
<h1>${esc(t(lang, 'signInTitle'))}</h1>
${opts.error ? `<p class="error" role="alert">${esc(opts.error)}</p>` : ''}
${
  opts.staff
    ? `<h2>${esc(t(lang, 'staffSignIn'))}</h2>
<p><a class="button primary" href="/auth/login" id="staff-signin">${esc(t(lang, 'staffSignInButton'))}</a></p>`
    : ''
}
<h2>${esc(t(lang, 'role.applicant'))}</h2>
${
  opts.eds
    ? // With EDS on, an applicant's identity comes only from their certificate.
      `<p><a class="button primary" href="/signin/eds" id="eds-signin-link">${t(lang, 'signInEds')}</a></p>`
    : `<form method="post" action="/signin" class="stack" id="signin-form">
  <input type="hidden" name="_signin" value="${esc(opts.token)}">
  <label>${esc(t(lang, 'bin'))}<input name="bin" id="bin" inputmode="numeric" pattern="\\d{12}" maxlength="12" autocomplete="off" required></label>
  <label>${esc(t(lang, 'name'))}<input name="name" id="name" maxlength="60" autocomplete="off"></label>
  <button type="submit" class="primary">${esc(t(lang, 'signIn'))}</button>
</form>`
}
</section>`,
  });
}

export function forbiddenPage(req: Request): string {
  const lang = req.lang;
  return layout(req, {
    title: t(lang, 'forbidden'),
    body: `<section class="card narrow" data-testid="forbidden"><h1>403 — ${esc(t(lang, 'forbidden'))}</h1><p>${esc(t(lang, 'forbiddenText'))}</p>${
      req.session ? `<p><a href="${homeFor(req.session)}">${esc(t(lang, 'back'))}</a></p>` : ''
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
