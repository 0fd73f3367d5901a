/**
 * The case summary a clerk, an expert or a head reads in every decision form (study, decision,
 * hearing, complaint, signature): who applies, for what, what each state system answered and when,
 * the refusal grounds recorded with their facts and the act's paragraph, the legal terms with the
 * working days left, the applicant's positions and messages, the remarks of the head and the
 * experts, and the documents. Pure: the legal clock and the instant are given. One display per
 * language (Order 138 Annex 2 row 7; Order 923 List row 5: the case is read in Kazakh or Russian),
 * every text from the message catalogue (i18n/sections/summary.*), every time Almaty
 * `dd.MM.yyyy HH:mm`, no code or variable name.
 */
import { formatAlmatyDateTime } from './almaty-time';
import { groundRuleRef, SERVICES, shortRef } from './documents/services';
import { maskIin } from './identifiers';
import { groundByCode, type GroundFinding } from './rules/refusal-grounds';
import { asLegalRef, citeLegalRef } from './rules/legal-ref';
import { earlierWordingNote } from './rules/rule-versions';
import { isServiceId, type ServiceId } from './services';
import { isMessageKey, LANGS, t, type Lang, type MessageKey, type MessageParams } from '../i18n';

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

/** What a form shows of the case, in one language: each string in that language only. */
export interface CaseDisplay {
  /** The applicant (BIN/IIN masked) and a representative under a power of attorney. */
  applicant: string;
  /** The service, the request kind, the sub-type and the registration day. */
  request: string;
  checks: CheckRow[];
  grounds: GroundRow[];
  deadlines: DeadlineRow[];
  messages: MessageRow[];
  remarks: RemarkRow[];
  documents: DocumentRow[];
  /** Markdown list of the documents with a link each (for a text view), "—" when none. */
  documentLinks: string;
  /** The generated documents for form-js's document preview (absolute addresses only). */
  previews: PreviewDocument[];
  /** C6: the window a hearing may be set in, as the preliminary-decision form states it. */
  hearingWindow: string;
  /** The hearing as set: time, method and place ("—" before it is set). */
  hearing: string;
  /** The hearing's outcome in words ("—" before the hearing). */
  hearingOutcome: string;
  /** The result being formed or signed, in words. */
  resultKind: string;
  /** When the antimonopoly body answered (service D). */
  antimonopolyAnsweredAt: string;
  /** Order 138 ¶4: the note on the earlier wording, when intake flagged the application (absent otherwise). */
  earlierWording?: string;
}

