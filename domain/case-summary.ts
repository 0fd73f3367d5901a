/**
 * The case summary a clerk, an expert or a head reads in every decision form (study, decision,
 * hearing, complaint, signature): who applies, for what, what each state system answered and when,
 * the refusal grounds recorded with their facts and the act's paragraph, the legal terms with the
 * working days left, the applicant's positions and messages, the remarks of the head and the
 * experts, and the documents. Pure: the legal clock and the instant are given; every string is
 * Kazakh / Russian, every time Almaty `dd.MM.yyyy HH:mm`, no code or variable name.
 */
import { formatAlmatyDateTime } from './almaty-time';
import { groundRuleRef, SERVICES, shortRef } from './documents/services';
import { maskIin } from './identifiers';
import { groundByCode, type GroundFinding } from './rules/refusal-grounds';
import { isServiceId, type ServiceId } from './services';

/** The slice of the legal clock the summary counts working days with. */
export interface SummaryClock {
  workingDaysBetween(a: Date, b: Date): number;
}

export interface CheckRow {
  check: string;
  result: string;
  source: string;
  answeredAt: string;
}
export interface GroundRow {
  ground: string;
  facts: string;
  act: string;
}
export interface DeadlineRow {
  step: string;
  due: string;
  left: string;
}
export interface MessageRow {
  at: string;
  kind: string;
  text: string;
  attachments: string;
}
export interface RemarkRow {
  who: string;
  text: string;
}
export interface DocumentRow {
  title: string;
  file: string;
}
/** What form-js's document preview reads (`documentPreview` component, form-js 1.23). */
export interface PreviewDocument {
  documentId: string;
  endpoint: string;
  metadata: { fileName: string; contentType: string };
}

export interface CaseSummary {
  displayApplicant: string;
  displayRequest: string;
  displayChecks: CheckRow[];
  displayGrounds: GroundRow[];
  displayDeadlines: DeadlineRow[];
  displayMessages: MessageRow[];
  displayRemarks: RemarkRow[];
  displayDocuments: DocumentRow[];
  /** Markdown list of the documents with a link each (for a text view), "—" when none. */
  displayDocumentLinks: string;
  displayPreviews: PreviewDocument[];
  /** C6: the window a hearing may be set in, as the preliminary-decision form states it. */
  displayHearingWindow: string;
  /** The hearing as set: time, method and place ("—" before it is set). */
  displayHearing: string;
  /** The hearing's outcome in words ("—" before the hearing). */
  displayHearingOutcome: string;
  /** The result being formed or signed, in words. */
  displayResultKind: string;
  /** When the antimonopoly body answered (service D). */
  displayAntimonopolyAnsweredAt: string;
  /** The grounds the application and the automatic checks recorded (catalogue codes). */
  recordedGroundCodes: string[];
  /** The signer's position as the rules name it, offered in the signature form (only when not yet set). */
  signerPosition?: string;
}

export interface SummaryOptions {
  now: Date;
  clock: SummaryClock;
  /**
   * Where the web app serves a stored document (`<base><documentId>`); absolute for the preview in
   * Camunda Tasklist, which only shows documents at an absolute address.
   */
  documentsBaseUrl?: string;
  /** C6: the earliest day a hearing may be set (the notice's minimum), `YYYY-MM-DD`. */
  earliestHearingDay?: string;
}

type Vars = Record<string, unknown>;
const DASH = '—';

const obj = (v: unknown): Vars | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Vars) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** An ISO instant as Almaty `dd.MM.yyyy HH:mm`; anything else "—". */
export function almatyShown(v: unknown): string {
  const s = str(v);
  if (!s || Number.isNaN(Date.parse(s))) return DASH;
  return formatAlmatyDateTime(s);
}
const dotted = (day: string) => day.split('-').reverse().join('.');

/** A BIN or IIN as everywhere a person reads it: first four and last two digits. */
const masked = (v: unknown) => (str(v) ? maskIin(str(v)!) : DASH);

