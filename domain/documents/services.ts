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

const MES_372 = {
  kk: 'Қазақстан Республикасы Төтенше жағдайлар министрінің 2025 жылғы 28 тамыздағы № 372 бұйрығымен бекітілген',
  ru: 'утверждённые приказом Министра по чрезвычайным ситуациям Республики Казахстан от 28 августа 2025 года № 372',
};
const MES_138 = {
  kk: '(Қазақстан Республикасы Төтенше жағдайлар министрінің 2026 жылғы 31 наурыздағы № 138 бұйрығымен енгізілген өзгерістерімен)',
  ru: '(с изменениями, внесёнными приказом Министра по чрезвычайным ситуациям Республики Казахстан от 31 марта 2026 года № 138)',
};
const MIA_261 = {
  kk: 'Қазақстан Республикасы Ішкі істер министрінің 2020 жылғы 28 наурыздағы № 261 бұйрығымен бекітілген',
  ru: 'утверждённые приказом Министра внутренних дел Республики Казахстан от 28 марта 2020 года № 261',
};
const MIA_923 = {
  kk: '(Қазақстан Республикасы Ішкі істер министрінің 2024 жылғы 22 қарашадағы № 923 бұйрығымен енгізілген өзгерістерімен)',
  ru: '(с изменениями, внесёнными приказом Министра внутренних дел Республики Казахстан от 22 ноября 2024 года № 923)',
};

const MIA: Bilingual = {
  kk: 'Қазақстан Республикасы Ішкі істер министрлігі',
  ru: 'Министерство внутренних дел Республики Казахстан',
};

const ASTANA: Bilingual = { kk: 'Астана қ.', ru: 'г. Астана' };

/** Head of the MIA Security Activity Control Department (roles: mia-head). */
const DEPARTMENT_HEAD: Bilingual = {
  kk: 'Қазақстан Республикасы Ішкі істер министрлігі Күзет қызметін бақылау департаментінің бастығы',
  ru: 'Начальник Департамента контроля за охранной деятельностью Министерства внутренних дел Республики Казахстан',
};

function miaRules(nameKk: string, nameRu: string): Bilingual {
  return {
    kk: `${MIA_261.kk} «${nameKk}» мемлекеттік қызмет көрсету қағидалары ${MIA_923.kk}`,
    ru: `Правила оказания государственной услуги «${nameRu}», ${MIA_261.ru} ${MIA_923.ru}`,
  };
}

const LICENCE_KK = 'Күзет қызметімен айналысу құқығына лицензия беру';
const LICENCE_RU = 'Выдача лицензии на право занятия охранной деятельностью';
const CENTRE_KK =
  'Уәкілетті органның жеке күзет ұйымында басшы және күзетші лауазымдарын атқаратын жұмыскерлерді даярлау және біліктілігін арттыру жөніндегі мамандандырылған оқу орталығын айқындау';
const CENTRE_RU =
  'Определение уполномоченным органом специализированного учебного центра по подготовке и повышению квалификации работников, занимающих должности руководителя и охранника в частной охранной организации';
const NATCO_KK = 'Ұлттық компанияның күзет ұйымын құруын уәкілетті органмен келісу';
const NATCO_RU = 'Согласование уполномоченным органом создания национальной компанией охранной организации';

export const SERVICES: Record<ServiceId, ServiceProfile> = {
  'fire-automation-permit': {
    issuer: {
      kk: 'Қазақстан Республикасы Төтенше жағдайлар министрлігінің Өртке қарсы қызмет комитеті',
      ru: 'Комитет противопожарной службы Министерства по чрезвычайным ситуациям Республики Казахстан',
    },
    head: { kk: 'Комитет төрағасы', ru: 'Председатель Комитета' },
    location: ASTANA,
    serviceName: {
      kk: 'Өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыруға рұқсат беру',
      ru: 'Выдача разрешения на осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики',
    },
    rules: {
      kk: `${MES_372.kk} Өрт автоматикасы жүйелерін монтаждау, баптау және оларға техникалық қызмет көрсету жөніндегі қызметті жүзеге асыруға рұқсат беру қағидалары ${MES_138.kk}`,
      ru: `Правила выдачи разрешения на осуществление деятельности по монтажу, наладке и техническому обслуживанию систем пожарной автоматики, ${MES_372.ru} ${MES_138.ru}`,
    },
    listAnnex: 2,
  },
  'security-licence': {
    issuer: {
      kk: 'Қазақстан Республикасы Ішкі істер министрлігінің аумақтық полиция органы',
      ru: 'Территориальный орган полиции Министерства внутренних дел Республики Казахстан',
    },
    head: { kk: 'Аумақтық полиция органының басшысы', ru: 'Руководитель территориального органа полиции' },
    serviceName: { kk: LICENCE_KK, ru: LICENCE_RU },
    rules: miaRules(LICENCE_KK, LICENCE_RU),
    listAnnex: 1,
  },
  'training-centre-designation': {
    issuer: MIA,
    head: {
      kk: 'Қазақстан Республикасының Ішкі істер министрі',
      ru: 'Министр внутренних дел Республики Казахстан',
    },
    refusalHead: DEPARTMENT_HEAD,
    location: ASTANA,
    serviceName: { kk: CENTRE_KK, ru: CENTRE_RU },
    rules: miaRules(CENTRE_KK, CENTRE_RU),
    listAnnex: 1,
  },
  'national-company-security-approval': {
    issuer: MIA,
    head: DEPARTMENT_HEAD,
    location: ASTANA,
    serviceName: { kk: NATCO_KK, ru: NATCO_RU },
    rules: miaRules(NATCO_KK, NATCO_RU),
    listAnnex: 1,
  },
};