export interface CaseSummary {
  displayKk: CaseDisplay;
  displayRu: CaseDisplay;
  /** The grounds the application and the automatic checks recorded (catalogue codes). */
  recordedGroundCodes: string[];
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

/** The catalogue's text of `case.<key>` in `lang`, or `undefined` when the catalogue has no such key. */
function known(lang: Lang, key: string, params?: MessageParams): string | undefined {
  const full = `case.${key}`;
  return isMessageKey(full) ? t(lang, full, params) : undefined;
}
/** The catalogue's text of `case.<key>` in `lang`; the key is one this file names. */
const c = (lang: Lang, key: string, params?: MessageParams): string =>
  t(lang, `case.${key}` as MessageKey, params);

/** An ISO instant as Almaty `dd.MM.yyyy HH:mm`; anything else "—". */
export function almatyShown(v: unknown): string {
  const s = str(v);
  if (!s || Number.isNaN(Date.parse(s))) return DASH;
  return formatAlmatyDateTime(s);
}
const dotted = (day: string) => day.split('-').reverse().join('.');

/** A BIN or IIN as everywhere a person reads it: first four and last two digits. */
const masked = (v: unknown) => (str(v) ? maskIin(str(v)!) : DASH);

/** The legal terms, named as the people who keep them read them (`case.deadline.<variable>`). */
const DEADLINES = [
  'deadlineCompleteness',
  'deadlineStudy',
  'deadlineDocumentRequest',
  'deadlineMissingDocuments',
  'deadlineHearingNotice',
  'deadlineHearing',
  'deadlineDraft',
  'deadlineAgreement',
  'deadlineLetter',
  'deadlineConsent',
  'deadlineResult',
  'deadlineDelivery',
  'deadlineComplaintReview',
  'deadlineRulesChangeNotice',
  'deadlineTotal',
] as const;

/**
 * The lookups a study reads, in the order a clerk checks them: the variable (which names its check
 * and its state system in the catalogue: `case.check.<variable>`, `case.source.<variable>`), the job
 * that answers it, and how its answer reads.
 */
interface Lookup {
  variable: string;
  /** The lookup's job type: runGatewayJob stamps `<camelType>At` when it answers. */
  job: string;
  result(v: unknown, all: Vars, lang: Lang): string | undefined;
}

const countOf = (v: unknown) => list(v).length;

const LOOKUPS: Lookup[] = [
  {
    variable: 'legalEntity',
    job: 'lookup-legal-entity',
    result: (v, _all, lang) => {
      const e = obj(v);
      if (!e) return undefined;
      if (e.found === false) return c(lang, 'result.notRegistered');
      const ban = c(lang, e.courtBan === true ? 'result.courtBan' : 'result.noCourtBan');
      return `${str(e.name) ?? DASH} · ${ban}`;
    },
  },
  {
    variable: 'persons',
    job: 'lookup-person',
    result: (v, _all, lang) => {
      const ps = list(v)
        .map(obj)
        .filter((p): p is Vars => !!p);
      if (ps.length === 0) return undefined;
      const invalid = ps.filter((p) => p.identityDocumentValid === false).length;
      return c(lang, 'result.persons', { count: ps.length, invalid });
    },
  },
  {
    variable: 'education',
    job: 'lookup-education',
    result: (v, all, lang) =>
      all.educationFound === false
        ? c(lang, 'result.notFound')
        : v === undefined
          ? undefined
          : c(lang, 'result.records', { count: countOf(v) }),
  },
  {
    variable: 'employment',
    job: 'lookup-employment',
    result: (v, all, lang) =>
      all.employmentFound === false
        ? c(lang, 'result.notFound')
        : v === undefined
          ? undefined
          : c(lang, 'result.records', { count: countOf(v) }),
  },
  {
    variable: 'realEstate',
    job: 'lookup-real-estate',
    result: (v, _all, lang) =>
      v === undefined
        ? undefined
        : countOf(v) === 0
          ? c(lang, 'result.notFound')
          : list(v)
              .map((r) => str(obj(r)?.address) ?? DASH)
              .join('; '),
  },
  {
    variable: 'criminalRecords',
    job: 'lookup-criminal-record',
    result: (v, _all, lang) => {
      if (v === undefined) return undefined;
      const marks = list(v).filter((r) => {
        const x = obj(r);
        return (
          x &&
          (x.hasConviction === true || x.pendingCriminalCase === true || x.extremismOrTerrorismData === true)
        );
      }).length;
      return marks === 0 ? c(lang, 'result.noMarks') : c(lang, 'result.marks', { count: marks });
    },
  },
  {
    variable: 'mentalHealth',
    job: 'lookup-mental-health',
    result: (v, _all, lang) => {
      if (v === undefined) return undefined;
      const n = list(v).filter((r) => obj(r)?.registered === true).length;
      return n === 0 ? c(lang, 'result.notOnRegister') : c(lang, 'result.onRegister', { count: n });
    },
  },
  {
    variable: 'vehicles',
    job: 'lookup-vehicles',
    result: (v, _all, lang) =>
      v === undefined ? undefined : c(lang, 'result.vehicles', { count: countOf(v) }),
  },
  {
    variable: 'existingLicence',
    job: 'lookup-licence',
    result: (v, _all, lang) => {
      const l = obj(v);
      if (v === undefined) return undefined;
      if (!l || l.found === false) return c(lang, 'result.licenceNotFound');
      return c(lang, 'result.licence', { number: str(l.number) ?? str(l.licenceNumber) ?? DASH });
    },
  },
  {
    variable: 'feeCheck',
    job: 'check-licence-fee',
    result: (v, _all, lang) => {
      const f = obj(v);
      if (!f) return undefined;
      return c(lang, f.paid === true ? 'result.feePaid' : 'result.feeNotPaid');
    },
  },
];

const camelType = (type: string) => type.replace(/-([a-z])/g, (_m, ch: string) => ch.toUpperCase());
/** The variable a gateway job stamps with the instant its state system answered. */
export const answeredAtVariable = (jobType: string) => `${camelType(jobType)}At`;

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
      textKk: `${g.textKk}: ${c('kk', 'ground.consentFact')}`,
      textRu: `${g.textRu}: ${c('ru', 'ground.consentFact')}`,
    });
  }
  for (const check of [vars.specialistsCheck, vars.securityRequirementsCheck]) {
    const chk = obj(check);
    if (!chk || chk.passed !== false) continue;
    for (const g of list(chk.grounds)) {
      const f = obj(g);
      if (!f || !str(f.code)) continue;
      try {
        if (groundByCode(str(f.code)!).serviceId !== serviceId) continue;
      } catch {
        continue;
      }
      add({
        code: str(f.code)!,
        ruleRef: asLegalRef(f.ruleRef) ?? groundByCode(str(f.code)!).ruleRef,
        textKk: str(f.textKk) ?? groundByCode(str(f.code)!).textKk,
        textRu: str(f.textRu) ?? groundByCode(str(f.code)!).textRu,
      });
    }
  }
  return out;
}

