import { both } from '../../i18n';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Clock } from '../../domain/clock';
import { LANG_COOKIE, parseCookies, SESSION_COOKIE, type Session } from '../auth';
import { sessionFor, type Identity } from './identity';
import type { AppDatabase } from '../../adapters/db/connect';
import {
  createSessionRepository,
  type PendingLogin,
  type SessionStore as SessionStoreOf,
  type StoredSession as StoredSessionOf,
} from '../../adapters/db/web-state';

/**
 * Server-side sessions. The browser holds only a random id (cookie `kzp_session`, HttpOnly,
 * SameSite=Lax, Secure in production); the application database keeps the identity under an HMAC
 * of that id, so a copy of the database gives no working cookie, a restart keeps sessions and
 * every replica sees the same ones. Sessions end after `idleMs` without a request and `absoluteMs`
 * after sign-in, whichever comes first; sign-out deletes the row, which ends it on every replica.
 */
export type StoredSession = StoredSessionOf<Identity>;
export type { PendingLogin };
export type SessionStore = SessionStoreOf<Identity>;

/** Sessions in the application database `db`, or in a private in-memory one (`':memory:'`). */
export function createSessionStore(db: AppDatabase | ':memory:'): SessionStore {
  return createSessionRepository<Identity>(db);
}

/**
 * The embedded install's session secret when none is configured: made once and kept in
 * `<dataDir>/session-secret` (owner-only), so sessions survive a restart. It is not kept in the
 * database, so that a copy of the database alone gives no working cookie.
 */
