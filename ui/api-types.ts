/**
 * Shapes of what the server hands the browser: the boot block of every page and the JSON answers
 * of the routes the Lit pages call. Shared by the server routes and the browser bundles, so the
 * client code reads typed data, never `any`.
 */
import type { CabinetView } from '../domain/applications/cabinet';

export type { CabinetView, VisibleDocument, Bilingual } from '../domain/applications/cabinet';

export type PageLang = 'kk' | 'ru';

/** The header: texts already in the page's language (ui/pages.ts), so the bundle looks nothing up. */
export interface ShellData {
  title: string;
  home: string;
  /** The pages the person's roles may open (ui/pages.ts PAGES). */
  nav: { path: string; label: string; current: boolean }[];
  /** Who is signed in: name, roles, unit, BIN; null when no one is. */
  who: string | null;
  /** The other language: where the switch goes and its name in that language. */
  switchTo: { lang: PageLang; href: string; label: string };
  signOut: string | null;
  skipToContent: string;
}

export interface BootSession {
  role: string;
  roles: string[];
  unit?: string;
  bin?: string;
  name?: string;
  userId: string;
  groups: string[];
}

/** The JSON block `#boot` of every page. */
export interface BootData<T = unknown> {
  lang: PageLang;
  session: BootSession | null;
  csrfToken: string | null;
  texts: Record<string, string>;
  shell: ShellData;
  data: T | null;
}