/** Where the act states a ground ("пункт 11 … Правил"), or "—". */
function actOf(serviceId: ServiceId | undefined, code: string, lang: Lang): string {
  if (!serviceId) return DASH;
  const ref = groundRuleRef(serviceId, code);
  return ref ? shortRef(serviceId, ref, lang) : DASH;
}

/** Where the act states a recorded ground, and the requirement the check found unmet when it cites one of its own. */
function findingActOf(serviceId: ServiceId | undefined, f: GroundFinding, lang: Lang): string {
  const act = actOf(serviceId, f.code, lang);
  const own = citeLegalRef(f.ruleRef, lang);
  return act === own || act === DASH ? own : `${act}; ${own}`;
}

/** A catalogue ground's text cut from the fact a check appended after ": ". */
function splitFinding(text: string, base: string): string {
  return text.startsWith(base) ? text.slice(base.length).replace(/^:\s*/, '') : '';
}

const groundText = (g: { textKk: string; textRu: string }, lang: Lang) =>
  lang === 'kk' ? g.textKk : g.textRu;

function groundRows(vars: Vars, serviceId: ServiceId | undefined, lang: Lang): GroundRow[] {
  const rows: GroundRow[] = [];
  const seen = new Set<string>();
  for (const f of recordedGrounds(vars)) {
    seen.add(f.code);
    const g = groundByCode(f.code);
    const fact = splitFinding(groundText(f, lang), groundText(g, lang));
    rows.push({
      ground: groundText(g, lang),
      facts: fact || c(lang, 'ground.recordedBySystem'),
      act: findingActOf(serviceId, f, lang),
    });
  }
  // The clerk's grounds (study form) and those a step recorded (fee, antimonopoly answer).
  for (const item of list(vars.refusalGrounds)) {
    const code = typeof item === 'string' ? item : str(obj(item)?.code);
    if (!code || seen.has(code)) continue;
    seen.add(code);
    let g;
    try {
      g = groundByCode(code);
    } catch {
      continue;
    }
    rows.push({
      ground: groundText(g, lang),
      facts: str(vars.studyNotes) ?? c(lang, 'ground.markedByClerk'),
      act: actOf(serviceId, code, lang),
    });
  }
  if (rows.length === 0) rows.push({ ground: c(lang, 'ground.none'), facts: DASH, act: DASH });
  return rows;
}

