import { SERVICE_IDS, type ServiceId } from '../services';
import type { Application } from './schemas';
import { stepName } from './step-names';
import type { Lang } from '../../i18n';

/** The slice of `domain/legal-clock` this module needs; injected so the module stays pure. */
export interface WorkingDayClock {
  /** 'YYYY-MM-DD' of the working day an application received at `receivedAt` is registered (C2). */
  registrationDate(receivedAt: Date): string;
  /** Working days left from `a` to `b`, counting `a`'s day while before its 18:30 close. */
  workingDaysBetween(a: Date, b: Date): number;
}

export type Urgency = 'overdue' | 'last-day' | 'soon' | 'ok';

/**
 * Remaining working days before an instant, and how urgent that is. `workingDaysBetween` counts
 * today while it is before close of business, so 1 means "today is the last working day" (amber),
 * 2 falls in the deadline board's "within 2 working days" band, and a passed instant is overdue
 * (red) with the number of working days since given as a negative.
 */
export function remainingWorkingDays(
  clock: WorkingDayClock,
  now: Date,
  due: Date,
): { remaining: number; urgency: Urgency } {
  if (due.getTime() <= now.getTime()) {
    return { remaining: -clock.workingDaysBetween(due, now), urgency: 'overdue' };
  }
  const remaining = clock.workingDaysBetween(now, due);
  return { remaining, urgency: remaining <= 1 ? 'last-day' : remaining <= 2 ? 'soon' : 'ok' };
}

/** The variables a procedure starts with: the e-request plus the registration facts (C2). */
export function startVariables(
  application: Application,
  receivedAt: Date,
  registeredOn: string,
): Record<string, unknown> {
  return { ...application, receivedAt: receivedAt.toISOString(), registeredOn };
}

/** A service's process id is its id (domain/services.ts). */
export const PROCESS_ID_BY_SERVICE: Record<ServiceId, string> = Object.fromEntries(
  SERVICE_IDS.map((id) => [id, id]),
) as Record<ServiceId, string>;

export interface ActiveElement {
  elementId: string;
  elementName?: string;
  type: string;
}

export interface DocumentRef {
  /** The process variable that carries it, e.g. `resultDocument`. */
  variable: string;
  documentId: string;
  kind?: string;
  title?: string;
  sha256?: string;
  lang?: string;
}

export interface DeadlineView {
  /** Step name from the variable `deadline<Step>`, e.g. `CompletenessCheck`. */
  step: string;
  variable: string;
  dueAt: string;
  remainingWorkingDays: number;
  urgency: Urgency;
}

export interface Notice {
  kind: 'preliminary-decision' | 'documents-requested' | 'decision';
  /** Hearing time (ISO) for a preliminary decision (C6). */
  hearingAt?: string;
  hearingPlace?: string;
  grounds?: unknown;
  details?: unknown;
}

export interface ApplicationStatus {
  applicationNumber: string;
  serviceId: string;
  requestKind?: string;
  state: 'starting' | 'active' | 'completed' | 'terminated' | 'unknown';
  receivedAt?: string;
  registeredOn?: string;
  /** The active steps: the element id, and the step's name in the reader's language (catalogue `step.<elementId>`). */
  stages: { elementId: string; name: string }[];
  lastReportedStage?: unknown;
  deadlines: DeadlineView[];
  documents: DocumentRef[];
  refusalGround?: unknown;
  notices: Notice[];
  hasIncident: boolean;
}

/** Element types an applicant may see as "where my application is"; gateways and flows are noise. */
const VISIBLE_TYPES = new Set([
  'USER_TASK',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'SEND_TASK',
  'INTERMEDIATE_CATCH_EVENT',
  'CALL_ACTIVITY',
  'SUB_PROCESS',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'TASK',
  'MANUAL_TASK',
]);

/** `deadlineCompleteness` belongs to `Task_CheckCompleteness`: element ids carry the step name. */
export function matchesStep(elementId: string, step: string): boolean {
  return elementId
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .includes(step.toLowerCase());
}

/** The whole service's term runs until the application ends, whatever step is active. */
export function isServiceTerm(step: string): boolean {
  return /^(service|total|overall)/i.test(step);
}

/** Terms still running: the step's element is active, or it is the service's overall term. */
export function runningDeadlines(deadlines: DeadlineView[], active: { elementId: string }[]): DeadlineView[] {
  return deadlines.filter(
    (d) => isServiceTerm(d.step) || active.some((e) => matchesStep(e.elementId, d.step)),
  );
}

