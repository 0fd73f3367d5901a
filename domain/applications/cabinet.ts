/**
 * What an applicant may see of an application, and when (the applicant's cabinet). Pure: the web
 * app gathers the facts (engine variables and element instances, the messages the personal cabinet
 * received, the stored documents' register data) and this module decides.
 *
 * The rules:
 * - A document is shown only once it was sent to the applicant (a personal-cabinet message names
 *   it): a draft formed for the head's signature, or a refusal being decided, is never shown.
 * - The outcome is the result document delivered to the cabinet, in plain words with its number
 *   and date; refusal grounds are shown only with a delivered refusal. An earlier preliminary
 *   refusal stays only as the notice the applicant received.
 * - The history lists stage changes the applicant may know of, in Kazakh and Russian, with the
 *   engine's times; the hearing appears once its notice was sent, never while it is being prepared.
 */
import { both, isMessageKey, t, type Lang } from '../../i18n';
import { REFUSAL_GROUNDS } from '../rules/refusal-grounds';
import { remainingWorkingDays, type Urgency, type WorkingDayClock } from './status';

export interface Bilingual {
  kk: string;
  ru: string;
}

/** A message the personal cabinet received (notify, deliver-to-cabinet, request-missing-documents). */
export interface CabinetMessage {
  messageId: string;
  applicationNumber: string;
  kind: string;
  title: string;
  body: string | null;
  documentId: string | null;
  channel: string;
  deliveredAt: string;
}

export interface ElementRecord {
  elementId: string;
  type?: string;
  state?: string;
  startDate?: string | null;
  endDate?: string | null;
}

/** A stored document's register data (adapters/documents). */
export interface DocumentMeta {
  documentId: string;
  kind: string;
  lang: string;
  title: string;
  number: string;
  /** As printed: dd.mm.yyyy. */
  date: string;
}

export interface ComplaintFacts {
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | string;
  variables: Record<string, unknown>;
  /** Its element instances, for the history. */
  elements?: ElementRecord[];
}

export interface CabinetInput {
  applicationNumber: string;
  serviceId: string;
  requestKind?: string;
  registeredOn: string;
  receivedAt: string;
  state: 'starting' | 'active' | 'completed' | 'terminated' | 'unknown';
  /** The application's variables: its own over those of the processes it called (any state). */
  variables: Record<string, unknown>;
  /** Each instance's variables apart (the application's, its called processes'), for document copies. */
  variableSets: Record<string, unknown>[];
  /** Element instances of the application and of the processes it called, any state. */
  elements: ElementRecord[];
  /** What the personal cabinet received for this application; null when it could not be read. */
  messages: CabinetMessage[] | null;
  /** Register data of the documents named by `deliveredDocumentIds`. */
  documents: Record<string, DocumentMeta>;
  complaints: ComplaintFacts[];
}

export interface VisibleDocument {
  documentId: string;
  kind: string;
  lang: string;
  title: string;
  number?: string;
  date?: string;
}

export interface CabinetNotice {
  at: string;
  kind: string;
  title: Bilingual;
  body?: Bilingual;
  documents: VisibleDocument[];
}

export interface CabinetView {
  applicationNumber: string;
  serviceId: string;
  requestKind?: string;
  registeredOn: string;
  receivedAt: string;
  state: CabinetInput['state'];
  /** Where the application stands, in plain words. */
  stage: Bilingual;
  history: { at: string; code: string; text: Bilingual }[];
  /** The service's overall term while it runs. */
  term?: { dueAt: string; remainingWorkingDays: number; urgency: Urgency };
  outcome?: {
    kind: string;
    text: Bilingual;
    number?: string;
    date?: string;
    documents: VisibleDocument[];
    grounds: Bilingual[];
    reason?: string;
  };
  notices: CabinetNotice[];
  /** The personal cabinet could not be read: notices and documents may be incomplete. */
  noticesUnavailable: boolean;
  documents: VisibleDocument[];
  request?: {
    items: Bilingual[];
    dueAt?: string;
    open: boolean;
    answeredAt?: string;
    closed: boolean;
    documents: VisibleDocument[];
  };
  hearing?: {
    at?: string;
    place?: string;
    grounds: Bilingual[];
    open: boolean;
    positions: { at?: string; text: string; late: boolean }[];
    documents: VisibleDocument[];
  };
  complaints: {
    filedAt?: string;
    registeredOn?: string;
    text: string;
    state: 'reviewing' | 'answered' | 'closed';
    dueAt?: string;
    answer?: { upheld?: boolean; text?: string; at: string; documents: VisibleDocument[] };
  }[];
}