/** A page of a list (ui/paging.ts `pageInfo`). */
export interface PageInfo {
  number: number;
  size: number;
  totalItems: number;
  totalPages: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** GET /api/applications: the applicant's applications, newest first. */
export interface ApplicationListItem {
  applicationNumber: string;
  serviceId: string;
  registeredOn: string;
  receivedAt?: string;
  state?: string;
}
export interface ApplicationList {
  items: ApplicationListItem[];
  page: PageInfo;
}

/** POST /api/applications: what the register issued. */
export interface SubmittedApplication {
  applicationNumber: string;
  registeredOn: string;
}

/** POST /api/complaints. */
export interface SubmittedComplaint {
  registeredOn?: string;
}

/** GET /api/applications/:number. */
export type ApplicationView = CabinetView;

/** A validation error of a field: its dotted path in the submitted JSON, the text in both languages. */
export interface FieldError {
  path: string;
  kk: string;
  ru: string;
}

// ---- operations (ui/routes/operations.ts, GET /api/ops/deadlines in ui/app.ts) --------------------

/** GET /api/ops/applications: one application (a root process instance) as the operator's list shows it. */
export interface OpsApplicationItem {
  processInstanceKey: string;
  applicationNumber: string | null;
  applicant: string | null;
  /** The process's name in the page's language. */
  service: string;
  state: string;
  stateLabel: string;
  /** DD.MM.YYYY HH:MM, Asia/Almaty. */
  started: string;
  ended: string | null;
  /** Names of the steps in progress. */
  steps: string[];
  hasIncident: boolean;
}
export interface OpsApplicationList {
  items: OpsApplicationItem[];
  services: { id: string; name: string }[];
  page: PageInfo;
}

/** GET /api/ops/incidents: an open incident by application and step name. */
export interface OpsIncidentItem {
  incidentKey: string;
  processInstanceKey: string;
  applicationNumber: string | null;
  step: string;
  error: string;
  since: string;
}
export interface OpsIncidentList {
  items: OpsIncidentItem[];
  page: PageInfo;
}

/** GET /api/ops/deadlines: a running term by the engine's clock, counted in working days. */
export interface OpsDeadlineRow {
  processInstanceKey: string;
  processDefinitionId: string;
  applicationNumber?: string;
  /** The step of the `deadline<Step>` variable, e.g. `CompletenessCheck` (named by `step.<Step>`). */
  step: string;
  variable: string;
  dueAt: string;
  remainingWorkingDays: number;
  urgency: 'overdue' | 'last-day' | 'soon' | 'ok';
}
/** A term outside the calendar's years: the application is named, the reason given in both languages. */
export interface OpsUncomputableDeadline {
  processInstanceKey: string;
  processDefinitionId: string;
  applicationNumber?: string;
  step: string;
  dueAt: unknown;
  kk: string;
  ru: string;
}
export interface OpsDeadlineBoard {
  overdue: OpsDeadlineRow[];
  dueToday: OpsDeadlineRow[];
  within2: OpsDeadlineRow[];
  uncomputable: OpsUncomputableDeadline[];
  clock: OpsEngineClock;
  page: PageInfo;
}

/** The editor of a value on the operations instance page (ui/operations/values.ts). */
export type OpsValueEditor =
  | { kind: 'choice'; options: { value: string; label: string }[] }
  | { kind: 'boolean' | 'number' | 'day' | 'instant' | 'text' }
  | { kind: 'fixed'; why: string };

/** The engine's time that decides what is overdue, in Almaty time; `differs` names the server's when they disagree. */
export interface OpsEngineClock {
  at: string;
  /** The server's own time (`ДД.ММ.ГГГГ ЧЧ:ММ`) when the engine's differs from it by a minute or more. */
  wall: string | null;
}

/** GET /api/ops/applications/:key: one application with its diagram, history, values, incidents, terms. */
export interface OpsInstanceView {
  instance: {
    processInstanceKey: string;
    applicationNumber: string | null;
    service: string;
    version: number | null;
    state: string;
    stateLabel: string;
    started: string;
    ended: string | null;
    cancellable: boolean;
  };
  /** The diagram with its names in the page's language. */
  xml: string;
  /** Element ids for the viewer's marks only; never shown as text. */
  diagram: {
    counts: Record<string, { active: number; completed: number; terminated: number; incidents: number }>;
    active: string[];
    visited: string[];
    labels: Record<string, string>;
  };
  activeSteps: string[];
  history: { at: string; when: string; step: string; what: string; who: string; reason?: string }[];
  variables: {
    name: string;
    label: string;
    value: string;
    /** How the operator changes it: a code from its set by name, yes/no, number, day, date and time, text; or why not. */
    editor: OpsValueEditor;
    /** What the editor's field holds at first (a code as the code; a day as ДД.ММ.ГГГГ). */
    input?: string;
    protected: boolean;
    editable: boolean;
  }[];
  incidents: { incidentKey: string; step: string; elementId: string | null; error: string; since: string }[];
  deadlines: {
    step: string;
    due: string;
    dueAt: string;
    urgency: 'overdue' | 'last-day' | 'soon' | 'ok';
    remainingWorkingDays: number;
    breached: boolean;
  }[];
  /** The clock the terms were counted by. */
  clock: OpsEngineClock;
}

/** GET /api/ops/calendar: the kinds of day and the recorded revisions, newest first. */
export interface OpsCalendarView {
  kinds: { id: string; name: string }[];
  revisions: {
    id: string;
    effective: string;
    recorded: string;
    legalBasis: string;
    author: string;
    changes: { date: string; kind: string; name: string }[];
  }[];
}

/** GET /api/ops/mci: the MCI per year (shipped and recorded), newest first, with its legal basis. */
export interface OpsMciView {
  years: { year: number; mci: number; legalBasis: string; recorded: string | null; author: string | null }[];
}

/** A refusal of the calendar or MCI form: each wrong field with its problem in both languages. */
export interface OpsProblem {
  field: string;
  kk: string;
  ru: string;
}

/** GET /api/designer/diagrams/:name: what the designer opens (a draft, else the running version, else the file). */
export interface DesignerOpened {
  name: string;
  xml: string;
  source: 'draft' | 'running' | 'repository';
  savedBy?: string;
  savedAt?: number;
  running: { version: number } | null;
}

/** One element of the designer's diff (ui/designer/diff.ts). */
export interface DesignerDiffElement {
  id: string;
  type: string;
  name?: string;
  before?: string;
}

/** POST /api/designer/diff: the element-level difference from the running version. */
export interface DesignerDiff {
  added: DesignerDiffElement[];
  removed: DesignerDiffElement[];
  changed: DesignerDiffElement[];
  layoutOnly: boolean;
  identical: boolean;
}

/** A problem of POST /api/designer/lint and of a refused deployment. */
export interface DesignerLintProblem {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}

/** POST /api/designer/deploy. */
export interface DesignerDeployed {
  unchanged: boolean;
  processes: Array<{ id: string; version: number; key: string }>;
}

/** GET /api/eds/requests/:number: who signed an applicant's requests. */
export interface EdsRequestSignature {
  kind: string;
  signingTime: string;
  signer: { fullName: string; bin?: string; organization?: string };
  certificate: { serialNumber: string };
}