export function deadlinesFrom(
  variables: Record<string, unknown>,
  clock: WorkingDayClock,
  now: Date,
): DeadlineView[] {
  const out: DeadlineView[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const match = /^deadline([A-Z]\w*)$/.exec(name);
    if (!match || typeof value !== 'string') continue;
    const due = new Date(value);
    if (Number.isNaN(due.getTime())) continue;
    out.push({ step: match[1], variable: name, dueAt: value, ...remainingWorkingDaysView(clock, now, due) });
  }
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

function remainingWorkingDaysView(clock: WorkingDayClock, now: Date, due: Date) {
  const { remaining, urgency } = remainingWorkingDays(clock, now, due);
  return { remainingWorkingDays: remaining, urgency };
}

/** Every variable value that references a stored document, including per-language copies. */
export function documentsFrom(variables: Record<string, unknown>): DocumentRef[] {
  const out: DocumentRef[] = [];
  const seen = new Set<string>();
  const add = (ref: DocumentRef) => {
    if (seen.has(ref.documentId)) return;
    seen.add(ref.documentId);
    out.push(ref);
  };
  const visit = (variable: string, value: unknown) => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item) => visit(variable, item));
      return;
    }
    const v = value as Record<string, unknown>;
    const base = { variable, kind: str(v.kind), title: str(v.title) };
    if (Array.isArray(v.documents)) {
      for (const d of v.documents as Record<string, unknown>[]) {
        if (d && typeof d.documentId === 'string')
          add({ ...base, documentId: d.documentId, sha256: str(d.sha256), lang: str(d.lang) });
      }
    }
    if (typeof v.documentId === 'string')
      add({ ...base, documentId: v.documentId, sha256: str(v.sha256), lang: str(v.lang) });
  };
  // resultDocument first: it is what the applicant came for.
  const names = Object.keys(variables).sort((a, b) =>
    a === 'resultDocument' ? -1 : b === 'resultDocument' ? 1 : a.localeCompare(b),
  );
  // display* variables restate documents for the forms' preview; the documents are their own variables.
  for (const name of names) if (!name.startsWith('display')) visit(name, variables[name]);
  return out;
}

export function noticesFrom(variables: Record<string, unknown>): Notice[] {
  const notices: Notice[] = [];
  const prelim = variables.preliminaryDecision;
  const hearingAt = str(variables.hearingAt) ?? str(obj(prelim)?.hearingAt);
  if (prelim || hearingAt) {
    const p = obj(prelim) ?? {};
    notices.push({
      kind: 'preliminary-decision',
      hearingAt,
      hearingPlace: str(variables.hearingPlace) ?? str(p.hearingPlace) ?? str(p.place),
      grounds: p.grounds ?? variables.refusalGrounds ?? variables.refusalGround,
    });
  }
  const requested = variables.requestedDocuments ?? variables.missingDocuments;
  if (requested) notices.push({ kind: 'documents-requested', details: requested });
  if (variables.decision !== undefined) notices.push({ kind: 'decision', details: variables.decision });
  return notices;
}

export interface StatusInput {
  applicationNumber: string;
  serviceId: string;
  requestKind?: string;
  storeState: 'starting' | 'started';
  processState?: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident?: boolean;
  receivedAt?: string;
  registeredOn?: string;
  variables: Record<string, unknown>;
  activeElements: ActiveElement[];
}

/**
 * The step's name in `lang`: the catalogue's (i18n/sections/steps.*); for an element the catalogue
 * does not name (a diagram deployed from the designer), its own name's half in `lang` when it is
 * "Kazakh / Russian", else the name as it is, else the element id.
 */
export function stageName(e: ActiveElement, lang: Lang): string {
  const halves = e.elementName?.split(' / ');
  const own = halves?.length === 2 ? halves[lang === 'kk' ? 0 : 1] : e.elementName || undefined;
  return stepName(e.elementId, lang, own);
}

/** What an applicant sees of their application, step names in `lang`: stage, deadlines, documents, notices. */
export function applicationStatus(
  input: StatusInput,
  clock: WorkingDayClock,
  now: Date,
  lang: Lang = 'kk',
): ApplicationStatus {
  const v = input.variables;
  const state =
    input.storeState === 'starting'
      ? 'starting'
      : input.processState === 'ACTIVE'
        ? 'active'
        : input.processState === 'COMPLETED'
          ? 'completed'
          : input.processState === 'TERMINATED'
            ? 'terminated'
            : 'unknown';
  const stages = input.activeElements
    .filter((e) => VISIBLE_TYPES.has(e.type))
    .map((e) => ({ elementId: e.elementId, name: stageName(e, lang) }));
  return {
    applicationNumber: input.applicationNumber,
    serviceId: input.serviceId,
    requestKind: input.requestKind,
    state,
    receivedAt: input.receivedAt,
    registeredOn: input.registeredOn,
    stages,
    lastReportedStage: v.lastReportedStage ?? v.stage,
    // A finished application has no running terms left to count down.
    deadlines: state === 'active' ? runningDeadlines(deadlinesFrom(v, clock, now), input.activeElements) : [],
    documents: documentsFrom(v),
    refusalGround: v.refusalGround ?? v.refusalGrounds,
    notices: noticesFrom(v),
    hasIncident: Boolean(input.hasIncident),
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