/** Kinds of result that end an application, as the applicant reads them. */
const OUTCOMES: Record<string, Bilingual> = {
  permit: both('cabinet.outcomes.permit'),
  licence: both('cabinet.outcomes.licence'),
  'licence-annex': both('cabinet.outcomes.licence-annex'),
  'ministers-order': both('cabinet.outcomes.ministers-order'),
  'consent-letter': both('cabinet.outcomes.consent-letter'),
  refusal: both('cabinet.outcomes.refusal'),
  'refusal-further-consideration': both('cabinet.outcomes.refusal-further-consideration'),
};

/** Titles of the messages the cabinet receives, by their kind (a notice template or a document kind). */
export const NOTICE_TITLES: Record<string, Bilingual> = {
  'application-registered': both('cabinet.noticeTitles.application-registered'),
  'hearing-notice': both('cabinet.noticeTitles.hearing-notice'),
  'preliminary-refusal-hearing': both('cabinet.noticeTitles.hearing-notice'),
  'result-delivered': both('cabinet.noticeTitles.result-delivered'),
  'result-ready': both('cabinet.noticeTitles.result-delivered'),
  'antimonopoly-letter-sent': both('cabinet.noticeTitles.antimonopoly-letter-sent'),
  'deadline-extended': both('cabinet.noticeTitles.deadline-extended'),
  'missing-documents-request': both('cabinet.noticeTitles.missing-documents-request'),
  'preliminary-decision': both('cabinet.noticeTitles.preliminary-decision'),
  'hearing-record': both('cabinet.noticeTitles.hearing-record'),
  'complaint-answer': both('cabinet.noticeTitles.complaint-answer'),
  permit: both('cabinet.noticeTitles.permit'),
  licence: both('cabinet.noticeTitles.licence'),
  'licence-annex': both('cabinet.noticeTitles.licence-annex'),
  'ministers-order': both('cabinet.noticeTitles.ministers-order'),
  'consent-letter': both('cabinet.noticeTitles.consent-letter'),
  refusal: both('cabinet.noticeTitles.refusal'),
  'refusal-further-consideration': both('cabinet.noticeTitles.refusal-further-consideration'),
};

/**
 * Stage changes the applicant may know of, by the element that marks them. The hearing is known
 * once its notice was sent (Task_DeliverPreliminaryDecision), not when a clerk starts preparing it.
 */
export const MILESTONES: Record<string, Bilingual> = {
  Task_ReportRegistered: both('cabinet.noticeTitles.application-registered'),
  Task_ReportCompletenessStage: both('cabinet.milestones.Task_ReportCompletenessStage'),
  Task_RequestMissingDocuments: both('cabinet.milestones.Task_RequestMissingDocuments'),
  Event_MissingDocumentsSubmitted: both('cabinet.milestones.Event_MissingDocumentsSubmitted'),
  Event_DocumentWindowClosed: both('cabinet.milestones.Event_DocumentWindowClosed'),
  Task_ReportStudyStage: both('cabinet.milestones.Task_ReportStudyStage'),
  Task_ReportLetterStage: both('cabinet.noticeTitles.antimonopoly-letter-sent'),
  Task_ReportDraftingStage: both('cabinet.milestones.Task_ReportDraftingStage'),
  Task_ReportAgreementStage: both('cabinet.milestones.Task_ReportAgreementStage'),
  Task_DeliverPreliminaryDecision: both('cabinet.milestones.Task_DeliverPreliminaryDecision'),
  Task_ReportHearingHeld: both('cabinet.milestones.Task_ReportHearingHeld'),
  Task_ReportResultForming: both('cabinet.milestones.Task_ReportResultForming'),
  Task_ReportResultDelivered: both('cabinet.noticeTitles.result-delivered'),
  Task_ReportCalendarRevised: both('cabinet.milestones.Task_ReportCalendarRevised'),
  Task_ReportComplaintRegistered: both('cabinet.milestones.Task_ReportComplaintRegistered'),
  Task_ReportComplaintAnswered: both('cabinet.milestones.Task_ReportComplaintAnswered'),
};

