/**
 * The one registry of the public services (procedures.md §2–§5) and of the sub-processes they
 * call. Every other place — intake, the web app, workers, the diagram builder, operations — reads
 * the list, the process ids, the provider's unit and its candidate groups, and the register-number
 * prefix from here; names people read are catalogue keys (`service.<id>` in i18n/).
 */
export interface ServiceDefinition {
  /** The service's id, which is also its BPMN process id. */
  readonly id: string;
  /** Letter the spec and the refusal-ground codes use (A01_…, C_…). */
  readonly code: 'A' | 'B' | 'C' | 'D';
  /** Prefix of the application's register number, e.g. `FAP-2026-000123`. */
  readonly numberPrefix: string;
  /** The provider's unit whose clerks and head work the application (docs/roles.md). */
  readonly unit: 'fire' | 'police' | 'mia';
  /** Candidate groups of the unit's user tasks. */
  readonly groups: { readonly clerks: string; readonly head: string };
}

export const SERVICES = [
  {
    id: 'fire-automation-permit',
    code: 'A',
    numberPrefix: 'FAP',
    unit: 'fire',
    groups: { clerks: 'fire-clerks', head: 'fire-head' },
  },
  {
    id: 'security-licence',
    code: 'B',
    numberPrefix: 'SEC',
    unit: 'police',
    groups: { clerks: 'police-clerks', head: 'police-head' },
  },
  {
    id: 'training-centre-designation',
    code: 'C',
    numberPrefix: 'TCD',
    unit: 'mia',
    groups: { clerks: 'mia-clerks', head: 'mia-head' },
  },
  {
    id: 'national-company-security-approval',
    code: 'D',
    numberPrefix: 'NCA',
    unit: 'mia',
    groups: { clerks: 'mia-clerks', head: 'mia-head' },
  },
] as const satisfies readonly ServiceDefinition[];

export type ServiceId = (typeof SERVICES)[number]['id'];

/** The services' ids, which are also their process ids, in the spec's order A–D. */
export const SERVICE_IDS = SERVICES.map((s) => s.id) as [ServiceId, ...ServiceId[]];

/** Processes the services call (hearing before refusal, delivery, complaint) or that run alone. */
export const SUB_PROCESS_IDS = ['hearing', 'deliver-result', 'complaint', 'rules-change-notice'] as const;
export type SubProcessId = (typeof SUB_PROCESS_IDS)[number];

export function isServiceId(value: string): value is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}

export function serviceOf(id: ServiceId): (typeof SERVICES)[number] {
  return SERVICES.find((s) => s.id === id)!;
}
