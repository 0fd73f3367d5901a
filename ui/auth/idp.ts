/**
 * The embedded OpenID Connect provider (`oidc-provider`) with the synthetic staff of
 * ui/auth/staff.ts: password sign-in on its own bilingual page, authorization code flow with PKCE,
 * RP-initiated logout. It runs as a child process of the web app (ui/auth/embedded-idp.ts), so the
 * ES-module-only `oidc-provider` never enters the web app's module graph.
 *
 * Run directly for a look: `npx tsx ui/auth/idp.ts` (prints its issuer; options from IDP_OPTIONS JSON).
 */
import { both, t } from '../../i18n';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SEEDED_STAFF, SEEDED_STAFF_PASSWORD, type SeededStaff } from './staff';

export interface IdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface IdpOptions {
  host?: string;
  port?: number;
  clients: IdpClient[];
  /** Lifetime of the provider's own sign-in session, in seconds. */
  sessionTtlSeconds?: number;
}

type Lang = 'kk' | 'ru';
const TEXT = {
  title: both('auth.idp.title'),
  username: both('auth.idp.username'),
  password: both('auth.idp.password'),
  submit: both('auth.idp.submit'),
  wrong: both('auth.idp.wrong'),
  missing: both('auth.idp.missing'),
  logout: both('auth.idp.logout'),
  logoutConfirm: both('auth.idp.logoutConfirm'),
  logoutDone: both('auth.idp.logoutDone'),
  error: both('auth.idp.error'),
  expired: both('auth.idp.expired'),
} as const;

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}main{max-width:24rem;margin:4rem auto;background:#fff;padding:1.5rem 2rem;border-radius:6px;box-shadow:0 1px 3px #0003}
label{display:block;margin:.75rem 0}input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;margin-top:.25rem}
button{padding:.6rem 1.2rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}.error{color:#a00}nav{text-align:right}</style>
</head><body><main>${body}</main></body></html>`;
}

function langOf(value: unknown): Lang {
  return typeof value === 'string' && value.trim().toLowerCase().startsWith('ru') ? 'ru' : 'kk';
}

function loginPage(lang: Lang, uid: string, error?: string, username = ''): string {
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  return page(
    lang,
    TEXT.title[lang],
    `<nav><a href="/interaction/${esc(uid)}?lang=${other}" hreflang="${other}">${t(other, 'languageName')}</a></nav>
<h1>${esc(TEXT.title[lang])}</h1>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login" id="login-form">
<input type="hidden" name="lang" value="${lang}">
<label>${esc(TEXT.username[lang])}<input name="username" id="username" autocomplete="username" required value="${esc(username)}"></label>
<label>${esc(TEXT.password[lang])}<input name="password" id="password" type="password" autocomplete="current-password" required></label>
<button type="submit">${esc(TEXT.submit[lang])}</button>
</form>`,
  );
}

/** Starts the provider; answers its issuer URL and a `close`. */
export async function startIdp(options: IdpOptions): Promise<{ issuer: string; close(): Promise<void> }> {
  // oidc-provider is an ES module: loaded at run time.
  const { default: Provider, errors } = await import('oidc-provider');
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const staff = new Map<string, SeededStaff>(SEEDED_STAFF.map((s) => [s.username, s]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'embedded-1' };

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      client_name: 'kz-permits',
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'iin'],
      groups: ['groups'],
    },
    // The web app reads roles from the ID token; the same claims are in userinfo.
    conformIdTokenClaims: false,
    ttl: {
      Session: options.sessionTtlSeconds ?? 8 * 3600,
      Interaction: 3600,
      Grant: options.sessionTtlSeconds ?? 8 * 3600,
      AccessToken: 600,
      IdToken: 3600,
      AuthorizationCode: 60,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          const lang = langOf(ctx.cookies.get('kzp_lang'));
          // The person chose "sign out" in the web app already: the form submits itself.
          ctx.body = page(
            lang,
            TEXT.logout[lang],
            `<h1>${esc(TEXT.logout[lang])}</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${esc(TEXT.logoutConfirm[lang])}</button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.getElementById('op.logoutForm').submit()</script>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          const lang = langOf(ctx.cookies.get('kzp_lang'));
          ctx.body = page(lang, TEXT.logoutDone[lang], `<h1>${esc(TEXT.logoutDone[lang])}</h1>`);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The web app is the provider's own first-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const client = ctx.oidc.client!;
      const accountId = ctx.oidc.session!.accountId!;
      const existing = ctx.oidc.session!.grantIdFor(client.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope('openid profile groups');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, id) => {
      const person = staff.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          preferred_username: person.username,
          name: person.name,
          iin: person.iin,
          groups: person.groups,
        }),
      };
    },
    renderError: async (ctx, out) => {
      const lang = langOf(ctx.cookies.get('kzp_lang'));
      ctx.type = 'html';
      ctx.body = page(
        lang,
        TEXT.error[lang],
        `<h1>${esc(TEXT.error[lang])}</h1><p>${esc(out.error === 'session_not_found' || out.error === 'invalid_request' ? TEXT.expired[lang] : TEXT.error[lang])}</p>`,
      );
    },
  });
  provider.proxy = false;

  const app = express();
  app.disable('x-powered-by');
  const form = express.urlencoded({ extended: false });
  app.get('/interaction/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const lang = req.query.lang ? langOf(req.query.lang) : langOf(details.params.ui_locales);
      res.type('html').send(loginPage(lang, details.uid));
    } catch (err) {
      next(err);
    }
  });
  app.post('/interaction/:uid/login', form, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const lang = langOf(req.body?.lang);
      const username = String(req.body?.username ?? '').trim();
      const password = String(req.body?.password ?? '');
      if (!username || !password)
        return res
          .status(400)
          .type('html')
          .send(loginPage(lang, details.uid, TEXT.missing[lang], username));
      const person = staff.get(username);
      if (!person || password !== SEEDED_STAFF_PASSWORD)
        return res
          .status(401)
          .type('html')
          .send(loginPage(lang, details.uid, TEXT.wrong[lang], username));
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: person.username } },
        {
          mergeWithLastSubmission: false,
        },
      );
    } catch (err) {
      next(err);
    }
  });
  app.use((err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err instanceof errors.SessionNotFound) {
      const lang = langOf(req.query.lang ?? req.body?.lang);
      return res
        .status(400)
        .type('html')
        .send(page(lang, TEXT.error[lang], `<p>${esc(TEXT.expired[lang])}</p>`));
    }
    next(err);
  });
  app.use(provider.callback());
  server.on('request', app);
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Child-process entry: options from IDP_OPTIONS, the issuer reported over IPC (or stdout).
if (require.main === module) {
  const options = JSON.parse(process.env.IDP_OPTIONS ?? '{"clients":[]}') as IdpOptions;
  startIdp(options).then(
    ({ issuer, close }) => {
      if (process.send) process.send({ issuer });
      else console.log(`identity provider ready at ${issuer}`);
      const stop = () => void close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      // The provider lives only as long as the web app that started it.
      process.once('disconnect', stop);
    },
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