const REQUEST_KIND: Record<string, [string, string]> = {
  issue: ['лицензия беру', 'выдача лицензии'],
  reissue: ['лицензияны қайта ресімдеу', 'переоформление лицензии'],
  duplicate: ['лицензияның телнұсқасын беру', 'выдача дубликата лицензии'],
  application: ['өтініш', 'заявление'],
};
const SUB_TYPE: Record<string, [string, string]> = {
  '1': [
    '1-кіші түр: орталықтандырылған күзет пульті бар күзет ұйымы',
    'подвид 1: охранная организация с пультом централизованного наблюдения',
  ],
  '2': ['2-кіші түр: өзге күзет ұйымы', 'подвид 2: иная охранная организация'],
};

/** The legal terms, named as the people who keep them read them. */
const DEADLINE_NAMES: Record<string, [string, string]> = {
  deadlineCompleteness: ['Құжаттардың толықтығын тексеру', 'Проверка полноты документов'],
  deadlineStudy: ['Құжаттарды зерделеу', 'Изучение документов'],
  deadlineDocumentRequest: ['Құжаттарды сұрату', 'Запрос документов'],
  deadlineMissingDocuments: ['Сұралған құжаттарды ұсыну', 'Представление запрошенных документов'],
  deadlineHearingNotice: ['Тыңдау туралы хабарлама', 'Уведомление о заслушивании'],
  deadlineHearing: ['Тыңдау', 'Заслушивание'],
  deadlineDraft: ['Бұйрық жобасы', 'Проект приказа'],
  deadlineAgreement: ['Бұйрықты келісу', 'Согласование приказа'],
  deadlineLetter: ['Монополияға қарсы органға хат', 'Письмо антимонопольному органу'],
  deadlineConsent: ['Келісім хат', 'Письмо-согласие'],
  deadlineResult: ['Нәтиже', 'Результат'],
  deadlineDelivery: ['Нәтижеге қол қою және жіберу', 'Подписание и направление результата'],
  deadlineComplaintReview: ['Шағымды қарау', 'Рассмотрение жалобы'],
  deadlineRulesChangeNotice: ['Қағидалардың өзгергені туралы хабарлау', 'Информирование об изменении правил'],
  deadlineTotal: ['Қызмет көрсетудің жалпы мерзімі', 'Общий срок оказания услуги'],
};

/**
 * The lookups a study reads, in the order a clerk checks them: the variable, the state system
 * that answers it (kk / ru), and how its answer reads.
 */
interface Lookup {
  variable: string;
  /** The lookup's job type: runGatewayJob stamps `<camelType>At` when it answers. */
  job: string;
  name: [string, string];
  source: [string, string];
  result(v: unknown, all: Vars): string | undefined;
}

const yesNo = (flag: boolean, yes: string, no: string) => (flag ? yes : no);
const countOf = (v: unknown) => list(v).length;

