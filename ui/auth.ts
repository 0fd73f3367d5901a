import { SERVICES } from '../domain/services';

/**
 * Roles of the web app. Staff roles and candidate groups come from the identity provider's token
 * (ui/auth/identity.ts), never from the browser, so nobody can widen their own rights.
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
export const UNITS = [...new Set(SERVICES.map((s) => s.unit))];
export type Unit = (typeof SERVICES)[number]['unit'];

/** Roles that work user tasks. */
export const TASK_ROLES: readonly Role[] = ['clerk', 'head', 'legal-expert', 'editorial-expert'];

export interface Session {
  /** The role the person lands in; `roles` holds every role they have. */
  role: Role;
  roles: Role[];
  /** Provider unit of a clerk or head; 'minister' for the Minister signing service C. */
  unit?: Unit | 'minister';
  /** Applicant's BIN (applicants only). */
  bin?: string;
  /** IIN and name from the applicant's EDS certificate (EDS sign-in). */
  iin?: string;
  name?: string;
  /** Task assignee and audit name, e.g. `fire-clerk`. */
  userId: string;
  /** Candidate groups of user tasks, from the identity provider's token (never from the browser). */
  groups: string[];
}

/** True when the session has one of the given roles. */
export function hasRole(session: Session, roles: readonly Role[]): boolean {
  return session.roles.some((r) => roles.includes(r));
}

export const SESSION_COOKIE = 'kzp_session';
export const LANG_COOKIE = 'kzp_lang';

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!k) continue;
    // A malformed escape (`%zz`, a lone `%`) keeps the raw value, as the `cookie` package does:
    // a cookie the browser mangled or someone forged is no reason to fail the request.
    const raw = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(raw);
    } catch {
      out[k] = raw;
    }
  }
  return out;
}

declare module 'express-serve-static-core' {
  interface Request {
    session?: Session;
    /** The session's token every state-changing request must carry (header `x-csrf-token` or field `_csrf`). */
    csrfToken?: string;
    lang: 'kk' | 'ru';
  }
}
