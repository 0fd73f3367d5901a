import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Roles of the web app. The candidate groups a session may work for are derived here from the role
 * and unit, never taken from the browser, so a clerk cannot widen their own worklist.
 */
export const ROLES = [
  'designer',
  'clerk',
  'head',
  'legal-expert',
  'editorial-expert',
  'operator',
  'applicant',
] as const;
export type Role = (typeof ROLES)[number];

/** Provider units: the fire committee (service A), police (B), the ministry (C, D). */
export const UNITS = ['fire', 'police', 'mia'] as const;
export type Unit = (typeof UNITS)[number];

/** Roles that work user tasks. */
export const TASK_ROLES: readonly Role[] = ['clerk', 'head', 'legal-expert', 'editorial-expert'];

export interface Session {
  role: Role;
  /** Provider unit of a clerk or head; 'minister' for the Minister signing service C. */
  unit?: Unit | 'minister';
  /** Applicant's BIN (applicants only). */
  bin?: string;
  /** IIN and name from the applicant's EDS certificate (EDS sign-in). */
  iin?: string;
  name?: string;
  /** Task assignee and audit name, e.g. `fire-clerk`. */
  userId: string;
  groups: string[];
}

export function groupsFor(role: Role, unit?: string): string[] {
  switch (role) {
    case 'clerk':
      return unit && (UNITS as readonly string[]).includes(unit) ? [`${unit}-clerks`] : [];
    case 'head':
      if (unit === 'minister') return ['minister'];
      return unit && (UNITS as readonly string[]).includes(unit) ? [`${unit}-head`] : [];
    case 'legal-expert':
      return ['legal-experts'];
    case 'editorial-expert':
      return ['editorial-experts'];
    default:
      return [];
  }
}

export function makeSession(role: Role, opts: { unit?: string; bin?: string; name?: string } = {}): Session {
  const unit = role === 'clerk' || role === 'head' ? (opts.unit as Session['unit']) : undefined;
  const slug = (opts.name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const userId = slug || [unit, role].filter(Boolean).join('-');
  return {
    role,
    unit,
    bin: role === 'applicant' ? opts.bin : undefined,
    userId,
    groups: groupsFor(role, unit),
  };
}

export const SESSION_COOKIE = 'kzp_session';
export const LANG_COOKIE = 'kzp_lang';

/** Signed cookie value: base64url(JSON) + '.' + HMAC-SHA256; tampering invalidates it. */
export function signSession(session: Session, secret: string): string {
  const body = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifySession(value: string | undefined, secret: string): Session | undefined {
  if (!value) return undefined;
  const [body, sig] = value.split('.');
  if (!body || !sig) return undefined;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Session;
    if (!(ROLES as readonly string[]).includes(s.role)) return undefined;
    // Groups are recomputed so a cookie signed by an older release cannot keep stale rights.
    return { ...s, groups: groupsFor(s.role, s.unit) };
  } catch {
    return undefined;
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (k) out[k] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

declare module 'express-serve-static-core' {
  interface Request {
    session?: Session;
    lang: 'kk' | 'ru';
  }
}

export function sessionMiddleware(secret: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const cookies = parseCookies(req.headers.cookie);
    req.session = verifySession(cookies[SESSION_COOKIE], secret);
    req.lang = cookies[LANG_COOKIE] === 'ru' ? 'ru' : 'kk';
    next();
  };
}