const LOOKUPS: Lookup[] = [
  {
    variable: 'legalEntity',
    job: 'lookup-legal-entity',
    name: ['Заңды тұлға', 'Юридическое лицо'],
    source: ['«Заңды тұлғалар» мемлекеттік деректер қоры', 'Государственная база данных «Юридические лица»'],
    result: (v) => {
      const e = obj(v);
      if (!e) return undefined;
      if (e.found === false) return 'тіркелмеген / не зарегистрировано';
      const ban =
        e.courtBan === true ? 'сот тыйымы бар / есть запрет суда' : 'сот тыйымы жоқ / запрета суда нет';
      return `${str(e.name) ?? DASH} · ${ban}`;
    },
  },
  {
    variable: 'persons',
    job: 'lookup-person',
    name: ['Жеке тұлғалар', 'Физические лица'],
    source: ['«Жеке тұлғалар» мемлекеттік деректер қоры', 'Государственная база данных «Физические лица»'],
    result: (v) => {
      const ps = list(v)
        .map(obj)
        .filter((p): p is Vars => !!p);
      if (ps.length === 0) return undefined;
      const invalid = ps.filter((p) => p.identityDocumentValid === false).length;
      return `${ps.length} адам / чел.; жарамсыз құжат / недействительных документов: ${invalid}`;
    },
  },
  {
    variable: 'education',
    job: 'lookup-education',
    name: ['Білімі', 'Образование'],
    source: ['Ұлттық білім беру деректер қоры', 'Национальная образовательная база данных'],
    result: (v, all) =>
      all.educationFound === false
        ? 'табылмады / не найдено'
        : v === undefined
          ? undefined
          : `${countOf(v)} жазба / записей`,
  },
  {
    variable: 'employment',
    job: 'lookup-employment',
    name: ['Еңбек қызметі', 'Трудовая деятельность'],
    source: ['Еңбек шарттарының тізілімі', 'Реестр трудовых договоров'],
    result: (v, all) =>
      all.employmentFound === false
        ? 'табылмады / не найдено'
        : v === undefined
          ? undefined
          : `${countOf(v)} жазба / записей`,
  },
  {
    variable: 'realEstate',
    job: 'lookup-real-estate',
    name: ['Ғимарат, үй-жай', 'Здание, помещение'],
    source: ['Жылжымайтын мүлікке құқықтар тізілімі', 'Регистр прав на недвижимое имущество'],
    result: (v) =>
      v === undefined
        ? undefined
        : countOf(v) === 0
          ? 'табылмады / не найдено'
          : list(v)
              .map((r) => str(obj(r)?.address) ?? DASH)
              .join('; '),
  },
  {
    variable: 'criminalRecords',
    job: 'lookup-criminal-record',
    name: ['Соттылық, қылмыстық істер', 'Судимость, уголовные дела'],
    source: ['Құқықтық статистика органының деректері', 'Сведения органа правовой статистики'],
    result: (v) => {
      if (v === undefined) return undefined;
      const marks = list(v).filter((r) => {
        const x = obj(r);
        return (
          x &&
          (x.hasConviction === true || x.pendingCriminalCase === true || x.extremismOrTerrorismData === true)
        );
      }).length;
      return marks === 0 ? 'белгі жоқ / отметок нет' : `белгі / отметок: ${marks}`;
    },
  },
  {
    variable: 'mentalHealth',
    job: 'lookup-mental-health',
    name: ['Психиатриялық, наркологиялық есеп', 'Психиатрический, наркологический учёт'],
    source: [
      'Психиатриялық және наркологиялық есеп тізілімі',
      'Регистр психиатрического и наркологического учёта',
    ],
    result: (v) => {
      if (v === undefined) return undefined;
      const n = list(v).filter((r) => obj(r)?.registered === true).length;
      return n === 0 ? 'есепте жоқ / на учёте не состоят' : `есепте / на учёте: ${n}`;
    },
  },
  {
    variable: 'vehicles',
    job: 'lookup-vehicles',
    name: ['Көлік құралдары', 'Транспортные средства'],
    source: ['Көлік құралдарының тізілімі', 'Реестр транспортных средств'],
    result: (v) => (v === undefined ? undefined : `${countOf(v)} көлік / ед.`),
  },
  {
    variable: 'existingLicence',
    job: 'lookup-licence',
    name: ['Қолданыстағы лицензия', 'Действующая лицензия'],
    source: ['«Е-лицензиялау» мемлекеттік деректер қоры', 'Государственная база данных «Е-лицензирование»'],
    result: (v) => {
      const l = obj(v);
      if (v === undefined) return undefined;
      if (!l || l.found === false) return 'табылмады / не найдена';
      return `№ ${str(l.number) ?? str(l.licenceNumber) ?? DASH}`;
    },
  },
  {
    variable: 'feeCheck',
    job: 'check-licence-fee',
    name: ['Лицензиялық алым', 'Лицензионный сбор'],
    source: ['«Электрондық үкімет» төлем шлюзі', 'Платёжный шлюз «электронного правительства»'],
    result: (v) => {
      const f = obj(v);
      if (!f) return undefined;
      return yesNo(f.paid === true, 'төленген / оплачен', 'ТӨЛЕНБЕГЕН / НЕ ОПЛАЧЕН');
    },
  },
];

const camelType = (type: string) => type.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
/** The variable a gateway job stamps with the instant its state system answered. */
export const answeredAtVariable = (jobType: string) => `${camelType(jobType)}At`;

