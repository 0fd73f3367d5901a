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