/** A citation inside the rules: a paragraph, an indent of one, or an item of the list of basic requirements. */
export type RuleRef =
  { paragraph: number; indent?: 1 | 2; part?: 2 } | { listItem: number; subItem?: number };

const KK_ORDINAL = { 1: 'бірінші', 2: 'екінші' } as const;
const RU_INDENT = { 1: 'первый', 2: 'второй' } as const;

function refText(service: ServiceId, ref: RuleRef, lang: Lang): string {
  if ('listItem' in ref) {
    const annex = SERVICES[service].listAnnex;
    if (ref.subItem)
      return lang === 'kk'
        ? `Қағидаларға ${annex}-қосымшадағы мемлекеттік қызмет көрсетуге қойылатын негізгі талаптар тізбесінің ${ref.listItem}-тармағының ${ref.subItem}) тармақшасы`
        : `подпункт ${ref.subItem}) пункта ${ref.listItem} Перечня основных требований к оказанию государственной услуги (приложение ${annex} к Правилам)`;
    return lang === 'kk'
      ? `Қағидаларға ${annex}-қосымшадағы мемлекеттік қызмет көрсетуге қойылатын негізгі талаптар тізбесінің ${ref.listItem}-тармағы`
      : `пункт ${ref.listItem} Перечня основных требований к оказанию государственной услуги (приложение ${annex} к Правилам)`;
  }
  if (ref.indent) {
    return lang === 'kk'
      ? `${ref.paragraph}-тармақтың ${KK_ORDINAL[ref.indent]} абзацы`
      : `абзац ${RU_INDENT[ref.indent]} пункта ${ref.paragraph}`;
  }
  if (ref.part) {
    return lang === 'kk'
      ? `${ref.paragraph}-тармақтың ${KK_ORDINAL[ref.part]} бөлігі`
      : `часть вторая пункта ${ref.paragraph}`;
  }
  return lang === 'kk' ? `${ref.paragraph}-тармақ` : `пункт ${ref.paragraph}`;
}

/**
 * The same citation for the body text, where the full title of the rules would drown the
 * sentence: "пункт 7 Правил" / "Қағидалардың 7-тармағы". The full title is in the legal basis.
 */
export function shortRef(service: ServiceId, ref: RuleRef, lang: Lang): string {
  if ('listItem' in ref) {
    const annex = SERVICES[service].listAnnex;
    if (ref.subItem)
      return lang === 'kk'
        ? `Қағидаларға ${annex}-қосымшадағы Тізбенің ${ref.listItem}-тармағының ${ref.subItem}) тармақшасы`
        : `подпункт ${ref.subItem}) пункта ${ref.listItem} Перечня основных требований (приложение ${annex} к Правилам)`;
    return lang === 'kk'
      ? `Қағидаларға ${annex}-қосымшадағы Тізбенің ${ref.listItem}-тармағы`
      : `пункт ${ref.listItem} Перечня основных требований (приложение ${annex} к Правилам)`;
  }
  const full = refText(service, ref, lang);
  if (lang === 'kk') {
    return `Қағидалардың ${full.replace(/-тармақ$/, '-тармағы')}`;
  }
  return `${full} Правил`;
}

/** One legal-basis line: the rules with the amending order, then the cited paragraphs. */
export function citeRules(service: ServiceId, refs: RuleRef[], lang: Lang): string {
  const rules = SERVICES[service].rules[lang];
  if (refs.length === 0) return rules;
  return `${rules}: ${refs.map((r) => refText(service, r, lang)).join('; ')}`;
}

/** Citations outside the service rules, used by several kinds. */
export const LAWS = {
  appc73: {
    kk: 'Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің 73-бабы (тыңдау)',
    ru: 'Статья 73 Административного процедурно-процессуального кодекса Республики Казахстан (заслушивание)',
  },
  publicServices25: {
    kk: '«Мемлекеттік және әлеуметтік жауапкершілігі бар көрсетілетін қызметтер туралы» Қазақстан Республикасы Заңының 25-бабының 2-тармағы',
    ru: 'Пункт 2 статьи 25 Закона Республики Казахстан «О государственных и социально ответственных услугах»',
  },
  securityActivity: {
    kk: '«Күзет қызметі туралы» Қазақстан Республикасының Заңы',
    ru: 'Закон Республики Казахстан «Об охранной деятельности»',
  },
  entrepreneurialCode: {
    kk: 'Қазақстан Республикасының Кәсіпкерлік кодексі',
    ru: 'Предпринимательский кодекс Республики Казахстан',
  },
  mia863: {
    kk: 'Қазақстан Республикасы Ішкі істер министрінің 2024 жылғы 29 қазандағы № 863 бұйрығымен бекітілген Ұлттық компанияларға күзет ұйымдарын құру құқығын беру қағидаларының 3-тармағы',
    ru: 'Пункт 3 Правил предоставления национальным компаниям права создания охранных организаций, утверждённых приказом Министра внутренних дел Республики Казахстан от 29 октября 2024 года № 863',
  },
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
