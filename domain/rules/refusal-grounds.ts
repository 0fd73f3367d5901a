/**
 * The catalogue of refusal grounds: what a clerk can pick in the compliance study, what the
 * automatic checks cite and what the refusal document quotes. Codes are stable identifiers;
 * `ruleRef` is where the act states the ground, as data (domain/rules/legal-ref.ts), printed for a
 * person from the catalogue in Kazakh or Russian.
 */

import { t, type MessageKey } from '../../i18n';
import type { ServiceId } from '../services';
import { groundLegalRef, type LegalRef } from './legal-ref';

export type GroundServiceId = ServiceId;

export interface RefusalGround {
  code: string;
  serviceId: GroundServiceId;
  ruleRef: LegalRef;
  textKk: string;
  textRu: string;
}

/** What a check writes for the clerk: a catalogue ground, optionally with a specific finding. */
export interface GroundFinding {
  code: string;
  ruleRef: LegalRef;
  textKk: string;
  textRu: string;
}

// Service A: Order 138, Annex 2 (List) row 11 items 1–5; service B: Order 923, licence rules,
// Annex 1 row 9 items 1–13 (the item is the code's number; domain/documents/services.ts).
const GROUNDS: ReadonlyArray<Omit<RefusalGround, 'textKk' | 'textRu' | 'ruleRef'> & { text: MessageKey }> = [
  {
    code: 'A01_UNRELIABLE_DATA',
    serviceId: 'fire-automation-permit',
    text: 'ground.unreliable-data',
  },
  {
    code: 'A02_PERMIT_REQUIREMENTS',
    serviceId: 'fire-automation-permit',
    // The act cites "paragraph 8" of the List (the fee row) as written; the requirements are row 10.
    text: 'ground.a02.permit-requirements',
  },
  {
    code: 'A03_COURT_BAN',
    serviceId: 'fire-automation-permit',
    text: 'ground.court-ban',
  },
  {
    code: 'A04_SPECIAL_RIGHT_DEPRIVED',
    serviceId: 'fire-automation-permit',
    text: 'ground.special-right-deprived',
  },
  {
    code: 'A05_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'fire-automation-permit',
    // See also spec C14.
    text: 'ground.no-consent-personal-data',
  },

  {
    code: 'B01_UNRELIABLE_DATA',
    serviceId: 'security-licence',
    text: 'ground.unreliable-data',
  },
  {
    code: 'B02_PROHIBITED_ACTIVITY',
    serviceId: 'security-licence',
    text: 'ground.b02.prohibited-activity',
  },
  {
    code: 'B03_FEE_NOT_PAID',
    serviceId: 'security-licence',
    // See also List row 6.
    text: 'ground.b03.fee-not-paid',
  },
  {
    code: 'B04_QUALIFICATION_REQUIREMENTS',
    serviceId: 'security-licence',
    // See also MIA order No. 959 of 30 Dec 2014.
    text: 'ground.b04.qualification-requirements',
  },
  {
    code: 'B05_NO_NATIONAL_COMPANY_CONSENT',
    serviceId: 'security-licence',
    text: 'ground.b05.no-national-company-consent',
  },
  {
    code: 'B06_WRONG_TERRITORIAL_BODY',
    serviceId: 'security-licence',
    text: 'ground.b06.wrong-territorial-body',
  },
  {
    code: 'B07_SPECIAL_RIGHT_DEPRIVED',
    serviceId: 'security-licence',
    text: 'ground.special-right-deprived',
  },
  {
    code: 'B08_COURT_BAN',
    serviceId: 'security-licence',
    text: 'ground.court-ban',
  },
  {
    code: 'B09_TEMPORARY_LICENSING_BAN',
    serviceId: 'security-licence',
    text: 'ground.b09.temporary-licensing-ban',
  },
  {
    code: 'B10_BUSINESS_CATEGORY',
    serviceId: 'security-licence',
    // See also Entrepreneurial Code art. 24.
    text: 'ground.b10.business-category',
  },
  {
    code: 'B11_EXTREMISM_TERRORISM_DATA',
    serviceId: 'security-licence',
    text: 'ground.b11.extremism-terrorism-data',
  },
  {
    code: 'B12_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'security-licence',
    // See also spec C14.
    text: 'ground.no-consent-personal-data',
  },
  {
    code: 'B13_SECURITY_LAW_NON_COMPLIANCE',
    serviceId: 'security-licence',
    text: 'ground.security-law-non-compliance',
  },

  // Order 923 does not restate row 9 of the C and D Lists; these are the grounds the amended
  // paragraphs themselves name (§8 check against the Law on Security Activity) and C14.
  {
    code: 'C_SECURITY_LAW_NON_COMPLIANCE',
    serviceId: 'training-centre-designation',
    text: 'ground.security-law-non-compliance',
  },
  {
    code: 'C_UNRELIABLE_DATA',
    serviceId: 'training-centre-designation',
    // Row 9 of this List is not restated by Order 923.
    text: 'ground.unreliable-data',
  },
  {
    code: 'C_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'training-centre-designation',
    // See also spec C14.
    text: 'ground.no-consent-personal-data',
  },
  {
    code: 'D_SECURITY_LAW_NON_COMPLIANCE',
    serviceId: 'national-company-security-approval',
    text: 'ground.security-law-non-compliance',
  },
  {
    code: 'D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED',
    serviceId: 'national-company-security-approval',
    // §9–§10; the consent is Annex 1 row 8 item 2.
    text: 'ground.d_a.timonopoly-consent-not-confirmed',
  },
  {
    code: 'D_UNRELIABLE_DATA',
    serviceId: 'national-company-security-approval',
    // Row 9 of this List is not restated by Order 923.
    text: 'ground.unreliable-data',
  },
  {
    code: 'D_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'national-company-security-approval',
    // See also spec C14.
    text: 'ground.no-consent-personal-data',
  },
];

