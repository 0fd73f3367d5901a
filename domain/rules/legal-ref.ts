/**
 * Where an act states a rule, as data: process variables carry this structure (never a note in
 * words), and a person reads it printed from the message catalogue in Kazakh or Russian.
 */
import { groundRuleRef, SERVICES, shortRef, type RuleRef } from '../documents/services';
import { isServiceId, type ServiceId } from '../services';
import type { Lang } from '../../i18n';

/** The act whose rules are cited: Order 138 (service A's rules), Order 923 (the rules of B, C, D). */
export type LegalAct = 'order-138' | 'order-923';
export const LEGAL_ACTS: readonly LegalAct[] = ['order-138', 'order-923'];

/** The act each service's rules are amended by. */
export const ACT_OF: Record<ServiceId, LegalAct> = {
  'fire-automation-permit': 'order-138',
  'security-licence': 'order-923',
  'training-centre-designation': 'order-923',
  'national-company-security-approval': 'order-923',
};

/**
 * A place in the rules of `service` as `act` worded them: a paragraph, or a row of the List of
 * basic requirements (`annex` to the rules) with a refusal ground of that row (`ground`, a
 * sub-item of the grounds row) or an item of it (`item`).
 */
export interface LegalRef {
  act: LegalAct;
  /** Which rules of the act: Order 923 amends three, one per service. */
  service: ServiceId;
  paragraph?: number;
  annex?: number;
  row?: number;
  ground?: number;
  item?: number;
}

const NUMBERS = ['paragraph', 'annex', 'row', 'ground', 'item'] as const;

/** The reference `value` holds, or undefined when it is not one (a text, an unknown act, a place that is neither a paragraph nor a row). */
export function asLegalRef(value: unknown): LegalRef | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!LEGAL_ACTS.includes(v.act as LegalAct) || typeof v.service !== 'string' || !isServiceId(v.service))
    return undefined;
  if (ACT_OF[v.service] !== v.act) return undefined;
  const ref: LegalRef = { act: v.act as LegalAct, service: v.service };
  for (const k of NUMBERS) {
    if (v[k] === undefined || v[k] === null) continue;
    if (!Number.isInteger(v[k]) || (v[k] as number) < 1) return undefined;
    ref[k] = v[k] as number;
  }
  if ((ref.paragraph === undefined) === (ref.row === undefined)) return undefined;
  if (ref.ground !== undefined && ref.item !== undefined) return undefined;
  if (ref.row !== undefined && ref.annex !== SERVICES[ref.service].listAnnex) return undefined;
  return ref;
}

/** A place in the List of basic requirements (the annex to `service`'s rules): row, and a ground or an item of it. */
export function listRef(
  service: ServiceId,
  row: number,
  sub?: { ground: number } | { item: number },
): LegalRef {
  return { act: ACT_OF[service], service, annex: SERVICES[service].listAnnex, row, ...sub };
}

/**
 * Where the rules of `service` state the refusal ground `code` (domain/documents/services.ts
 * `groundRuleRef`, the place the documents cite): a sub-item of the grounds row, or a paragraph.
 */
export function groundLegalRef(service: ServiceId, code: string): LegalRef {
  const ref = groundRuleRef(service, code);
  if (!ref) throw new Error(`no place in the rules of ${service} for the ground ${code}`);
  if ('listItem' in ref)
    return listRef(service, ref.listItem, ref.subItem === undefined ? undefined : { ground: ref.subItem });
  return { act: ACT_OF[service], service, paragraph: ref.paragraph };
}

/** The same place in the form the documents cite it (domain/documents/services.ts). */
function ruleRefOf(ref: LegalRef): RuleRef {
  if (ref.row !== undefined) {
    const sub = ref.ground ?? ref.item;
    return sub === undefined ? { listItem: ref.row } : { listItem: ref.row, subItem: sub };
  }
  return { paragraph: ref.paragraph! };
}

/** The citation a person reads, from the catalogue: "подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)". */
export function citeLegalRef(ref: LegalRef, lang: Lang): string {
  return shortRef(ref.service, ruleRefOf(ref), lang);
}
