import type { Session, Unit } from '../auth';

/** Which provider unit handles each service (docs/roles.md): fire committee A, police B, ministry C and D. */
export const SERVICE_UNIT: Record<string, Unit> = {
  'fire-automation-permit': 'fire',
  'security-licence': 'police',
  'training-centre-designation': 'mia',
  'national-company-security-approval': 'mia',
};

/** Number prefixes, for applications registered outside the portal's store (office registrations). */
const PREFIX_UNIT: Record<string, Unit> = {
  FAP: 'fire',
  SEC: 'police',
  TCD: 'mia',
  TRC: 'mia',
  NCA: 'mia',
  NAT: 'mia',
};

/** Units whose applications a member of staff works on: their own; experts work for the ministry. */
export function unitsOf(session: Session): Unit[] {
  const units = new Set<Unit>();
  if (session.unit === 'minister') units.add('mia');
  else if (session.unit) units.add(session.unit);
  if (session.roles.includes('legal-expert') || session.roles.includes('editorial-expert')) units.add('mia');
  return [...units];
}

/**
 * May this member of staff read the documents of this application? Operators watch every
 * application; a task role only its own unit's (a fire clerk never reads a police application).
 */
export function mayReadApplicationDocuments(
  session: Session,
  applicationNumber: string | undefined,
  serviceId: string | undefined,
): boolean {
  if (session.roles.includes('operator')) return true;
  const unit =
    (serviceId && SERVICE_UNIT[serviceId]) || PREFIX_UNIT[String(applicationNumber ?? '').split('-')[0]];
  return Boolean(unit && unitsOf(session).includes(unit));
}