const AUTOMATIC: [string, string] = ['Жүйенің автоматты тексеруі', 'Автоматическая проверка системы'];
const APPLICATION: [string, string] = ['Өтініш (ЭЦҚ қойылған)', 'Заявление (подписано ЭЦП)'];
const pair = ([kk, ru]: [string, string]) => `${kk} / ${ru}`;

const consentGround: Record<ServiceId, string> = {
  'fire-automation-permit': 'A05_NO_CONSENT_PERSONAL_DATA',
  'security-licence': 'B12_NO_CONSENT_PERSONAL_DATA',
  'training-centre-designation': 'C_NO_CONSENT_PERSONAL_DATA',
  'national-company-security-approval': 'D_NO_CONSENT_PERSONAL_DATA',
};

/**
 * The grounds the application and the automatic checks recorded: no consent to restricted personal
 * data (Order 138 Annex 2 row 11 item 5; Order 923, licence List row 9 item 12 and the Lists of C
 * and D), the specialists' qualification (Order 138 Annex 2 row 11 item 2), the security
 * requirements (Order 923 List row 9). A catalogue code of another service is left out.
 */
export function recordedGrounds(vars: Vars): GroundFinding[] {
  const serviceId = str(vars.serviceId);
  if (!serviceId || !isServiceId(serviceId)) return [];
  const out: GroundFinding[] = [];
  const seen = new Set<string>();
  const add = (f: GroundFinding) => {
    if (seen.has(f.code)) return;
    seen.add(f.code);
    out.push(f);
  };
  if (vars.consentToRestrictedData === false) {
    const g = groundByCode(consentGround[serviceId]);
    add({
      code: g.code,
      ruleRef: g.ruleRef,
      textKk: `${g.textKk}: өтініште келісім берілмеген`,
      textRu: `${g.textRu}: в заявлении согласие не дано`,
    });
  }
  for (const check of [vars.specialistsCheck, vars.securityRequirementsCheck]) {
    const c = obj(check);
    if (!c || c.passed !== false) continue;
    for (const g of list(c.grounds)) {
      const f = obj(g);
      if (!f || !str(f.code)) continue;
      try {
        if (groundByCode(str(f.code)!).serviceId !== serviceId) continue;
      } catch {
        continue;
      }
      add({
        code: str(f.code)!,
        ruleRef: str(f.ruleRef) ?? '',
        textKk: str(f.textKk) ?? groundByCode(str(f.code)!).textKk,
        textRu: str(f.textRu) ?? groundByCode(str(f.code)!).textRu,
      });
    }
  }
  return out;
}

/** Where the act states a ground, in both languages ("пункт 11 … Правил"), or "—". */
function actOf(serviceId: ServiceId | undefined, code: string): string {
  if (!serviceId) return DASH;
  const ref = groundRuleRef(serviceId, code);
  return ref ? `${shortRef(serviceId, ref, 'kk')} / ${shortRef(serviceId, ref, 'ru')}` : DASH;
}

/** A catalogue ground's text cut from the fact a check appended after ": ". */
function splitFinding(text: string, base: string): string {
  return text.startsWith(base) ? text.slice(base.length).replace(/^:\s*/, '') : '';
}

function groundRows(vars: Vars, serviceId: ServiceId | undefined): GroundRow[] {
  const rows: GroundRow[] = [];
  const seen = new Set<string>();
  for (const f of recordedGrounds(vars)) {
    seen.add(f.code);
    const g = groundByCode(f.code);
    const kk = splitFinding(f.textKk, g.textKk);
    const ru = splitFinding(f.textRu, g.textRu);
    rows.push({
      ground: `${g.textKk} / ${g.textRu}`,
      facts: kk || ru ? `${kk || DASH} / ${ru || DASH}` : 'жүйе тіркеді / зафиксировано системой',
      act: actOf(serviceId, f.code),
    });
  }
  // The clerk's grounds (study form) and those a step recorded (fee, antimonopoly answer).
  for (const c of list(vars.refusalGrounds)) {
    const code = typeof c === 'string' ? c : str(obj(c)?.code);
    if (!code || seen.has(code)) continue;
    seen.add(code);
    let g;
    try {
      g = groundByCode(code);
    } catch {
      continue;
    }
    rows.push({
      ground: `${g.textKk} / ${g.textRu}`,
      facts: str(vars.studyNotes) ?? 'қызметкер белгіледі / отмечено сотрудником',
      act: actOf(serviceId, code),
    });
  }
  if (rows.length === 0)
    rows.push({
      ground: 'Бас тарту негіздері тіркелмеген / Оснований для отказа не зафиксировано',
      facts: DASH,
      act: DASH,
    });
  return rows;
}

