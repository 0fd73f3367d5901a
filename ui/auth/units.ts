import { SERVICES } from '../../domain/services';
import type { Session, Unit } from '../auth';

/** Which provider unit handles each service (the registry of services, docs/roles.md). */
export const SERVICE_UNIT: Record<string, Unit> = Object.fromEntries(SERVICES.map((s) => [s.id, s.unit]));

/** Number prefixes, for applications registered outside the portal's store (office registrations). */
const PREFIX_UNIT: Record<string, Unit> = Object.fromEntries(SERVICES.map((s) => [s.numberPrefix, s.unit]));

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
