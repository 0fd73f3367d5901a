/**
 * The catalogue of refusal grounds: what a clerk can pick in the compliance study, what the
 * automatic checks cite and what the refusal document quotes. Codes are stable identifiers;
 * `ruleRef` cites the act as written.
 */

import type { ServiceId } from '../services';

export type GroundServiceId = ServiceId;

export interface RefusalGround {
  code: string;
  serviceId: GroundServiceId;
  ruleRef: string;
  textKk: string;
  textRu: string;
}

/** What a check writes for the clerk: a catalogue ground, optionally with a specific finding. */
export interface GroundFinding {
  code: string;
  ruleRef: string;
  textKk: string;
  textRu: string;
}

const A = 'MES Order 372 (as amended by Order 138), Annex 2 row 11';
const B = 'MIA Order 261 (as amended by 923), licence rules, Annex 1 row 9';
const C = 'MIA Order 261 (as amended by 923), training-centre rules';
const D = 'MIA Order 261 (as amended by 923), national-company rules';

const NO_CONSENT = {
  textKk:
    'Көрсетілетін қызметті алушының «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасы Заңының 8-бабына сәйкес қолжетімділігі шектеулі дербес деректерге қол жеткізуге келісімінің болмауы',
  textRu:
    'Отсутствие согласия услугополучателя на доступ к персональным данным ограниченного доступа в соответствии со статьёй 8 Закона Республики Казахстан «О персональных данных и их защите»',
};
const UNRELIABLE = {
  textKk:
    'Көрсетілетін қызметті алушы ұсынған құжаттардың және (немесе) олардағы деректердің (мәліметтердің) анық еместігінің анықталуы',
  textRu:
    'Установление недостоверности документов, представленных услугополучателем, и (или) данных (сведений), содержащихся в них',
};
const COURT_BAN = {
  textKk:
    'Көрсетілетін қызметті алушыға қатысты оның қызметіне немесе мемлекеттік көрсетілетін қызметті алуды талап ететін жекелеген қызмет түрлеріне тыйым салу туралы соттың заңды күшіне енген шешімінің (үкімінің) болуы',
  textRu:
    'Наличие в отношении услугополучателя вступившего в законную силу решения (приговора) суда о запрещении деятельности или отдельных видов деятельности, требующих получения государственной услуги',
};
const SPECIAL_RIGHT = {
  textKk:
    'Көрсетілетін қызметті алушыға қатысты соттың заңды күшіне енген шешімінің (үкімінің) болуы, оның негізінде көрсетілетін қызметті алушы мемлекеттік көрсетілетін қызметті алумен байланысты арнаулы құқығынан айырылған',
  textRu:
    'Наличие в отношении услугополучателя вступившего в законную силу решения (приговора) суда, на основании которого услугополучатель лишён специального права, связанного с получением государственной услуги',
};
const SECURITY_LAW = {
  textKk:
    'Көрсетілетін қызметті алушының және (немесе) ұсынылған материалдардың, объектілердің, деректердің және мәліметтердің «Күзет қызметі туралы» Қазақстан Республикасының Заңында белгіленген талаптарға сәйкес келмеуі',
  textRu:
    'Несоответствие услугополучателя и (или) представленных материалов, объектов, данных и сведений требованиям, установленным Законом Республики Казахстан «Об охранной деятельности»',
};