export function embeddedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${file} holds no usable session secret: delete it to make a new one`);
  return secret;
}

export interface SessionOptions {
  store: SessionStore;
  clock: Clock;
  /** Keys the stored ids (HMAC); UI_SESSION_SECRET. */
  secret: string;
  idleMs: number;
  absoluteMs: number;
  /** Secure cookies (HTTPS only): on in production. */
  secureCookies: boolean;
}

export const LOGIN_COOKIE = 'kzp_login';
/** How long a sign-in started at the provider may take. */
export const LOGIN_TTL_MS = 10 * 60_000;

export interface SessionManager {
  start(res: Response, identity: Identity, opts?: { idToken?: string }): Promise<Session>;
  /** Deletes the request's session server-side and clears the cookie; returns what it was. */
  end(req: Request, res: Response): Promise<StoredSession | undefined>;
  middleware(req: Request, res: Response, next: NextFunction): Promise<void>;
  /** Refuses state-changing requests of a session that lack its CSRF token. */
  csrf(req: Request, res: Response, next: NextFunction): void;
  beginLogin(res: Response, login: Omit<PendingLogin, 'createdAt'>): Promise<void>;
  takeLogin(req: Request, res: Response): Promise<PendingLogin | undefined>;
  cookieOptions(maxAgeMs?: number): {
    httpOnly: true;
    sameSite: 'lax';
    secure: boolean;
    path: string;
    maxAge?: number;
  };
}

const APP_KEY = 'kzpSessions';

export function createSessionManager(opts: SessionOptions): SessionManager {
  const { store, clock } = opts;
  const keyOf = (id: string) => createHmac('sha256', opts.secret).update(id).digest('base64url');
  const cookieOptions = (maxAgeMs?: number) => ({
    httpOnly: true as const,
    sameSite: 'lax' as const,
    secure: opts.secureCookies,
    path: '/',
    ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}),
  });
  const sessionOf = async (req: Request): Promise<{ key: string; stored: StoredSession } | undefined> => {
    const id = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!id) return undefined;
    const key = keyOf(id);
    const stored = await store.get(key);
    if (!stored) return undefined;
    const now = clock.now().getTime();
    if (now - stored.lastSeenAt > opts.idleMs || now - stored.createdAt > opts.absoluteMs) {
      await store.delete(key);
      return undefined;
    }
    return { key, stored };
  };

  const manager: SessionManager = {
    async start(res, identity, extra = {}) {
      // A fresh id on every sign-in: an id planted before sign-in (session fixation) is never promoted.
      const old = parseCookies(res.req.headers.cookie)[SESSION_COOKIE];
      if (old) await store.delete(keyOf(old));
      const id = randomBytes(32).toString('base64url');
      const now = clock.now().getTime();
      // Expired sessions and abandoned sign-ins go when someone signs in: no timer needed.
      await store.purge(now - opts.idleMs, now - opts.absoluteMs, now - LOGIN_TTL_MS);
      await store.put(keyOf(id), {
        identity,
        csrfToken: randomBytes(24).toString('base64url'),
        createdAt: now,
        lastSeenAt: now,
        idToken: extra.idToken,
      });
      // The browser forgets the cookie when the session ends at the latest (absolute limit).
      res.cookie(SESSION_COOKIE, id, cookieOptions(opts.absoluteMs));
      return sessionFor(identity);
    },
    async end(req, res) {
      const found = await sessionOf(req);
      if (found) await store.delete(found.key);
      res.clearCookie(SESSION_COOKIE, cookieOptions());
      return found?.stored;
    },
    async middleware(req, res, next) {
      req.lang = parseCookies(req.headers.cookie)[LANG_COOKIE] === 'ru' ? 'ru' : 'kk';
      // A database that is down reaches the error handlers (503 with Retry-After).
      const found = await sessionOf(req);
      if (found) {
        await store.touch(found.key, clock.now().getTime());
        req.session = sessionFor(found.stored.identity);
        req.csrfToken = found.stored.csrfToken;
      }
      next();
    },
    csrf(req, res, next) {
      if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || !req.session) return next();
      const given = String(
        req.get('x-csrf-token') ?? (req.body as { _csrf?: unknown } | undefined)?._csrf ?? '',
      );
      if (sameToken(given, req.csrfToken ?? '')) return next();
      const error = {
        code: 'CSRF',
        ...both('error.session.requestRejected'),
      };
      if (req.path.startsWith('/api/') || req.originalUrl.startsWith('/api/'))
        res.status(403).json({ error });
      else res.status(403).type('text/plain; charset=utf-8').send(`${error.kk}\n${error.ru}`);
    },
    async beginLogin(res, login) {
      const id = randomBytes(24).toString('base64url');
      await store.putLogin(keyOf(id), { ...login, createdAt: clock.now().getTime() });
      res.cookie(LOGIN_COOKIE, id, { ...cookieOptions(LOGIN_TTL_MS), path: '/auth' });
    },
    async takeLogin(req, res) {
      const id = parseCookies(req.headers.cookie)[LOGIN_COOKIE];
      res.clearCookie(LOGIN_COOKIE, { ...cookieOptions(), path: '/auth' });
      if (!id) return undefined;
      const login = await store.takeLogin(keyOf(id));
      if (!login || clock.now().getTime() - login.createdAt > LOGIN_TTL_MS) return undefined;
      return login;
    },
    cookieOptions,
  };
  return manager;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/** Makes `startSession` available to every route of the app. */
export function installSessions(app: Express, manager: SessionManager): void {
  app.locals[APP_KEY] = manager;
}

/**
 * Starts a session for an identity another sign-in method has established (the applicant's EDS
 * sign-in, the staff OIDC callback): a new random id in an HttpOnly cookie, the identity kept
 * server-side. Answers the web app's view of the session.
 */
export function startSession(
  res: Response,
  identity: Identity,
  opts?: { idToken?: string },
): Promise<Session> {
  let app = res.app as { locals: Record<string, unknown>; parent?: unknown } | undefined;
  while (app && !app.locals[APP_KEY]) app = app.parent as typeof app;
  const manager = app?.locals[APP_KEY] as SessionManager | undefined;
  if (!manager) throw new Error('sessions are not installed on this app');
  return manager.start(res, identity, opts);
}
