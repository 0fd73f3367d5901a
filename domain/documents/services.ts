import { t, type MessageKey, type MessageParams } from '../../i18n';
import type { Bilingual } from './facts';
import type { Lang } from './types';

import { SERVICE_IDS, type ServiceId } from '../services';

export { SERVICE_IDS, type ServiceId };

interface ServiceProfile {
  /** Default provider; service B's territorial body can be named by the `providerName` fact. */
  issuer: Bilingual;
  /** Head of the provider, who signs results and refusals (C7). */
  head: Bilingual;
  /**
   * Who signs the refusals and complaint answers when that is not `head`: service C's result is the
   * Minister's order, but its refusals are signed by the head of the MIA department (roles: mia-head).
   */
  refusalHead?: Bilingual;
  /** City where the provider sits, printed beside the document's date; service B's body is named per case. */
  location?: Bilingual;
  serviceName: Bilingual;
  /** The rules in the nominative case, with the amending order, for the legal-basis block. */
  rules: Bilingual;
  /** Which annex of the rules holds the "list of basic requirements". */
  listAnnex: number;
}

/** The text of `key` in both languages, each filled with that language's parameters. */
function bilingual(key: MessageKey, params: (lang: Lang) => MessageParams = () => ({})): Bilingual {
  return { kk: t('kk', key, params('kk')), ru: t('ru', key, params('ru')) };
}

/** The MIA rules of one service, approved by order 261 and amended by order 923. */
function miaRules(name: MessageKey): Bilingual {
  return bilingual('document.rules.mia', (lang) => ({
    name: t(lang, name),
    approved: t(lang, 'document.act.mia-261'),
    amended: t(lang, 'document.act.mia-923'),
  }));
}

const MIA = bilingual('document.issuer.mia');
const ASTANA = bilingual('document.place.astana');
/** Head of the MIA Security Activity Control Department (roles: mia-head). */
const DEPARTMENT_HEAD = bilingual('document.head.mia-department');

export const SERVICES: Record<ServiceId, ServiceProfile> = {
  'fire-automation-permit': {
    issuer: bilingual('document.issuer.fire-committee'),
    head: bilingual('document.head.fire-committee'),
    location: ASTANA,
    serviceName: bilingual('document.service-name.fire-automation-permit'),
    rules: bilingual('document.rules.fire-automation-permit', (lang) => ({
      approved: t(lang, 'document.act.mes-372'),
      amended: t(lang, 'document.act.mes-138'),
    })),
    listAnnex: 2,
  },
  'security-licence': {
    issuer: bilingual('document.issuer.police'),
    head: bilingual('document.head.police'),
    serviceName: bilingual('document.service-name.security-licence'),
    rules: miaRules('document.service-name.security-licence'),
    listAnnex: 1,
  },
  'training-centre-designation': {
    issuer: MIA,
    head: bilingual('document.head.minister'),
    refusalHead: DEPARTMENT_HEAD,
    location: ASTANA,
    serviceName: bilingual('document.service-name.training-centre-designation'),
    rules: miaRules('document.service-name.training-centre-designation'),
    listAnnex: 1,
  },
  'national-company-security-approval': {
    issuer: MIA,
    head: DEPARTMENT_HEAD,
    location: ASTANA,
    serviceName: bilingual('document.service-name.national-company-security-approval'),
    rules: miaRules('document.service-name.national-company-security-approval'),
    listAnnex: 1,
  },
};

/** A citation inside the rules: a paragraph, an indent of one, or an item of the list of basic requirements. */
export type RuleRef =
  { paragraph: number; indent?: 1 | 2; part?: 2 } | { listItem: number; subItem?: number };

function refText(service: ServiceId, ref: RuleRef, lang: Lang): string {
  if ('listItem' in ref) {
    const annex = SERVICES[service].listAnnex;
    if (ref.subItem)
      return t(lang, 'document.ref.list-sub-item', { annex, item: ref.listItem, subItem: ref.subItem });
    return t(lang, 'document.ref.list-item', { annex, item: ref.listItem });
  }
  if (ref.indent) {
    const ordinal = t(lang, `document.ref.ordinal.${ref.indent}`);
    return t(lang, 'document.ref.indent', { paragraph: ref.paragraph, ordinal });
  }
  if (ref.part) return t(lang, 'document.ref.part-2', { paragraph: ref.paragraph });
  return t(lang, 'document.ref.paragraph', { paragraph: ref.paragraph });
}

/**
 * The same citation for the body text, where the full title of the rules would drown the
 * sentence: "пункт 7 Правил" / "Қағидалардың 7-тармағы". The full title is in the legal basis.
 */
export function shortRef(service: ServiceId, ref: RuleRef, lang: Lang): string {
  if ('listItem' in ref) {
    const annex = SERVICES[service].listAnnex;
    if (ref.subItem)
      return t(lang, 'document.ref.short.list-sub-item', { annex, item: ref.listItem, subItem: ref.subItem });
    return t(lang, 'document.ref.short.list-item', { annex, item: ref.listItem });
  }
  if (!ref.indent && !ref.part) return t(lang, 'document.ref.short.paragraph', { paragraph: ref.paragraph });
  return t(lang, 'document.ref.short.rules', { ref: refText(service, ref, lang) });
}

/** One legal-basis line: the rules with the amending order, then the cited paragraphs. */
export function citeRules(service: ServiceId, refs: RuleRef[], lang: Lang): string {
  const rules = SERVICES[service].rules[lang];
  if (refs.length === 0) return rules;
  return `${rules}: ${refs.map((r) => refText(service, r, lang)).join('; ')}`;
}

/** Citations outside the service rules, used by several kinds. */
export const LAWS = {
  appc73: bilingual('document.law.appc-73'),
  publicServices25: bilingual('document.law.public-services-25'),
  securityActivity: bilingual('document.law.security-activity'),
  entrepreneurialCode: bilingual('document.law.entrepreneurial-code'),
  mia863: bilingual('document.law.mia-863'),
} satisfies Record<string, Bilingual>;

/**
 * Where the rules put a refusal ground of the catalogue (domain/rules/refusal-grounds.ts), so the
 * document cites it in its own language: service A's grounds are the sub-items of row 11 of its List
 * (Order 138 Annex 2), service B's those of row 9 (Order 923, licence rules). Order 923 does not
 * restate row 9 for C and D: their check against the Law on Security Activity is §8, the antimonopoly
 * consent §10, and the other grounds sit in row 9 of their Lists. `undefined` for a code of no known place.
 */
export function groundRuleRef(service: ServiceId, code: string): RuleRef | undefined {
  const numbered = /^([AB])(\d{2})_/.exec(code);
  if (numbered) {
    const owner = numbered[1] === 'A' ? 'fire-automation-permit' : 'security-licence';
    if (owner !== service) return undefined;
    return { listItem: owner === 'fire-automation-permit' ? 11 : 9, subItem: Number(numbered[2]) };
  }
  const prefix = service === 'training-centre-designation' ? 'C_' : 'D_';
  if (!code.startsWith(prefix) || service === 'fire-automation-permit' || service === 'security-licence')
    return undefined;
  if (code.endsWith('_SECURITY_LAW_NON_COMPLIANCE')) return { paragraph: 8 };
  if (code === 'D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED') return { paragraph: 10 };
  return { listItem: 9 };
}