export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    code: 'A01_UNRELIABLE_DATA',
    serviceId: 'fire-automation-permit',
    ruleRef: `${A} ground 1`,
    ...UNRELIABLE,
  },
  {
    code: 'A02_PERMIT_REQUIREMENTS',
    serviceId: 'fire-automation-permit',
    // The act cites "paragraph 8" (the fee row); the requirements are the documents row 10.
    ruleRef: `${A} ground 2 (cites "paragraph 8" of the List as written; the requirements are row 10)`,
    textKk:
      'Көрсетілетін қызметті алушының және (немесе) ұсынылған материалдардың, объектілердің рұқсат беру талаптарына сәйкес келмеуі',
    textRu:
      'Несоответствие услугополучателя и (или) представленных материалов, объектов требованиям для выдачи разрешения',
  },
  { code: 'A03_COURT_BAN', serviceId: 'fire-automation-permit', ruleRef: `${A} ground 3`, ...COURT_BAN },
  {
    code: 'A04_SPECIAL_RIGHT_DEPRIVED',
    serviceId: 'fire-automation-permit',
    ruleRef: `${A} ground 4`,
    ...SPECIAL_RIGHT,
  },
  {
    code: 'A05_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'fire-automation-permit',
    ruleRef: `${A} ground 5; spec C14`,
    ...NO_CONSENT,
  },

  { code: 'B01_UNRELIABLE_DATA', serviceId: 'security-licence', ruleRef: `${B} ground 1`, ...UNRELIABLE },
  {
    code: 'B02_PROHIBITED_ACTIVITY',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 2`,
    textKk:
      '«Күзет қызметі туралы» Қазақстан Республикасының Заңында осы санаттағы субъектілер үшін тыйым салынған қызмет түрімен айналысуы',
    textRu:
      'Занятие видом деятельности, запрещённым для субъектов данной категории Законом Республики Казахстан «Об охранной деятельности»',
  },
  {
    code: 'B03_FEE_NOT_PAID',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 3; List row 6`,
    textKk: 'Жекелеген қызмет түрлерімен айналысу құқығына лицензиялық алымның енгізілмеуі',
    textRu: 'Невнесение лицензионного сбора за право занятия отдельными видами деятельности',
  },
  {
    code: 'B04_QUALIFICATION_REQUIREMENTS',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 4; MIA order No. 959 of 30 Dec 2014`,
    textKk:
      'Көрсетілетін қызметті алушының Қазақстан Республикасы Ішкі істер министрінің 2014 жылғы 30 желтоқсандағы № 959 бұйрығымен белгіленген біліктілік талаптарына сәйкес келмеуі',
    textRu:
      'Несоответствие услугополучателя квалификационным требованиям, установленным приказом Министра внутренних дел Республики Казахстан от 30 декабря 2014 года № 959',
  },
  {
    code: 'B05_NO_NATIONAL_COMPANY_CONSENT',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 5`,
    textKk:
      'Көрсетілетін қызметті алушының Ұлттық компанияның күзет ұйымын құруға келісуші мемлекеттік органның лицензия беруге келісім хатын ұсынбауы',
    textRu:
      'Непредставление услугополучателем письма-согласия государственного органа, согласующего создание охранной организации национальной компанией, на выдачу лицензии',
  },
  {
    code: 'B06_WRONG_TERRITORIAL_BODY',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 6`,
    textKk:
      'Көрсетілетін қызметті алушының мемлекеттік көрсетілетін қызметті алу үшін өтінішті заңды тұлғаның тіркеу орны бойынша жолдамауы',
    textRu:
      'Ненаправление услугополучателем заявления на получение государственной услуги по месту регистрации юридического лица',
  },
  {
    code: 'B07_SPECIAL_RIGHT_DEPRIVED',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 7`,
    ...SPECIAL_RIGHT,
  },
  { code: 'B08_COURT_BAN', serviceId: 'security-licence', ruleRef: `${B} ground 8`, ...COURT_BAN },
  {
    code: 'B09_TEMPORARY_LICENSING_BAN',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 9`,
    textKk:
      'Сот орындаушысының ұсынысы негізінде соттың көрсетілетін қызметті алушыға лицензия беруге уақытша тыйым салуы',
    textRu:
      'Временный запрет суда на выдачу лицензии услугополучателю на основании представления судебного исполнителя',
  },
  {
    code: 'B10_BUSINESS_CATEGORY',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 10; Entrepreneurial Code art. 24`,
    textKk:
      'Заңды тұлғаның Қазақстан Республикасы Кәсіпкерлік кодексінің 24-бабына сәйкес кәсіпкерлік субъектілері санатына сәйкес келмеуі',
    textRu:
      'Несоответствие юридического лица категории субъектов предпринимательства в соответствии со статьёй 24 Предпринимательского кодекса Республики Казахстан',
  },
  {
    code: 'B11_EXTREMISM_TERRORISM_DATA',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 11`,
    textKk:
      'Көрсетілетін қызметті алушыға қатысты экстремизмге, терроризмге немесе ұйымдасқан қылмысқа қарсы іс-қимыл желісі бойынша ішкі істер органдарынан алынған, лицензия беру туралы шешімге әсер ететін деректердің болуы',
    textRu:
      'Наличие в отношении услугополучателя данных, полученных от органов внутренних дел, характеризующих его по линии противодействия экстремизму, терроризму или организованной преступности, влияющих на решение о выдаче лицензии',
  },
  {
    code: 'B12_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 12; spec C14`,
    ...NO_CONSENT,
  },
  {
    code: 'B13_SECURITY_LAW_NON_COMPLIANCE',
    serviceId: 'security-licence',
    ruleRef: `${B} ground 13`,
    ...SECURITY_LAW,
  },

  // Order 923 does not restate row 9 of the C and D Lists; these are the grounds the amended
  // paragraphs themselves name (§8 check against the Law on Security Activity) and C14.
  {
    code: 'C_SECURITY_LAW_NON_COMPLIANCE',
    serviceId: 'training-centre-designation',
    ruleRef: `${C} §8`,
    ...SECURITY_LAW,
  },
  {
    code: 'C_UNRELIABLE_DATA',
    serviceId: 'training-centre-designation',
    ruleRef: `${C} Annex 1 row 9 (not restated by order 923)`,
    ...UNRELIABLE,
  },
  {
    code: 'C_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'training-centre-designation',
    ruleRef: `${C}; spec C14`,
    ...NO_CONSENT,
  },
  {
    code: 'D_SECURITY_LAW_NON_COMPLIANCE',
    serviceId: 'national-company-security-approval',
    ruleRef: `${D} §8`,
    ...SECURITY_LAW,
  },
  {
    code: 'D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED',
    serviceId: 'national-company-security-approval',
    ruleRef: `${D} §9–§10; Annex 1 row 8 item 2`,
    textKk:
      'Монополияға қарсы органның ұлттық компанияның күзет ұйымын құруына алдын ала келісімін растамауы',
    textRu:
      'Неподтверждение антимонопольным органом предварительного согласия на создание охранной организации национальной компанией',
  },
  {
    code: 'D_UNRELIABLE_DATA',
    serviceId: 'national-company-security-approval',
    ruleRef: `${D} Annex 1 row 9 (not restated by order 923)`,
    ...UNRELIABLE,
  },
  {
    code: 'D_NO_CONSENT_PERSONAL_DATA',
    serviceId: 'national-company-security-approval',
    ruleRef: `${D}; spec C14`,
    ...NO_CONSENT,
  },
];

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
