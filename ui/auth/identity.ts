import { SERVICES } from '../../domain/services';
import type { Role, Session, Unit } from '../auth';

/** A member of staff as the identity provider vouches for them. */
export interface StaffIdentity {
  kind: 'staff';
  /** The provider's subject; stable across sign-ins. */
  sub: string;
  /** Sign-in name (`preferred_username`), used as task assignee and in the audit log; `sub` if absent. */
  username?: string;
  name: string;
  /** Roles of the web app derived from the token's groups/roles. */
  roles: Role[];
  /** Candidate groups of user tasks the person works for (docs/roles.md). */
  groups: string[];
  /** Provider unit of a clerk or head; 'minister' for the Minister. */
  unit?: Unit | 'minister';
  iin?: string;
}

/**
 * An applicant as another sign-in method vouches for them (EDS certificate subject: IIN, and the
 * company's BIN for an employee signing for it).
 */
export interface ApplicantIdentity {
  kind: 'applicant';
  iin: string;
  bin?: string;
  name: string;
}

export type Identity = StaffIdentity | ApplicantIdentity;

/** Candidate groups of user tasks, each with the role and unit it gives (docs/roles.md). */
const TASK_GROUPS: Record<string, { role: Role; unit?: Unit | 'minister' }> = {
  ...Object.fromEntries(
    SERVICES.flatMap((s) => [
      [s.groups.clerks, { role: 'clerk', unit: s.unit }],
      [s.groups.head, { role: 'head', unit: s.unit }],
    ]),
  ),
  minister: { role: 'head', unit: 'minister' },
  'legal-experts': { role: 'legal-expert' },
  'editorial-experts': { role: 'editorial-expert' },
};

/** Groups (or realm roles) that give a web-app role without being candidate groups. */
const ROLE_GROUPS: Record<string, Role> = {
  operators: 'operator',
  operator: 'operator',
  designers: 'designer',
  designer: 'designer',
};

/** Order in which a person with several roles lands after sign-in. */
const ROLE_ORDER: readonly Role[] = [
  'clerk',
  'head',
  'legal-expert',
  'editorial-expert',
  'operator',
  'designer',
];

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  // Keycloak's group mapper may write full paths ("/fire-clerks"); the last segment is the group.
  return list
    .filter((x): x is string => typeof x === 'string' && x.length > 0)
    .map((x) => x.split('/').filter(Boolean).pop() ?? '')
    .filter(Boolean);
}

/**
 * The staff identity from ID-token and userinfo claims. Groups come from `groups`; roles may also
 * come from `roles` or Keycloak's `realm_access.roles`. Unknown groups give nothing, so a token
 * without any known group gives no role (and no sign-in).
 */
export function staffIdentityFromClaims(claims: Record<string, unknown>): StaffIdentity {
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  const all = new Set([...names(claims.groups), ...names(claims.roles), ...names(realmAccess?.roles)]);
  const groups = [...all].filter((g) => g in TASK_GROUPS).sort();
  const roles = new Set<Role>();
  let unit: StaffIdentity['unit'];
  for (const g of groups) {
    roles.add(TASK_GROUPS[g]!.role);
    unit ??= TASK_GROUPS[g]!.unit;
  }
  for (const g of all) if (g in ROLE_GROUPS) roles.add(ROLE_GROUPS[g]!);
  const sub = String(claims.sub ?? '');
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined;
  return {
    kind: 'staff',
    sub,
    username,
    name: typeof claims.name === 'string' && claims.name ? claims.name : (username ?? sub),
    roles: ROLE_ORDER.filter((r) => roles.has(r)),
    groups,
    unit,
    iin: typeof claims.iin === 'string' ? claims.iin : undefined,
  };
}

/** What the web app keeps of an identity for a request. */
export function sessionFor(identity: Identity): Session {
  if (identity.kind === 'applicant') {
    return {
      role: 'applicant',
      roles: ['applicant'],
      bin: identity.bin,
      iin: identity.iin || undefined,
      name: identity.name,
      userId: identity.iin || identity.bin || 'applicant',
      groups: [],
    };
  }
  return {
    role: identity.roles[0]!,
    roles: identity.roles,
    unit: identity.unit,
    iin: identity.iin,
    name: identity.name,
    userId: identity.username ?? identity.sub,
    groups: identity.groups,
  };
}