/** Report-stage elements the applicant is not told of: staff escalations and the hearing's preparation. */
export const HIDDEN_STAGE_ELEMENTS = /^Task_Report(\w+Breach|HearingStarted|NoticeSent|RulesChanged)$/;

const STATE_STAGE: Record<CabinetInput['state'], Bilingual> = {
  starting: both('cabinet.stateStage.starting'),
  active: both('cabinet.stateStage.active'),
  completed: both('cabinet.stateStage.completed'),
  terminated: both('cabinet.stateStage.terminated'),
  unknown: both('cabinet.stateStage.unknown'),
};

/** A requested document as the request names it (Order 923 licence rules, List row 8 last indent). */
export function requestedDocumentLabel(item: { document: string; role: string }): Bilingual {
  const key = (k: string) => (isMessageKey(k) ? k : undefined);
  const roleKey = key(`missingDocuments.role.${item.role}`);
  const docKey = key(`missingDocuments.document.${item.document}`);
  const say = (lang: Lang) =>
    t(lang, 'missingDocuments.item', {
      role: (roleKey && t(lang, roleKey)) ?? '',
      document: (docKey && t(lang, docKey)) ?? item.document,
    }).trim();
  return { kk: say('kk'), ru: say('ru') };
}

/**
 * The Kazakh and Russian parts of a text the cabinet received in both languages: the notice
 * templates join them with " / ", longer requests with a blank line.
 */
export function languageParts(text: string): Bilingual {
  const paragraph = text.indexOf('\n\n');
  if (paragraph > 0) return { kk: text.slice(0, paragraph).trim(), ru: text.slice(paragraph + 2).trim() };
  const slash = text.indexOf(' / ');
  if (slash > 0) return { kk: text.slice(0, slash).trim(), ru: text.slice(slash + 3).trim() };
  return { kk: text, ru: text };
}

interface DocRef {
  documentId: string;
  copies: string[];
}

/** Every `{documentId, documents:[{documentId}]}` in the variables, with its language copies. */
function documentRefs(values: unknown[]): DocRef[] {
  const out: DocRef[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 4) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const v = value as Record<string, unknown>;
    if (typeof v.documentId === 'string') {
      const copies = Array.isArray(v.documents)
        ? (v.documents as Record<string, unknown>[])
            .map((d) => d?.documentId)
            .filter((id): id is string => typeof id === 'string')
        : [];
      out.push({ documentId: v.documentId, copies });
    }
    for (const inner of Object.values(v)) if (inner && typeof inner === 'object') visit(inner, depth + 1);
  };
  values.forEach((v) => visit(v, 0));
  return out;
}

/**
 * Ids of the documents sent to the applicant with their language copies: a document counts once a
 * cabinet message names it (or names its other-language copy). Nothing else is ever shown or served.
 */
export function deliveredDocumentIds(
  messages: CabinetMessage[],
  variableSets: Record<string, unknown>[],
): Map<string, string[]> {
  const refs = documentRefs(variableSets.flatMap((vars) => Object.values(vars)));
  const byMessage = new Map<string, string[]>();
  for (const m of messages) {
    if (!m.documentId || byMessage.has(m.documentId)) continue;
    const ids = new Set([m.documentId]);
    for (const r of refs)
      if (r.documentId === m.documentId || r.copies.includes(m.documentId))
        [r.documentId, ...r.copies].forEach((id) => ids.add(id));
    byMessage.set(m.documentId, [...ids]);
  }
  return byMessage;
}