function checkRows(vars: Vars): CheckRow[] {
  const rows: CheckRow[] = [
    {
      check: 'Дербес деректерге келісім / Согласие на персональные данные',
      result:
        vars.consentToRestrictedData === true
          ? 'берілген / дано'
          : vars.consentToRestrictedData === false
            ? 'БЕРІЛМЕГЕН / НЕ ДАНО'
            : DASH,
      source: pair(APPLICATION),
      answeredAt: almatyShown(vars.receivedAt),
    },
  ];
  for (const l of LOOKUPS) {
    const value = vars[l.variable];
    const shown = l.result(value, vars);
    if (shown === undefined) continue;
    rows.push({
      check: pair(l.name),
      result: shown,
      source: pair(l.source),
      answeredAt: almatyShown(vars[answeredAtVariable(l.job)]),
    });
  }
  const automatic: Array<[string, [string, string]]> = [
    ['specialistsCheck', ['Мамандардың біліктілігі', 'Квалификация специалистов']],
    ['securityRequirementsCheck', ['Күзет қызметінің талаптары', 'Требования к охранной деятельности']],
  ];
  for (const [name, label] of automatic) {
    const c = obj(vars[name]);
    if (!c) continue;
    const grounds = list(c.grounds).length;
    const extra =
      name === 'specialistsCheck' && typeof c.qualifiedCount === 'number'
        ? `; білікті маман / квалифицированных специалистов: ${c.qualifiedCount}`
        : '';
    rows.push({
      check: pair(label),
      result:
        (c.passed === true
          ? 'сәйкес / соответствует'
          : `СӘЙКЕС ЕМЕС / НЕ СООТВЕТСТВУЕТ (негіз / оснований: ${grounds})`) + extra,
      source: pair(AUTOMATIC),
      answeredAt: almatyShown(
        vars[
          answeredAtVariable(
            name === 'specialistsCheck' ? 'check-fire-specialists' : 'check-security-requirements',
          )
        ],
      ),
    });
  }
  return rows;
}

function deadlineRows(vars: Vars, o: SummaryOptions): DeadlineRow[] {
  const rows: Array<DeadlineRow & { at: number }> = [];
  for (const [variable, [kk, ru]] of Object.entries(DEADLINE_NAMES)) {
    const due = str(vars[variable]);
    if (!due || Number.isNaN(Date.parse(due))) continue;
    const at = new Date(due);
    let left: string;
    if (at.getTime() <= o.now.getTime()) {
      const late = o.clock.workingDaysBetween(at, o.now);
      left = `мерзімі өтті / срок истёк${late > 0 ? ` (${late} ж.к. / р.д. бұрын / назад)` : ''}`;
    } else {
      const n = o.clock.workingDaysBetween(o.now, at);
      left = `${n} жұмыс күні / рабочих дней`;
    }
    rows.push({ step: `${kk} / ${ru}`, due: formatAlmatyDateTime(due), left, at: at.getTime() });
  }
  rows.sort((a, b) => a.at - b.at);
  return rows.map(({ step, due, left }) => ({ step, due, left }));
}

const fileNames = (v: unknown) => {
  const names = list(v)
    .map((a) => str(obj(a)?.fileName) ?? str(a))
    .filter((n): n is string => !!n);
  return names.length ? names.join(', ') : DASH;
};

