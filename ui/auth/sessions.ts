import { both } from '../../i18n';
import Database from 'better-sqlite3';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Clock } from '../../domain/clock';
import { LANG_COOKIE, parseCookies, SESSION_COOKIE, type Session } from '../auth';
import { sessionFor, type Identity } from './identity';

/**
 * Server-side sessions. The browser holds only a random id (cookie `kzp_session`, HttpOnly,
 * SameSite=Lax, Secure in production); the store keeps the identity under an HMAC of that id, so a
 * copy of the database gives no working cookie. Sessions end after `idleMs` without a request and
 * `absoluteMs` after sign-in, whichever comes first; sign-out deletes the row.
 */
export interface StoredSession {
  identity: Identity;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** The provider's ID token, sent back as `id_token_hint` when signing out (staff only). */
  idToken?: string;
}

/** A sign-in started at the provider: what the callback must see again (login CSRF, PKCE, replay). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: number;
}

export interface SessionStore {
  put(key: string, session: StoredSession): void;
  get(key: string): StoredSession | undefined;
  touch(key: string, at: number): void;
  delete(key: string): void;
  putLogin(key: string, login: PendingLogin): void;
  /** Returns and deletes the pending sign-in, so a callback can be used once. */
  takeLogin(key: string): PendingLogin | undefined;
  /** Deletes sessions last seen before `idleBefore` or created before `createdBefore`, and stale sign-ins. */
  purge(idleBefore: number, createdBefore: number, loginsBefore: number): void;
  close(): void;
}

/** Sessions in SQLite: `<dataDir>/sessions.sqlite`, or `:memory:`. */
export function createSessionStore(dataDir: string): SessionStore {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'sessions.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      key TEXT PRIMARY KEY, identity TEXT NOT NULL, csrf_token TEXT NOT NULL,
      created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, id_token TEXT);
    CREATE TABLE IF NOT EXISTS pending_logins (
      key TEXT PRIMARY KEY, state TEXT NOT NULL, nonce TEXT NOT NULL, code_verifier TEXT NOT NULL,
      return_to TEXT NOT NULL, created_at INTEGER NOT NULL);`);
  const put = db.prepare(
    'INSERT OR REPLACE INTO sessions (key, identity, csrf_token, created_at, last_seen_at, id_token) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const get = db.prepare('SELECT * FROM sessions WHERE key = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE key = ?');
  const del = db.prepare('DELETE FROM sessions WHERE key = ?');
  const putLogin = db.prepare(
    'INSERT OR REPLACE INTO pending_logins (key, state, nonce, code_verifier, return_to, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getLogin = db.prepare('SELECT * FROM pending_logins WHERE key = ?');
  const delLogin = db.prepare('DELETE FROM pending_logins WHERE key = ?');
  const purgeSessions = db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?');
  const purgeLogins = db.prepare('DELETE FROM pending_logins WHERE created_at < ?');
  type Row = {
    identity: string;
    csrf_token: string;
    created_at: number;
    last_seen_at: number;
    id_token: string | null;
  };
  type LoginRow = {
    state: string;
    nonce: string;
    code_verifier: string;
    return_to: string;
    created_at: number;
  };
  return {
    put: (key, s) =>
      put.run(key, JSON.stringify(s.identity), s.csrfToken, s.createdAt, s.lastSeenAt, s.idToken ?? null),
    get: (key) => {
      const row = get.get(key) as Row | undefined;
      if (!row) return undefined;
      return {
        identity: JSON.parse(row.identity) as Identity,
        csrfToken: row.csrf_token,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        idToken: row.id_token ?? undefined,
      };
    },
    touch: (key, at) => void touch.run(at, key),
    delete: (key) => void del.run(key),
    putLogin: (key, l) => void putLogin.run(key, l.state, l.nonce, l.codeVerifier, l.returnTo, l.createdAt),
    takeLogin: db.transaction((key: string) => {
      const row = getLogin.get(key) as LoginRow | undefined;
      if (!row) return undefined;
      delLogin.run(key);
      return {
        state: row.state,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        returnTo: row.return_to,
        createdAt: row.created_at,
      };
    }) as (key: string) => PendingLogin | undefined,
    purge: (idleBefore, createdBefore, loginsBefore) => {
      purgeSessions.run(idleBefore, createdBefore);
      purgeLogins.run(loginsBefore);
    },
    close: () => db.close(),
  };
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
  start(res: Response, identity: Identity, opts?: { idToken?: string }): Session;
  /** Deletes the request's session server-side and clears the cookie; returns what it was. */
  end(req: Request, res: Response): StoredSession | undefined;
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** Refuses state-changing requests of a session that lack its CSRF token. */
  csrf(req: Request, res: Response, next: NextFunction): void;
  beginLogin(res: Response, login: Omit<PendingLogin, 'createdAt'>): void;
  takeLogin(req: Request, res: Response): PendingLogin | undefined;
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
  const sessionOf = (req: Request): { key: string; stored: StoredSession } | undefined => {
    const id = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!id) return undefined;
    const key = keyOf(id);
    const stored = store.get(key);
    if (!stored) return undefined;
    const now = clock.now().getTime();
    if (now - stored.lastSeenAt > opts.idleMs || now - stored.createdAt > opts.absoluteMs) {
      store.delete(key);
      return undefined;
    }
    return { key, stored };
  };

  const manager: SessionManager = {
    start(res, identity, extra = {}) {
      // A fresh id on every sign-in: an id planted before sign-in (session fixation) is never promoted.
      const old = parseCookies(res.req.headers.cookie)[SESSION_COOKIE];
      if (old) store.delete(keyOf(old));
      const id = randomBytes(32).toString('base64url');
      const now = clock.now().getTime();
      // Expired sessions and abandoned sign-ins go when someone signs in: no timer needed.
      store.purge(now - opts.idleMs, now - opts.absoluteMs, now - LOGIN_TTL_MS);
      store.put(keyOf(id), {
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
    end(req, res) {
      const found = sessionOf(req);
      if (found) store.delete(found.key);
      res.clearCookie(SESSION_COOKIE, cookieOptions());
      return found?.stored;
    },
    middleware(req, res, next) {
      req.lang = parseCookies(req.headers.cookie)[LANG_COOKIE] === 'ru' ? 'ru' : 'kk';
      const found = sessionOf(req);
      if (found) {
        store.touch(found.key, clock.now().getTime());
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
    beginLogin(res, login) {
      const id = randomBytes(24).toString('base64url');
      store.putLogin(keyOf(id), { ...login, createdAt: clock.now().getTime() });
      res.cookie(LOGIN_COOKIE, id, { ...cookieOptions(LOGIN_TTL_MS), path: '/auth' });
    },
    takeLogin(req, res) {
      const id = parseCookies(req.headers.cookie)[LOGIN_COOKIE];
      res.clearCookie(LOGIN_COOKIE, { ...cookieOptions(), path: '/auth' });
      if (!id) return undefined;
      const login = store.takeLogin(keyOf(id));
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
export function startSession(res: Response, identity: Identity, opts?: { idToken?: string }): Session {
  let app = res.app as { locals: Record<string, unknown>; parent?: unknown } | undefined;
  while (app && !app.locals[APP_KEY]) app = app.parent as typeof app;
  const manager = app?.locals[APP_KEY] as SessionManager | undefined;
  if (!manager) throw new Error('sessions are not installed on this app');
  return manager.start(res, identity, opts);
}
