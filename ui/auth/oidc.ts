import { both } from '../../i18n';
import { Router, type Request, type Response } from 'express';
import * as client from 'openid-client';
import { homeFor } from '../pages';
import { staffIdentityFromClaims } from './identity';
import type { SessionManager } from './sessions';

/** The web app as an OpenID Connect client (confidential, authorization code + PKCE). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `<web app>/auth/callback`, registered at the provider. */
  redirectUri: string;
  /** Where the provider sends the browser after sign-out: the web app's `/`. */
  postLogoutRedirectUri: string;
  /** Plain-HTTP provider (the embedded one on 127.0.0.1); never in production. */
  allowHttp?: boolean;
  scope?: string;
}

const TEXT = {
  failed: both('auth.oidc.failed'),
  noRole: both('auth.oidc.noRole'),
  unavailable: both('auth.oidc.unavailable'),
  again: both('auth.oidc.again'),
};

function messagePage(req: Request, res: Response, status: number, text: { kk: string; ru: string }) {
  const lang = req.lang;
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(text[lang])}</title><link rel="stylesheet" href="/static/app.css"></head>` +
        `<body><main id="main"><section class="card narrow"><p class="error" role="alert" data-testid="auth-error">${esc(text[lang])}</p>` +
        `<p><a href="/auth/login">${esc(TEXT.again[lang])}</a></p></section></main></body></html>`,
    );
}

/** Only paths of this app are allowed after sign-in (no open redirect). */
function safeReturn(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.includes('\\')
    ? value
    : '';
}

/**
 * Routes: GET /auth/login starts the flow (state, nonce and PKCE verifier kept server-side under a
 * pre-session cookie, so a callback can only finish a sign-in this browser started); GET
 * /auth/callback finishes it and starts the session; POST /signout (see app.ts) ends it here and at
 * the provider.
 */
export function createOidcLogin(
  settings: OidcSettings,
  sessions: SessionManager,
  log: (m: string, f?: Record<string, unknown>) => void,
) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.ClientSecretBasic(settings.clientSecret),
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw err;
      });
    return discovered;
  };

  const router = Router();
  router.get('/auth/login', async (req, res) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (err) {
      log('identity provider unreachable', { error: (err as Error).message });
      return messagePage(req, res, 503, TEXT.unavailable);
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await sessions.beginLogin(res, { state, nonce, codeVerifier, returnTo: safeReturn(req.query.back) });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope ?? 'openid profile groups',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ui_locales: req.lang,
    });
    res.redirect(url.href);
  });

  router.get('/auth/callback', async (req, res) => {
    const pending = await sessions.takeLogin(req, res);
    if (!pending) return messagePage(req, res, 400, TEXT.failed);
    let claims: Record<string, unknown>;
    let idToken: string | undefined;
    try {
      const config = await configuration();
      const current = new URL(settings.redirectUri);
      current.search = new URL(req.originalUrl, 'http://x').search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const fromToken = (tokens.claims() ?? {}) as Record<string, unknown>;
      const info = await client.fetchUserInfo(config, tokens.access_token, String(fromToken.sub));
      claims = { ...info, ...fromToken };
      idToken = tokens.id_token;
    } catch (err) {
      log('sign-in refused', { error: (err as Error).message });
      return messagePage(req, res, 400, TEXT.failed);
    }
    const identity = staffIdentityFromClaims(claims);
    if (!identity.sub || identity.roles.length === 0) {
      log('sign-in without a role', { sub: identity.sub });
      return messagePage(req, res, 403, TEXT.noRole);
    }
    const session = await sessions.start(res, identity, { idToken });
    log('staff signed in', { userId: session.userId, roles: session.roles, groups: session.groups });
    res.redirect(pending.returnTo || homeFor(session));
  });

  /** The provider's end-session URL for RP-initiated logout, or undefined when it has none. */
  async function endSessionUrl(idToken: string | undefined): Promise<string | undefined> {
    try {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
        ...(idToken ? { id_token_hint: idToken } : { client_id: settings.clientId }),
      }).href;
    } catch {
      return undefined;
    }
  }
  return { router, endSessionUrl };
}