function messageRows(vars: Vars): MessageRow[] {
  const rows: MessageRow[] = [];
  for (const p of list(vars.applicantPositions)) {
    const x = obj(p);
    if (!x) continue;
    rows.push({
      at: almatyShown(x.submittedAt),
      kind:
        x.late === true
          ? 'Ұстаным (тыңдаудан кейін) / Позиция (после заслушивания)'
          : 'Тыңдауға ұстаным / Позиция к заслушиванию',
      text: str(x.text) ?? DASH,
      attachments: fileNames(x.attachments),
    });
  }
  if (rows.length === 0 && str(vars.applicantPosition)) {
    rows.push({
      at: almatyShown(vars.applicantPositionSubmittedAt),
      kind: 'Тыңдауға ұстаным / Позиция к заслушиванию',
      text: str(vars.applicantPosition)!,
      attachments: fileNames(vars.applicantPositionAttachments),
    });
  }
  if (vars.submittedDocuments !== undefined || str(vars.documentsNote)) {
    rows.push({
      at: almatyShown(vars.documentsSubmittedAt),
      kind: 'Сұралған құжаттар / Запрошенные документы',
      text: str(vars.documentsNote) ?? DASH,
      attachments: fileNames(vars.submittedDocuments),
    });
  }
  const complaint = obj(vars.complaint);
  if (complaint) {
    rows.push({
      at: almatyShown(complaint.filedAt),
      kind: 'Шағым / Жалоба',
      text: str(complaint.text) ?? DASH,
      attachments: fileNames(complaint.attachments),
    });
  }
  if (rows.length === 0)
    rows.push({
      at: DASH,
      kind: DASH,
      text: 'Өтініш берушіден хабар жоқ / Сообщений от заявителя нет',
      attachments: DASH,
    });
  return rows;
}

function remarkRows(vars: Vars): RemarkRow[] {
  const rows: RemarkRow[] = [];
  const add = (who: string, text: unknown) => {
    if (str(text)) rows.push({ who, text: str(text)! });
  };
  add('Басшы: қайтару себебі / Руководитель: причина возврата', vars.signatureRemarks);
  add('Құжаттарды зерделеу / Изучение документов', vars.studyNotes);
  add('Толықтығын тексеру / Проверка полноты', vars.incompletenessReason);
  add('Сұралған құжаттар / Запрошенные документы', vars.missingDocumentsRemarks);
  add('Құқықтық сараптама / Правовая экспертиза', vars.legalReviewRemarks);
  add('Редакциялық сараптама / Редакционная экспертиза', vars.editorialReviewRemarks);
  add('Алдын ала шешім / Предварительное решение', vars.preliminaryDecisionText);
  add('Тыңдау: ұстаным / Заслушивание: позиция', vars.applicantPositionSummary);
  add('Тыңдау: уәждер / Заслушивание: мотивы', vars.hearingReasons);
  if (rows.length === 0) rows.push({ who: DASH, text: 'Ескертпелер жоқ / Замечаний нет' });
  return rows;
}

/** What a generated document is, named for a person (its own title, else its kind). */
const DOCUMENT_KINDS: Record<string, [string, string]> = {
  permit: ['Рұқсат', 'Разрешение'],
  licence: ['Лицензия', 'Лицензия'],
  'licence-annex': ['Лицензияға қосымша', 'Приложение к лицензии'],
  refusal: ['Дәлелді бас тарту', 'Мотивированный отказ'],
  'refusal-further-consideration': ['Әрі қарай қараудан бас тарту', 'Отказ в дальнейшем рассмотрении'],
  'hearing-record': ['Тыңдау хаттамасы', 'Протокол заслушивания'],
  'preliminary-decision': ['Алдын ала шешім', 'Предварительное решение'],
  'complaint-answer': ['Шағымға жауап', 'Ответ на жалобу'],
  'ministers-order': ['Министр бұйрығы', 'Приказ Министра'],
  'ministers-order-draft': ['Министр бұйрығының жобасы', 'Проект приказа Министра'],
  'consent-letter': ['Келісім хат', 'Письмо-согласие'],
  'antimonopoly-letter': ['Монополияға қарсы органға хат', 'Письмо антимонопольному органу'],
  'missing-documents-request': ['Құжаттарды сұрату', 'Запрос документов'],
};