function checkRows(vars: Vars, lang: Lang): CheckRow[] {
  const rows: CheckRow[] = [
    {
      check: c(lang, 'check.consent'),
      result:
        vars.consentToRestrictedData === true
          ? c(lang, 'result.consentGiven')
          : vars.consentToRestrictedData === false
            ? c(lang, 'result.consentNotGiven')
            : DASH,
      source: c(lang, 'source.application'),
      answeredAt: almatyShown(vars.receivedAt),
    },
  ];
  for (const l of LOOKUPS) {
    const shown = l.result(vars[l.variable], vars, lang);
    if (shown === undefined) continue;
    rows.push({
      check: c(lang, `check.${l.variable}`),
      result: shown,
      source: c(lang, `source.${l.variable}`),
      answeredAt: almatyShown(vars[answeredAtVariable(l.job)]),
    });
  }
  const automatic: Array<[variable: string, job: string]> = [
    ['specialistsCheck', 'check-fire-specialists'],
    ['securityRequirementsCheck', 'check-security-requirements'],
  ];
  for (const [name, job] of automatic) {
    const chk = obj(vars[name]);
    if (!chk) continue;
    const result = [
      chk.passed === true
        ? c(lang, 'result.compliant')
        : c(lang, 'result.nonCompliant', { count: list(chk.grounds).length }),
    ];
    if (name === 'specialistsCheck' && typeof chk.qualifiedCount === 'number')
      result.push(c(lang, 'result.qualified', { count: chk.qualifiedCount }));
    rows.push({
      check: c(lang, `check.${name}`),
      result: result.join('; '),
      source: c(lang, 'source.automatic'),
      answeredAt: almatyShown(vars[answeredAtVariable(job)]),
    });
  }
  return rows;
}

function deadlineRows(vars: Vars, o: SummaryOptions, lang: Lang): DeadlineRow[] {
  const rows: Array<DeadlineRow & { at: number }> = [];
  for (const variable of DEADLINES) {
    const due = str(vars[variable]);
    if (!due || Number.isNaN(Date.parse(due))) continue;
    const at = new Date(due);
    let left: string;
    if (at.getTime() <= o.now.getTime()) {
      const late = o.clock.workingDaysBetween(at, o.now);
      left = late > 0 ? c(lang, 'deadline.passedAgo', { days: late }) : c(lang, 'deadline.passed');
    } else {
      left = c(lang, 'deadline.left', { days: o.clock.workingDaysBetween(o.now, at) });
    }
    rows.push({
      step: c(lang, `deadline.${variable}`),
      due: formatAlmatyDateTime(due),
      left,
      at: at.getTime(),
    });
  }
  rows.sort((a, b) => a.at - b.at);
  if (rows.length === 0) return [{ step: DASH, due: DASH, left: c(lang, 'deadline.none') }];
  return rows.map(({ step, due, left }) => ({ step, due, left }));
}

const fileNames = (v: unknown) => {
  const names = list(v)
    .map((a) => str(obj(a)?.fileName) ?? str(a))
    .filter((n): n is string => !!n);
  return names.length ? names.join(', ') : DASH;
};

