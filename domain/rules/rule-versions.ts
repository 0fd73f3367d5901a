/**
 * Which version of a service's rules governs an application (Order 138 ¶4; Order 923 §4):
 * the one in force on the application's registration day, not the latest deployed.
 *
 * A process diagram declares the first registration day its rules govern in its version tag,
 * `rules-from-YYYY-MM-DD` (`zeebe:versionTag`, which Camunda returns with every process
 * definition). Intake lists the deployed versions of the service's process and starts the one whose
 * date is the latest not after the registration day; several versions with that date (a corrected
 * diagram of the same rules) resolve to the highest version. Versions without such a tag are never
 * chosen. Pure: the caller lists the definitions.
 */
import { both } from '../../i18n';
import type { ServiceId } from '../services';

export const VERSION_TAG_PREFIX = 'rules-from-';

/** Order 138 ¶4: §3 parts one and three, §4 parts nine and ten, §8 and Annexes 1–2 take effect on this day. */
export const ORDER_138_DEFERRED_PARTS_FROM = '2026-07-12';

/**
 * The first registration day each service's diagram in bpmn/ serves, with its basis. The acts'
 * first official publication dates are not in the project's sources, so these are the earliest
 * days the acts allow:
 * - A: the date of Order 372, whose Rules the diagram models as Order 138 amends them; applications
 *   registered before 12 July 2026 are flagged to the clerk (see {@link earlierWordingNote}).
 * - B, C, D: Order 923 (registered 25 November 2024) takes effect 60 calendar days after its first
 *   official publication, so not before 25 January 2025.
 */
export const RULES_FROM: Record<ServiceId, string> = {
  'fire-automation-permit': '2025-08-28',
  'security-licence': '2025-01-25',
  'training-centre-designation': '2025-01-25',
  'national-company-security-approval': '2025-01-25',
};

export function versionTagFor(rulesFrom: string): string {
  return `${VERSION_TAG_PREFIX}${rulesFrom}`;
}

/** The first registration day a version tag declares, or undefined when it declares none. */
export function rulesFromOf(versionTag: string | undefined | null): string | undefined {
  const m = /^rules-from-(\d{4})-(\d{2})-(\d{2})$/.exec(versionTag ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A deployed process definition, as the official client's search returns it. */
export interface DefinitionVersion {
  processDefinitionKey: string;
  processDefinitionId: string;
  version: number;
  versionTag?: string | null;
}

/**
 * The version in force on `registeredOn` (YYYY-MM-DD), or undefined when no deployed version's
 * rules had taken effect by then.
 */
export function versionInForce<T extends DefinitionVersion>(
  definitions: readonly T[],
  registeredOn: string,
): (T & { rulesFrom: string }) | undefined {
  let best: (T & { rulesFrom: string }) | undefined;
  for (const d of definitions) {
    const rulesFrom = rulesFromOf(d.versionTag);
    if (rulesFrom === undefined || rulesFrom > registeredOn) continue;
    if (
      !best ||
      rulesFrom > best.rulesFrom ||
      (rulesFrom === best.rulesFrom && Number(d.version) > Number(best.version))
    )
      best = { ...d, rulesFrom };
  }
  return best;
}

export interface Bilingual {
  kk: string;
  ru: string;
}

/**
 * Order 138 ¶4: an application for the fire-automation permit registered before 12 July 2026 falls
 * under the previous wording of Order 372 for §3 parts one and three, §4 parts nine and ten, §8 and
 * Annexes 1–2. That wording is not among the project's sources, so it cannot be modelled: the clerk
 * is told, with the reason, to check the application against it. Undefined for other services and
 * for later registrations.
 */
export function earlierWordingNote(serviceId: string, registeredOn: string): Bilingual | undefined {
  if (serviceId !== 'fire-automation-permit' || registeredOn >= ORDER_138_DEFERRED_PARTS_FROM)
    return undefined;
  // As a person reads a date: dd.MM.yyyy, never the ISO form.
  return both('note.earlierWording', { registeredOn: registeredOn.split('-').reverse().join('.') });
}