interface FoundDocument {
  documentId: string;
  title: string;
  lang?: string;
}

function generatedDocuments(vars: Vars): FoundDocument[] {
  const out: FoundDocument[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(vars).sort()) {
    if (!/Document$|^antimonopolyLetter$/.test(name) || name.startsWith('display')) continue;
    const d = obj(vars[name]);
    if (!d) continue;
    const kind = str(d.kind);
    const title = str(d.title) ?? (kind && DOCUMENT_KINDS[kind] ? pair(DOCUMENT_KINDS[kind]) : undefined);
    if (!title) continue;
    const copies = list(d.documents)
      .map(obj)
      .filter((c): c is Vars => !!c && !!str(c.documentId));
    if (copies.length === 0 && str(d.documentId)) copies.push({ documentId: d.documentId });
    for (const c of copies) {
      const id = str(c.documentId)!;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ documentId: id, title, lang: str(c.lang) });
    }
  }
  return out;
}

const LANG_NAME: Record<string, string> = { kk: 'қазақша / на казахском', ru: 'орысша / на русском' };

function documentRows(vars: Vars, o: SummaryOptions) {
  const rows: DocumentRow[] = [];
  const links: string[] = [];
  const previews: PreviewDocument[] = [];
  for (const a of list(vars.attachments)) {
    const x = obj(a);
    const file = str(x?.fileName);
    if (file) rows.push({ title: 'Өтінішке қоса берілген / Приложено к заявлению', file });
  }
  for (const d of generatedDocuments(vars)) {
    const lang = d.lang && LANG_NAME[d.lang] ? ` (${LANG_NAME[d.lang]})` : '';
    const file = `${d.title}${lang}`;
    rows.push({ title: 'Жүйе қалыптастырды / Сформировано системой', file });
    if (o.documentsBaseUrl) {
      const url = `${o.documentsBaseUrl}${encodeURIComponent(d.documentId)}`;
      links.push(`- [${file}](${url})`);
      if (/^https?:\/\//.test(o.documentsBaseUrl))
        previews.push({
          documentId: d.documentId,
          endpoint: url,
          metadata: { fileName: `${file}.pdf`, contentType: 'application/pdf' },
        });
    } else links.push(`- ${file}`);
  }
  if (rows.length === 0) rows.push({ title: DASH, file: 'Құжаттар жоқ / Документов нет' });
  return { rows, links: links.length ? links.join('\n') : DASH, previews };
}

function hearingWindow(vars: Vars, o: SummaryOptions): string {
  const deadline = str(vars.deadlineHearing);
  if (!deadline || Number.isNaN(Date.parse(deadline))) return DASH;
  const latest = formatAlmatyDateTime(deadline);
  const earliest = o.earliestHearingDay ? dotted(o.earliestHearingDay) : undefined;
  return earliest
    ? `${earliest} бастап ${latest} дейін, жұмыс күндері 09:00–18:30 / с ${earliest} по ${latest}, в рабочие дни 09:00–18:30`
    : `${latest} дейін, жұмыс күндері 09:00–18:30 / не позднее ${latest}, в рабочие дни 09:00–18:30`;
}

const HEARING_METHOD: Record<string, [string, string]> = {
  'in-person': ['көрсетілетін қызметті берушінің кеңсесінде', 'в офисе услугодателя'],
  video: ['бейнебайланыс', 'видеосвязь'],
  written: ['жазбаша ұстаным', 'письменная позиция'],
};
const HEARING_OUTCOME: Record<string, [string, string]> = {
  'refusal-confirmed': ['бас тарту расталды', 'отказ подтверждён'],
  'position-accepted': ['ұстаным қабылданды — қызмет көрсетіледі', 'позиция принята — услуга оказывается'],
};
const RESULT_KIND: Record<string, [string, string]> = {
  permit: ['Рұқсат', 'Разрешение'],
  licence: ['Лицензия', 'Лицензия'],
  'ministers-order': [
    'Оқу орталығын айқындау туралы Министр бұйрығы',
    'Приказ Министра об определении учебного центра',
  ],
  'consent-letter': ['Келісім хат', 'Письмо-согласие'],
  refusal: ['Дәлелді бас тарту', 'Мотивированный отказ'],
  'refusal-further-consideration': [
    'Әрі қарай қараудан дәлелді бас тарту',
    'Мотивированный отказ в дальнейшем рассмотрении',
  ],
};

/** The signer's position as the service's rules name it: a refusal of C is signed by the department's head. */
function signerPositionOf(
  serviceId: ServiceId | undefined,
  resultKind: string | undefined,
): string | undefined {
  if (!serviceId) return undefined;
  const profile = SERVICES[serviceId];
  const head = resultKind?.startsWith('refusal') && profile.refusalHead ? profile.refusalHead : profile.head;
  return `${head.kk} / ${head.ru}`;
}

export function caseSummary(vars: Vars, o: SummaryOptions): CaseSummary {
  const sid = str(vars.serviceId);
  const serviceId = sid && isServiceId(sid) ? sid : undefined;
  const applicant = obj(vars.applicant) ?? {};
  const representative = obj(vars.representative);
  const rep = representative
    ? ` · сенімхат бойынша өкіл / представитель по доверенности: ${str(representative.fullName) ?? DASH} (ЖСН/ИИН ${masked(representative.iin)})`
    : '';
  const kind = str(vars.requestKind);
  const subType = vars.subType === undefined || vars.subType === null ? undefined : String(vars.subType);
  const serviceName = serviceId ? SERVICES[serviceId].serviceName : undefined;
  const request = [
    serviceName ? `${serviceName.kk} / ${serviceName.ru}` : DASH,
    kind && REQUEST_KIND[kind] ? pair(REQUEST_KIND[kind]) : undefined,
    serviceId === 'security-licence' && subType && SUB_TYPE[subType] ? pair(SUB_TYPE[subType]) : undefined,
    str(vars.registeredOn) ? `тіркелді / зарегистрировано ${dotted(str(vars.registeredOn)!)}` : undefined,
  ].filter((x): x is string => !!x);
  const documents = documentRows(vars, o);
  return {
    displayApplicant: `${str(applicant.name) ?? DASH} · БСН/ЖСН / БИН/ИИН ${masked(applicant.bin)}${rep}`,
    displayRequest: request.join(' · '),
    displayChecks: checkRows(vars),
    displayGrounds: groundRows(vars, serviceId),
    displayDeadlines: deadlineRows(vars, o).length
      ? deadlineRows(vars, o)
      : [{ step: DASH, due: DASH, left: 'мерзім есептелмеген / срок не рассчитан' }],
    displayMessages: messageRows(vars),
    displayRemarks: remarkRows(vars),
    displayDocuments: documents.rows,
    displayDocumentLinks: documents.links,
    displayPreviews: documents.previews,
    displayHearingWindow: hearingWindow(vars, o),
    displayHearing: str(vars.hearingAt)
      ? [
          almatyShown(vars.hearingAt),
          str(vars.hearingMethod) && HEARING_METHOD[str(vars.hearingMethod)!]
            ? pair(HEARING_METHOD[str(vars.hearingMethod)!])
            : undefined,
          str(vars.hearingPlace),
        ]
          .filter((x): x is string => !!x)
          .join(' · ')
      : DASH,
    displayHearingOutcome:
      str(vars.hearingOutcome) && HEARING_OUTCOME[str(vars.hearingOutcome)!]
        ? pair(HEARING_OUTCOME[str(vars.hearingOutcome)!])
        : DASH,
    displayResultKind:
      str(vars.resultKind) && RESULT_KIND[str(vars.resultKind)!]
        ? pair(RESULT_KIND[str(vars.resultKind)!])
        : DASH,
    displayAntimonopolyAnsweredAt: almatyShown(obj(vars.antimonopolyAnswer)?.answeredAt),
    recordedGroundCodes: recordedGrounds(vars).map((g) => g.code),
    ...(str(vars.signerGroup) && !str(vars.signerPosition)
      ? { signerPosition: signerPositionOf(serviceId, str(vars.resultKind)) }
      : {}),
  };
}