function messageRows(vars: Vars, lang: Lang): MessageRow[] {
  const rows: MessageRow[] = [];
  for (const p of list(vars.applicantPositions)) {
    const x = obj(p);
    if (!x) continue;
    rows.push({
      at: almatyShown(x.submittedAt),
      kind: c(lang, x.late === true ? 'message.positionLate' : 'message.position'),
      text: str(x.text) ?? DASH,
      attachments: fileNames(x.attachments),
    });
  }
  if (rows.length === 0 && str(vars.applicantPosition)) {
    rows.push({
      at: almatyShown(vars.applicantPositionSubmittedAt),
      kind: c(lang, 'message.position'),
      text: str(vars.applicantPosition)!,
      attachments: fileNames(vars.applicantPositionAttachments),
    });
  }
  if (vars.submittedDocuments !== undefined || str(vars.documentsNote)) {
    rows.push({
      at: almatyShown(vars.documentsSubmittedAt),
      kind: c(lang, 'message.documents'),
      text: str(vars.documentsNote) ?? DASH,
      attachments: fileNames(vars.submittedDocuments),
    });
  }
  const complaint = obj(vars.complaint);
  if (complaint) {
    rows.push({
      at: almatyShown(complaint.filedAt),
      kind: c(lang, 'message.complaint'),
      text: str(complaint.text) ?? DASH,
      attachments: fileNames(complaint.attachments),
    });
  }
  if (rows.length === 0)
    rows.push({ at: DASH, kind: DASH, text: c(lang, 'message.none'), attachments: DASH });
  return rows;
}

/** The remarks a form shows, in this order, each under `case.remark.<variable>`. */
const REMARKS = [
  'signatureRemarks',
  'studyNotes',
  'incompletenessReason',
  'missingDocumentsRemarks',
  'legalReviewRemarks',
  'editorialReviewRemarks',
  'preliminaryDecisionText',
  'applicantPositionSummary',
  'hearingReasons',
] as const;

function remarkRows(vars: Vars, lang: Lang): RemarkRow[] {
  const rows: RemarkRow[] = [];
  for (const variable of REMARKS) {
    const text = str(vars[variable]);
    if (text) rows.push({ who: c(lang, `remark.${variable}`), text });
  }
  if (rows.length === 0) rows.push({ who: DASH, text: c(lang, 'remark.none') });
  return rows;
}

interface FoundDocument {
  documentId: string;
  /** The document's own title, as it was generated (in one language or both). */
  title?: string;
  kind?: string;
  lang?: string;
}

/** The generated documents among the variables (`*Document`, the antimonopoly letter), each copy once. */
function generatedDocuments(vars: Vars): FoundDocument[] {
  const out: FoundDocument[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(vars).sort()) {
    if (!/Document$|^antimonopolyLetter$/.test(name) || name.startsWith('display')) continue;
    const d = obj(vars[name]);
    if (!d) continue;
    const copies = list(d.documents)
      .map(obj)
      .filter((x): x is Vars => !!x && !!str(x.documentId));
    if (copies.length === 0 && str(d.documentId)) copies.push({ documentId: d.documentId });
    for (const copy of copies) {
      const id = str(copy.documentId)!;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ documentId: id, title: str(d.title), kind: str(d.kind), lang: str(copy.lang) });
    }
  }
  return out;
}

/** What a generated document is, named for a person in `lang`: its kind, else its own title. */
function documentName(d: FoundDocument, lang: Lang): string | undefined {
  return (d.kind && known(lang, `document.${d.kind}`)) || d.title;
}

