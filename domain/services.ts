/**
 * The four public services (procedures.md §2–§5), by the id their process carries. Every part of
 * the domain (schemas, legal clock, documents, refusal grounds) keys its rules by this one list.
 */
export const SERVICE_IDS = [
  'fire-automation-permit',
  'security-licence',
  'training-centre-designation',
  'national-company-security-approval',
] as const;

export type ServiceId = (typeof SERVICE_IDS)[number];

export function isServiceId(value: string): value is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