/** The grounds with their wording from the message catalogue (i18n/sections/grounds.*). */
export const REFUSAL_GROUNDS: readonly RefusalGround[] = GROUNDS.map(({ text, ...g }) => ({
  ...g,
  ruleRef: groundLegalRef(g.serviceId, g.code),
  textKk: t('kk', text),
  textRu: t('ru', text),
}));

export function groundsOf(serviceId: GroundServiceId): RefusalGround[] {
  return REFUSAL_GROUNDS.filter((g) => g.serviceId === serviceId);
}

export function groundByCode(code: string): RefusalGround {
  const g = REFUSAL_GROUNDS.find((x) => x.code === code);
  if (!g) throw new Error(`unknown refusal ground ${code}`);
  return g;
}

/** A finding citing a catalogue ground, with the specific fact appended in both languages. */
export function finding(code: string, detail?: { kk: string; ru: string }): GroundFinding {
  const g = groundByCode(code);
  return {
    code: g.code,
    ruleRef: g.ruleRef,
    textKk: detail ? `${g.textKk}: ${detail.kk}` : g.textKk,
    textRu: detail ? `${g.textRu}: ${detail.ru}` : g.textRu,
  };
}

export interface CheckResult {
  passed: boolean;
  grounds: GroundFinding[];
}

/** A ground code an application of `serviceId` cannot cite: another service's, or none at all. */
export interface MisplacedGround {
  code: string;
  /** The service the code belongs to; undefined when the catalogue has no such code. */
  ownerServiceId?: ServiceId;
}

/**
 * Order 923 List row 9 and Order 138 Annex 2 row 11 each close their service's list of grounds:
 * the codes in `codes` that belong to another service, and plain codes the catalogue does not
 * know. A ground given in full (an object with its own wording) under a code outside the
 * catalogue is left to the document's own checks.
 */
export function misplacedGrounds(serviceId: ServiceId, codes: readonly unknown[]): MisplacedGround[] {
  const found: MisplacedGround[] = [];
  for (const c of codes) {
    const code = typeof c === 'string' ? c : isObjectWithCode(c) ? c.code : undefined;
    if (code === undefined) continue;
    const owner = REFUSAL_GROUNDS.find((g) => g.code === code)?.serviceId;
    if (owner === serviceId) continue;
    if (owner !== undefined || typeof c === 'string') found.push({ code, ownerServiceId: owner });
  }
  return found;
}

function isObjectWithCode(v: unknown): v is { code: string } {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}