function documentRows(vars: Vars, o: SummaryOptions, lang: Lang) {
  const rows: DocumentRow[] = [];
  const links: string[] = [];
  const previews: PreviewDocument[] = [];
  for (const a of list(vars.attachments)) {
    const file = str(obj(a)?.fileName);
    if (file) rows.push({ title: c(lang, 'document.attached'), file });
  }
  for (const d of generatedDocuments(vars)) {
    const name = documentName(d, lang);
    if (!name) continue;
    const written =
      d.lang && (LANGS as readonly string[]).includes(d.lang)
        ? known(lang, `document.lang.${d.lang}`)
        : undefined;
    const file = written ? `${name} (${written})` : name;
    rows.push({ title: c(lang, 'document.generated'), file });
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
  if (rows.length === 0) rows.push({ title: DASH, file: c(lang, 'document.none') });
  return { rows, links: links.length ? links.join('\n') : DASH, previews };
}

function hearingWindow(vars: Vars, o: SummaryOptions, lang: Lang): string {
  const deadline = str(vars.deadlineHearing);
  if (!deadline || Number.isNaN(Date.parse(deadline))) return DASH;
  const latest = formatAlmatyDateTime(deadline);
  return o.earliestHearingDay
    ? c(lang, 'hearingWindow.range', { earliest: dotted(o.earliestHearingDay), latest })
    : c(lang, 'hearingWindow.latest', { latest });
}

function hearingShown(vars: Vars, lang: Lang): string {
  if (!str(vars.hearingAt)) return DASH;
  const method = str(vars.hearingMethod);
  return [
    almatyShown(vars.hearingAt),
    method && known(lang, `hearingMethod.${method}`),
    str(vars.hearingPlace),
  ]
    .filter((x): x is string => !!x)
    .join(' · ');
}

/** What a form shows of the case in `lang`. */
export function caseDisplay(vars: Vars, o: SummaryOptions, lang: Lang): CaseDisplay {
  const sid = str(vars.serviceId);
  const serviceId = sid && isServiceId(sid) ? sid : undefined;
  const applicant = obj(vars.applicant) ?? {};
  const representative = obj(vars.representative);
  const kind = str(vars.requestKind);
  const subType = vars.subType === undefined || vars.subType === null ? undefined : String(vars.subType);
  const request = [
    serviceId ? SERVICES[serviceId].serviceName[lang] : DASH,
    kind ? known(lang, `request.${kind}`) : undefined,
    serviceId === 'security-licence' && subType ? known(lang, `subType.${subType}`) : undefined,
    str(vars.registeredOn) ? c(lang, 'registered', { day: dotted(str(vars.registeredOn)!) }) : undefined,
  ].filter((x): x is string => !!x);
  const documents = documentRows(vars, o, lang);
  const outcome = str(vars.hearingOutcome);
  const resultKind = str(vars.resultKind);
  return {
    applicant: [
      c(lang, 'applicant', { name: str(applicant.name) ?? DASH, bin: masked(applicant.bin) }),
      representative
        ? c(lang, 'representative', {
            name: str(representative.fullName) ?? DASH,
            iin: masked(representative.iin),
          })
        : undefined,
    ]
      .filter((x): x is string => !!x)
      .join(' · '),
    request: request.join(' · '),
    checks: checkRows(vars, lang),
    grounds: groundRows(vars, serviceId, lang),
    deadlines: deadlineRows(vars, o, lang),
    messages: messageRows(vars, lang),
    remarks: remarkRows(vars, lang),
    documents: documents.rows,
    documentLinks: documents.links,
    previews: documents.previews,
    hearingWindow: hearingWindow(vars, o, lang),
    hearing: hearingShown(vars, lang),
    hearingOutcome: (outcome && known(lang, `hearingOutcome.${outcome}`)) || DASH,
    resultKind: (resultKind && known(lang, `resultKind.${resultKind}`)) || DASH,
    antimonopolyAnsweredAt: almatyShown(obj(vars.antimonopolyAnswer)?.answeredAt),
    ...earlierWordingShown(vars, serviceId, lang),
  };
}

/** Order 138 ¶4: intake's note (`earlierWordingNote`, both languages) in `lang` alone. */
function earlierWordingShown(vars: Vars, serviceId: ServiceId | undefined, lang: Lang) {
  const registeredOn = str(vars.registeredOn);
  const note =
    str(vars.earlierWordingNote) && serviceId && registeredOn
      ? earlierWordingNote(serviceId, registeredOn)
      : undefined;
  return note ? { earlierWording: note[lang] } : {};
}

/** The case in both languages, each its own display, and what the diagrams and forms route on. */
export function caseSummary(vars: Vars, o: SummaryOptions): CaseSummary {
  return {
    displayKk: caseDisplay(vars, o, 'kk'),
    displayRu: caseDisplay(vars, o, 'ru'),
    recordedGroundCodes: recordedGrounds(vars).map((g) => g.code),
  };
}