function groundsOf(value: unknown): Bilingual[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((g): Bilingual[] => {
    const code = typeof g === 'string' ? g : (g as { code?: unknown })?.code;
    const own = g && typeof g === 'object' ? (g as { textKk?: unknown; textRu?: unknown }) : {};
    const known = REFUSAL_GROUNDS.find((x) => x.code === code);
    const kk = typeof own.textKk === 'string' ? own.textKk : known?.textKk;
    const ru = typeof own.textRu === 'string' ? own.textRu : known?.textRu;
    // A ground with no text in the catalogue is not shown as a code: the delivered document states it.
    return kk && ru ? [{ kk, ru }] : [];
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The applicant's view of one application. */
export function cabinetView(input: CabinetInput, clock: WorkingDayClock, now: Date): CabinetView {
  const v = input.variables;
  const messages = [...(input.messages ?? [])].sort((a, b) => a.deliveredAt.localeCompare(b.deliveredAt));
  const delivered = deliveredDocumentIds(messages, [
    ...input.variableSets,
    ...input.complaints.map((c) => c.variables),
  ]);
  const docsFor = (documentId: string | null): VisibleDocument[] =>
    documentId
      ? (delivered.get(documentId) ?? [documentId]).flatMap((id) => {
          const meta = input.documents[id];
          return meta
            ? [
                {
                  documentId: id,
                  kind: meta.kind,
                  lang: meta.lang,
                  title: meta.title,
                  number: meta.number,
                  // A document dated on signing that was not signed says so in its text, not here.
                  ...(/^\d{2}\.\d{2}\.\d{4}$/.test(meta.date) ? { date: meta.date } : {}),
                },
              ]
            : [];
        })
      : [];

  const notices: CabinetNotice[] = messages.map((m) => ({
    at: m.deliveredAt,
    kind: m.kind,
    title: NOTICE_TITLES[m.kind] ?? languageParts(m.title),
    ...(m.body ? { body: languageParts(m.body) } : {}),
    documents: docsFor(m.documentId),
  }));
  const documents = notices.flatMap((n) => n.documents);

  const history = [...input.elements, ...input.complaints.flatMap((c) => c.elements ?? [])]
    .filter((e) => MILESTONES[e.elementId] && e.state === 'COMPLETED' && e.endDate)
    .map((e) => ({ at: e.endDate!, code: e.elementId, text: MILESTONES[e.elementId] }))
    .sort((a, b) => a.at.localeCompare(b.at));

  // The outcome: the last result of the application delivered to the cabinet.
  // A licence's annex goes out beside it (Order 923 licence rules, Annexes 4–5): the licence is the
  // outcome and the annex one of its documents, unless the annex alone was asked for.
  const results = messages.filter((m) => OUTCOMES[m.kind] && m.documentId).reverse();
  const resultMessage = results.find((m) => m.kind !== 'licence-annex') ?? results[0];
  let outcome: CabinetView['outcome'];
  if (resultMessage) {
    const annexes =
      resultMessage.kind === 'licence' ? results.filter((m) => m.kind === 'licence-annex').slice(0, 1) : [];
    const docs = [...docsFor(resultMessage.documentId), ...annexes.flatMap((m) => docsFor(m.documentId))];
    const primary = docs.find((d) => d.documentId === resultMessage.documentId) ?? docs[0];
    const refusal = resultMessage.kind === 'refusal';
    outcome = {
      kind: resultMessage.kind,
      text: OUTCOMES[resultMessage.kind],
      number: primary?.number,
      date: primary?.date,
      documents: docs,
      // Grounds go with a delivered refusal only; a refusal of further consideration states its reason.
      grounds: refusal ? groundsOf(v.refusalGrounds ?? v.refusalGround) : [],
      ...(resultMessage.kind === 'refusal-further-consideration' && str(v.incompletenessReason)
        ? { reason: str(v.incompletenessReason) }
        : {}),
    };
  }

  const done = (id: string) => input.elements.find((e) => e.elementId === id && e.state === 'COMPLETED');
  const activeEl = (id: string) => input.elements.some((e) => e.elementId === id && e.state === 'ACTIVE');

  // Order 923 licence rules, List row 8 last indent: copies asked of the applicant within 1 WD.
  let request: CabinetView['request'];
  const requested = Array.isArray(v.missingDocumentsRequested) ? v.missingDocumentsRequested : [];
  if (requested.length > 0) {
    const submitted = done('Event_MissingDocumentsSubmitted');
    const answeredAt = str(v.documentsSubmittedAt) ?? submitted?.endDate ?? undefined;
    const closed = Boolean(done('Event_DocumentWindowClosed'));
    const requestMessage = messages.find((m) => m.kind === 'missing-documents-request');
    request = {
      items: requested.map((r) => requestedDocumentLabel(r as { document: string; role: string })),
      dueAt: str(v.deadlineMissingDocuments),
      answeredAt,
      closed,
      open: input.state === 'active' && !answeredAt && !closed,
      documents: docsFor(requestMessage?.documentId ?? null),
    };
  }

  // APPC art. 73 (C6): the hearing, once its notice reached the cabinet.
  let hearing: CabinetView['hearing'];
  const hearingNotice = messages.find(
    (m) => m.kind === 'preliminary-decision' || m.kind === 'hearing-notice',
  );
  if (hearingNotice) {
    const positions = Array.isArray(v.applicantPositions) ? v.applicantPositions : [];
    const open =
      input.state === 'active' && activeEl('Call_Hearing') && !done('Task_RecordHearing') && !outcome;
    hearing = {
      at: str(v.hearingAt),
      place: str(v.hearingPlace),
      // The preliminary grounds are shown while the applicant can still answer them.
      grounds: open ? groundsOf(v.refusalGrounds) : [],
      open,
      positions: positions.map((p: any) => ({
        at: str(p?.submittedAt),
        text: String(p?.text ?? ''),
        late: p?.late === true,
      })),
      documents: messages
        .filter((m) => m.kind === 'preliminary-decision')
        .flatMap((m) => docsFor(m.documentId)),
    };
  }

  const complaints: CabinetView['complaints'] = input.complaints.map((c) => {
    const cv = c.variables;
    const complaint = (cv.complaint ?? {}) as Record<string, unknown>;
    const answerMessage = messages.find(
      (m) =>
        m.kind === 'complaint-answer' &&
        m.documentId !== null &&
        documentRefs([cv.resultDocument]).some(
          (r) => r.documentId === m.documentId || r.copies.includes(m.documentId!),
        ),
    );
    return {
      filedAt: str(complaint.filedAt),
      registeredOn: str(complaint.registeredOn) ?? str(cv.registeredOn),
      text: String(complaint.text ?? ''),
      state: answerMessage ? 'answered' : c.state === 'ACTIVE' ? 'reviewing' : 'closed',
      dueAt: c.state === 'ACTIVE' ? str(cv.deadlineComplaintReview) : undefined,
      ...(answerMessage
        ? {
            answer: {
              upheld: typeof cv.complaintUpheld === 'boolean' ? cv.complaintUpheld : undefined,
              text: str(cv.complaintAnswer),
              at: answerMessage.deliveredAt,
              documents: docsFor(answerMessage.documentId),
            },
          }
        : {}),
    };
  });

  let term: CabinetView['term'];
  const total = str(v.deadlineTotal);
  if (input.state === 'active' && total && !Number.isNaN(Date.parse(total))) {
    const r = remainingWorkingDays(clock, now, new Date(total));
    term = { dueAt: total, remainingWorkingDays: r.remaining, urgency: r.urgency };
  }

  const last = history[history.length - 1];
  const stage =
    input.state === 'active' || input.state === 'starting'
      ? request?.open
        ? MILESTONES.Task_RequestMissingDocuments
        : (last?.text ?? STATE_STAGE[input.state])
      : outcome
        ? outcome.text
        : STATE_STAGE[input.state];

  return {
    applicationNumber: input.applicationNumber,
    serviceId: input.serviceId,
    requestKind: input.requestKind,
    registeredOn: input.registeredOn,
    receivedAt: input.receivedAt,
    state: input.state,
    stage,
    history,
    term,
    outcome,
    notices,
    noticesUnavailable: input.messages === null,
    documents,
    request,
    hearing,
    complaints,
  };
}
