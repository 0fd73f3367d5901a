import { stepName } from '../domain/applications/step-names';
import type { DocumentService } from '../adapters/documents';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Clock } from '../domain/clock';
import {
  documentsFrom,
  remainingWorkingDays,
  deadlinesFrom,
  runningDeadlines,
  matchesStep,
  type WorkingDayClock,
} from '../domain/applications/status';
import { NO_WAIT, processVariables, type CamundaPort } from '../intake/camunda-port';
import { elementInstancesOf, rootVariablesOf as rootVariablesOfInstances } from './engine-search';
import {
  ElementId,
  ProcessDefinitionId,
  ProcessDefinitionKey,
  ProcessInstanceKey,
  ScopeKey,
  UserTaskKey,
  type ElementInstanceResult,
} from '@camunda8/orchestration-cluster-api';
import { SERVICE_IDS } from '../domain/services';
import { listQuery, pageInfo, PAGE_SIZE, searchVariableFilter, type ListQuery } from './paging';
import { createDeadlineIndex } from './deadline-index';
import { createInbound } from '../intake/inbound';
import { createIntake, intakeErrorHandler, IntakeError, type Intake } from '../intake/intake';
import { createCabinet } from '../intake/cabinet';
import type { CabinetMessage } from '../domain/applications/cabinet';
import type { ApplicationStore } from '../intake/store';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hasRole, LANG_COOKIE, parseCookies, TASK_ROLES, type Role, type Session } from './auth';
import { createOidcLogin, type OidcSettings } from './auth/oidc';
import {
  createSessionManager,
  createSessionStore,
  installSessions,
  startSession,
  type SessionStore,
} from './auth/sessions';
import { isValidBin, isValidIin } from '../domain/applications/identifiers';
import { appPage, forbiddenPage, homeFor, signInPage } from './pages';
import {
  findResources,
  lintResources,
  processIdOf,
  type FileLintProblem,
  type LintDiagram,
  type LintProblem,
  type ResourceFile,
} from '../deploy/deploy';
import { createDraftStore, type DraftStore } from './designer/drafts';
import { diffDiagrams, type DiagramDiff } from './designer/diff';
import { t } from './i18n';
import { both, t as tr, type MessageKey, type MessageParams } from '../i18n';
import { evaluate } from '@bpmn-io/feelin';
import { LegalAmendmentConflictError, type LegalAmendmentStore } from '../adapters/legal-amendments';
import { LegalAmendmentError } from '../domain/rules/legal-amendments';
import { recordLegalAmendment } from '../operations/legal-amendment';
import { createEds, edsErrorHandler, type EdsConfig } from './eds/routes';
import { securityHeaders } from './auth/headers';
import { mayReadApplicationDocuments } from './auth/units';
import { forbiddenCharacterErrors } from '../intake/text';
import { CalendarRangeError } from '../domain/legal-clock/errors';
import { almatyDay } from '../domain/almaty-time';
import type { BlobStore } from '../adapters/blobs';
import { operationsRoutes, type OperationsStores } from './routes/operations';
import { engineTimeOf, type EngineTime } from './engine-time';
import { engineClockView } from './operations/clock';
import { worklistRoutes } from './routes/worklist';
import { createTaskDraftStore, type TaskDraftStore } from './worklist/drafts';
import type { AuditEvent, AuditTrail } from '../adapters/db/audit';

/** What the web app reads of the document store: one document with its bytes. */
export type DocumentReader = Pick<DocumentService, 'get'>;

export interface AppDeps {
  camunda: CamundaPort;
  /** Starts processes without the client's own retries (config/camunda.ts `processStarter`). */
  processStarter?: Pick<CamundaPort, 'createProcessInstance'>;
  store: ApplicationStore;
  legalClock: WorkingDayClock;
  clock: Clock;
  /** Keys the server-side session ids (UI_SESSION_SECRET). */
  sessionSecret: string;
  /** Staff sign-in through an OpenID Connect provider; without it staff cannot sign in. */
  oidc?: OidcSettings;
  /** Where sessions live; an in-memory store by default (tests). */
  sessionStore?: SessionStore;
  /** A session ends after this long without a request (default 30 minutes)... */
  sessionIdleMs?: number;
  /** ...and this long after sign-in in any case (default 10 hours). */
  sessionAbsoluteMs?: number;
  /** Cookies only over HTTPS: production. */
  secureCookies?: boolean;
  /** The repository root (node_modules for the browser libraries). */
  repoDir: string;
  /** Folder holding the bpmn/ and forms/ the designer starts from (read only); `repoDir` by default. */
  resourcesDir?: string;
  /** Where uploaded attachments go. */
  attachmentsDir?: string;
  /** Where their bytes are kept (object storage); `attachmentsDir` by default. */
  attachmentBlobs?: BlobStore;
  documents?: DocumentReader;
  /** The messages an applicant's personal cabinet holds (gateway); without it no notice is shown. */
  cabinetMessages?: (bin: string) => Promise<CabinetMessage[]>;
  /** The designer's linter (bpmnlint with the repository's configuration). */
  lintDiagram?: LintDiagram;
  /** The designer's drafts (`createDraftStore(UI_DATA_DIR)`); an in-memory store when unset. */
  designerDrafts?: DraftStore;
  /** Operations pages' stores: operators' log, calendar revisions, MCI records (ui/routes/operations.ts). */
  operations?: OperationsStores;
  /** The audit trail (who did what, when, from where) in the application database; unset records nothing. */
  audit?: AuditTrail;
  /** Operators' record of legal amendments (`/api/ops/amendments`); unset answers 503. */
  amendments?: LegalAmendmentStore;
  /** Bearer token of the inbound channel for other state bodies (INBOUND_TOKEN); unset closes it. */
  inboundToken?: string;
  /** Directory of built browser bundles (served at /build). */
  buildDir?: string;
  /** EDS: applicant sign-in, signed e-requests, signed results, public verification (ui/eds). */
  eds?: EdsConfig;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** The engine's time for deadline flags; read from the engine (`GET /v2/clock`) by default. */
  engineTime?: EngineTime;
  /** What clerks typed into tasks' forms (`createTaskDraftStore(UI_DATA_DIR)`); in memory when unset. */
  taskDrafts?: TaskDraftStore;
}

/** An HttpError whose message is the catalogue's text of `key` in both languages. */
function httpError(status: number, key: MessageKey, params?: MessageParams, extra?: Record<string, unknown>) {
  return new HttpError(status, tr('kk', key, params), tr('ru', key, params), extra);
}

/** The format a diagram is uploaded in: a technical name, not a word to translate. */
const BPMN_XML = { format: 'BPMN XML' };

/** Raised by route code to answer with a status and a message in both languages. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kk: string,
    readonly ru: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(ru);
  }
}

/** Form fields that carry a decision (signature, study, hearing): their completion is audited as one. */
const DECISION_FIELDS = ['decision', 'groundsFound', 'refusalGrounds', 'hearingOutcome'] as const;

const forbidden = () => httpError(403, 'error.app.forbidden');
const badQuery = (kk: string, ru: string) => new HttpError(400, kk, ru);

const STYLES = {
  bpmn: [
    '/vendor/bpmn-js/diagram-js.css',
    '/vendor/bpmn-js/bpmn-js.css',
    '/vendor/bpmn-js/bpmn-font/css/bpmn.css',
  ],
  form: ['/vendor/form-js/form-js.css'],
  formEditor: ['/vendor/form-js/form-js.css', '/vendor/form-js/form-js-editor.css'],
  modeler: [
    '/vendor/camunda-bpmn-js/assets/camunda-cloud-modeler.css',
    '/vendor/bpmn-js-bpmnlint/css/bpmn-js-bpmnlint.css',
  ],
};

/** The element diff, or an empty one when the running version cannot be read. */
async function safeDiff(before: string | undefined, after: string): Promise<DiagramDiff> {
  try {
    return await diffDiagrams(before, after);
  } catch {
    throw httpError(400, 'error.app.bpmnUnreadable', BPMN_XML);
  }
}

export function createApp(deps: AppDeps): express.Express {
  const { camunda, store, legalClock, clock } = deps;
  const log = deps.log ?? (() => {});
  const app = express();
  app.disable('x-powered-by');
  const cabinet = createCabinet({
    camunda,
    legalClock,
    clock,
    messages: deps.cabinetMessages,
    document: async (id) => (await deps.documents?.get(id).catch(() => null))?.meta ?? null,
    log,
  });
  // CSP (scripts only from this app), no framing, no sniffing, no full referrer (ui/auth/headers.ts).
  app.use(
    securityHeaders({
      // NCALayer on the signer's own computer: the configured WebSocket, and the HTTPS API on
      // 127.0.0.1:24680 that the NCALayer client library asks first (its KMD API).
      connectTo: deps.eds ? [deps.eds.ncalayerUrl, 'https://127.0.0.1:24680/'] : [],
      formTargets: deps.oidc ? [deps.oidc.issuer] : [],
    }),
  );
  const intake: Intake = createIntake({
    camunda,
    starter: deps.processStarter,
    store,
    legalClock,
    clock,
    attachmentsDir: deps.attachmentsDir,
    attachmentBlobs: deps.attachmentBlobs,
    cabinet,
    log,
  });
  // The running web app (ui/start.ts) starts the resumption of applications registered while the engine was down.
  app.locals.intake = intake;

  const nodeModules = path.join(deps.repoDir, 'node_modules');
  app.use('/static', express.static(path.join(__dirname, 'public'), { index: false }));
  app.use(
    '/build',
    express.static(deps.buildDir ?? path.join(__dirname, 'public', 'build'), { index: false }),
  );
  app.use('/vendor/bpmn-js', express.static(path.join(nodeModules, 'bpmn-js', 'dist', 'assets')));
  app.use('/vendor/form-js', express.static(path.join(nodeModules, '@bpmn-io', 'form-js', 'dist', 'assets')));
  app.use('/vendor/camunda-bpmn-js', express.static(path.join(nodeModules, 'camunda-bpmn-js', 'dist')));
  app.use(
    '/vendor/bpmn-js-bpmnlint',
    express.static(path.join(nodeModules, 'bpmn-js-bpmnlint', 'dist', 'assets')),
  );

  // Other state bodies' systems: bearer token, no session, no cookies (hence before both).
  app.use('/inbound', createInbound({ camunda, store, clock, log }).router(deps.inboundToken));

  app.use(express.json({ limit: '5mb' }));
  // Generous enough that an over-long field is refused by its own check, naming the field.
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  const sessions = createSessionManager({
    store: deps.sessionStore ?? createSessionStore(':memory:'),
    clock,
    secret: deps.sessionSecret,
    idleMs: deps.sessionIdleMs ?? 30 * 60_000,
    absoluteMs: deps.sessionAbsoluteMs ?? 10 * 3600_000,
    secureCookies: deps.secureCookies ?? false,
  });
  installSessions(app, sessions);
  app.use(sessions.middleware);
  // Every POST/PUT/PATCH/DELETE of a session carries the session's CSRF token (docs/decisions/0003-staff-sign-in-oidc.md).
  app.use(sessions.csrf);

  // Liveness for the orchestrator's probes: the process answers and its store reads.
  app.get('/health', async (_req, res) => {
    try {
      await store.get('');
      res.json({ status: 'UP' });
    } catch (err) {
      log('health check failed', { error: err instanceof Error ? err.message : String(err) });
      res.status(503).json({ status: 'DOWN' });
    }
  });

  /**
   * Records who did what, when and from where. An action already done in the engine stands when
   * the trail cannot be written (the failure is logged); a `required` one (reading a document) is
   * refused instead, so nothing is read without a trace.
   */
  async function audit(
    req: Request,
    event: Omit<AuditEvent, 'at' | 'userId' | 'role' | 'ip'>,
    opts: { required?: boolean; publicPage?: boolean } = {},
  ): Promise<void> {
    if (!deps.audit || (!req.session && !opts.publicPage)) return;
    try {
      await deps.audit.record({
        ...event,
        at: clock.now().toISOString(),
        // A public page's visitor without a session is known by their address only.
        userId: req.session?.userId ?? 'public',
        role: req.session?.role ?? 'public',
        ip: req.ip,
      });
    } catch (err) {
      log('audit event not recorded', { action: event.action, error: (err as Error).message });
      if (opts.required) throw httpError(503, 'error.app.serviceUnavailable');
    }
  }
  /** The application number of a task's process, for the trail (one variable search). */
  const applicationOf = (task: { processInstanceKey?: string }) =>
    task.processInstanceKey
      ? rootVariable(String(task.processInstanceKey), 'applicationNumber').catch(() => undefined)
      : Promise.resolve(undefined);

  const eds = deps.eds
    ? createEds({
        ...deps.eds,
        camunda,
        documents: deps.documents,
        clock,
        startSession,
        onSigned: (req, signed) =>
          audit(req, {
            action: 'signature',
            taskKey: signed.taskKey,
            applicationNumber: signed.applicationNumber,
            detail: { documents: signed.documentIds },
          }),
        onVerifyDownload: (req, signed) =>
          audit(
            req,
            {
              action: 'document.download',
              documentId: signed.documentId,
              applicationNumber: signed.applicationNumber,
              detail: { page: 'verify', sha256: signed.sha256 },
            },
            { required: true, publicPage: true },
          ),
      })
    : undefined;
  if (eds) app.use(eds.router);
  else app.get('/api/eds/config', (_req, res) => res.json({ enabled: false }));

  // ---- sign-in -------------------------------------------------------------------------------
  const oidc = deps.oidc ? createOidcLogin(deps.oidc, sessions, log) : undefined;
  if (oidc) app.use(oidc.router);
  /** Double-submit token of the applicant sign-in form (login CSRF); the cookie goes to /signin only. */
  const SIGNIN_COOKIE = 'kzp_signin';
  const SIGNIN_NAME_MAX = 120;
  const signInForm = (req: Request, res: Response, status = 200, error?: string) => {
    const token = randomBytes(18).toString('base64url');
    res.cookie(SIGNIN_COOKIE, token, { ...sessions.cookieOptions(10 * 60_000), path: '/signin' });
    res
      .status(status)
      .type('html')
      .send(signInPage(req, { error, token, staff: Boolean(oidc), eds: Boolean(eds) }));
  };
  app.get('/', (req, res) => {
    if (req.session) return res.redirect(homeFor(req.session));
    signInForm(req, res);
  });
  app.get('/lang', (req, res) => {
    const to = req.query.to === 'ru' ? 'ru' : 'kk';
    const back = localPath(req.query.back);
    res.cookie(LANG_COOKIE, to, { sameSite: 'lax', path: '/', maxAge: 365 * 86400_000 });
    res.redirect(back);
  });
  // Staff sign in through the identity provider only. Until the EDS sign-in replaces it, an
  // applicant names the company's BIN here and sees only that BIN's applications.
  app.post('/signin', async (req, res) => {
    const lang = req.lang;
    const given = Buffer.from(String(req.body?._signin ?? ''));
    const expected = Buffer.from(parseCookies(req.headers.cookie)[SIGNIN_COOKIE] ?? '');
    if (!expected.length || given.length !== expected.length || !timingSafeEqual(given, expected))
      return signInForm(req, res, 403, t(lang, 'signInExpired'));
    // With EDS on, an applicant's identity comes only from their certificate, never from a typed number.
    if (eds) return res.redirect(303, '/signin/eds');
    const bin = String(req.body?.bin ?? '').trim();
    const name = String(req.body?.name ?? '').trim();
    if (name.length > SIGNIN_NAME_MAX || forbiddenCharacterErrors(name).length)
      return signInForm(
        req,
        res,
        400,
        t(lang, name.length > SIGNIN_NAME_MAX ? 'nameTooLong' : 'nameForbidden'),
      );
    // An individual entrepreneur acts under their IIN (Order 138 §3 part one), a company under its BIN.
    const isIin = isValidIin(bin);
    if (!isValidBin(bin) && !isIin) {
      return signInForm(req, res, 400, t(lang, 'error.app.iinBinInvalid'));
    }
    res.clearCookie(SIGNIN_COOKIE, { ...sessions.cookieOptions(), path: '/signin' });
    const session = await startSession(res, {
      kind: 'applicant',
      iin: isIin ? bin : '',
      bin,
      name,
    });
    res.redirect(homeFor(session));
  });
  app.post('/signout', async (req, res) => {
    const ended = await sessions.end(req, res);
    // Staff also leave the provider's session (RP-initiated logout), so "sign in" asks again.
    const atProvider =
      ended?.identity.kind === 'staff' && oidc ? await oidc.endSessionUrl(ended.idToken) : undefined;
    res.redirect(atProvider ?? '/');
  });

  /** Pages: sign in first; other roles get a 403 page. */
  const page = (roles: readonly Role[]) => (req: Request, res: Response, next: NextFunction) => {
    if (!req.session) return res.redirect('/');
    if (!hasRole(req.session, roles)) return res.status(403).type('html').send(forbiddenPage(req));
    next();
  };
  /** APIs: 401 without a session, 403 for other roles. */
  const api = (roles: readonly Role[]) => (req: Request, res: Response, next: NextFunction) => {
    if (!req.session)
      return res
        .status(401)
        .json({ error: { code: 'UNAUTHENTICATED', ...both('error.app.signInRequired') } });
    if (!hasRole(req.session, roles))
      return res.status(403).json({ error: { code: 'FORBIDDEN', ...both('error.app.forbidden') } });
    next();
  };
  const session = (req: Request): Session => req.session!;

  app.get('/worklist', page(TASK_ROLES), (req, res) =>
    res.type('html').send(appPage(req, 'nav.worklist', 'worklist', [...STYLES.form, '/static/worklist.css'])),
  );
  app.get('/portal', page(['applicant']), (req, res) =>
    res.type('html').send(appPage(req, 'nav.portal', 'portal')),
  );
  app.get('/designer', page(['designer']), (req, res) =>
    res.type('html').send(appPage(req, 'nav.designer', 'designer', STYLES.modeler)),
  );
  app.get('/designer/forms', page(['designer']), (req, res) =>
    res.type('html').send(appPage(req, 'nav.forms', 'forms', STYLES.formEditor)),
  );

  // ---- applicant portal (intake) -------------------------------------------------------------
  const applicantOnly = api(['applicant']);
  app.get('/api/applications', applicantOnly, async (req, res) => {
    const q = listQuery(req, badQuery);
    const r = await store.pageByBin(session(req).bin ?? '', {
      offset: q.from,
      limit: PAGE_SIZE,
      serviceId: q.service,
      number: q.search,
    });
    res.json({ items: r.items.map(({ payload: _p, ...a }) => a), page: pageInfo(q, r.total) });
  });
  app.use('/api', (req, res, next) => {
    // Intake routes are the applicant's; everything else under /api has its own guard below.
    const isIntake = req.path.startsWith('/applications') || req.path.startsWith('/complaints');
    return isIntake ? applicantOnly(req, res, next) : next();
  });
  app.use(
    '/api',
    intake.router({
      mayActFor: (req, bin) => req.session?.role === 'applicant' && req.session.bin === bin,
      verifySigned: eds?.verifySigned,
    }),
  );

  // ---- documents -----------------------------------------------------------------------------
  app.get('/api/documents/:id', api([...TASK_ROLES, 'operator', 'applicant']), async (req, res) => {
    const doc = await deps.documents?.get(String(req.params.id)).catch(() => null);
    if (!doc) throw httpError(404, 'error.app.documentNotFound');
    const s = session(req);
    const owner = doc.meta.applicationNumber ? await store.get(doc.meta.applicationNumber) : undefined;
    if (s.role === 'applicant') {
      // Only what was sent to the applicant's cabinet: never a draft awaiting the head's signature.
      if (
        !owner ||
        owner.applicantBin !== s.bin ||
        !(await cabinet.mayDownload(owner, String(req.params.id)))
      )
        throw httpError(404, 'error.app.documentNotFound');
    } else if (
      !mayReadApplicationDocuments(
        s,
        doc.meta.applicationNumber,
        owner?.serviceId ?? (await serviceOfApplication(doc.meta.applicationNumber)),
      )
    ) {
      // A clerk of one unit does not read another unit's applications (fire ≠ police ≠ ministry).
      throw httpError(404, 'error.app.documentNotFound');
    }
    await audit(
      req,
      {
        action: req.query.download ? 'document.download' : 'document.view',
        documentId: String(req.params.id),
        applicationNumber: doc.meta.applicationNumber,
      },
      { required: true },
    );
    // Once signed, the signed PDF is the document.
    const signed = await eds?.signedPdf(String(req.params.id));
    if (signed) doc.bytes = signed.bytes;
    const fileName = doc.meta.fileName ?? `${req.params.id}.pdf`;
    res.setHeader('Content-Type', doc.meta.contentType ?? 'application/pdf');
    res.setHeader(
      'Content-Disposition',
      `${req.query.download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(Buffer.from(doc.bytes));
  });

  // ---- clerk worklist ------------------------------------------------------------------------
  /** Root variables of a page of process instances: one search with `$in` on keys and names. */
  const rootVariablesOf = (keys: string[], names: string[] | undefined) =>
    rootVariablesOfInstances(camunda, keys, names);

  const taskRoles = api(TASK_ROLES);
  const engineTime = deps.engineTime ?? engineTimeOf(camunda, clock, log);
  app.use(
    worklistRoutes({
      camunda,
      legalClock,
      engineTime,
      drafts: deps.taskDrafts ?? createTaskDraftStore(':memory:'),
      guard: taskRoles,
      now: () => clock.now(),
    }),
  );

  interface TaskItem {
    userTaskKey: string;
    name?: string;
    elementId?: string;
    processDefinitionId?: string;
    processInstanceKey?: string;
    assignee?: string;
    candidateGroups?: string[];
    dueDate?: string;
    creationDate?: string;
    formKey?: string;
  }

  /** Where a task action happened, for the audit trail. */
  const taskTrail = async (task: TaskItem) => ({
    taskKey: String(task.userTaskKey),
    applicationNumber: await applicationOf(task),
    detail: { elementId: task.elementId, processInstanceKey: String(task.processInstanceKey ?? '') },
  });
  const mayWork = (s: Session, task: TaskItem) =>
    (task.candidateGroups ?? []).some((g) => s.groups.includes(g));

  async function loadTask(req: Request): Promise<TaskItem> {
    const key = String(req.params.key);
    if (!UserTaskKey.isValid(key)) throw httpError(404, 'error.app.taskNotFound');
    const task: TaskItem = await camunda
      .getUserTask({ userTaskKey: UserTaskKey.assumeExists(key) }, NO_WAIT)
      .catch((err: unknown) => {
        throw notFoundOr(err, tr('kk', 'error.app.taskNotFound'), tr('ru', 'error.app.taskNotFound'));
      });
    if (!mayWork(session(req), task)) throw forbidden();
    return task;
  }

  /** A root variable of a process instance (called processes carry the application's too). */
  async function rootVariable(processInstanceKey: string, name: string): Promise<string | undefined> {
    const r = await camunda.searchVariables(
      {
        filter: {
          processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey),
          scopeKey: ScopeKey.assumeExists(processInstanceKey),
          name,
        },
        page: { limit: 1 },
      },
      NO_WAIT,
    );
    const raw = r.items?.[0]?.value;
    return raw ? String(JSON.parse(raw)) : undefined;
  }

  /** The service of an application registered outside the portal's store (office), from its process. */
  async function serviceOfApplication(applicationNumber: string | undefined): Promise<string | undefined> {
    if (!applicationNumber) return undefined;
    const found = await camunda
      .searchProcessInstances(
        {
          filter: { variables: [{ name: 'applicationNumber', value: JSON.stringify(applicationNumber) }] },
          page: { limit: 1 },
        },
        NO_WAIT,
      )
      .then((r) => r.items[0])
      .catch(() => undefined);
    if (!found) return undefined;
    return (await rootVariable(String(found.processInstanceKey), 'serviceId')) ?? found.processDefinitionId;
  }

  app.get('/api/tasks', taskRoles, async (req, res) => {
    const now = await engineTime();
    const s = session(req);
    const q = listQuery(req, badQuery);
    // One engine query: the session's groups, the filters and the page; the engine counts the rest.
    const processInstanceVariables = [
      ...(q.service ? [{ name: 'serviceId', value: JSON.stringify(q.service) }] : []),
      ...searchVariableFilter(q.search),
    ];
    const result = await camunda.searchUserTasks(
      {
        filter: {
          state: 'CREATED',
          candidateGroup: { $in: s.groups },
          ...(q.stage ? { elementId: ElementId.assumeExists(q.stage) } : {}),
          ...(processInstanceVariables.length ? { processInstanceVariables } : {}),
        },
        sort: [
          { field: 'dueDate', order: 'ASC' },
          { field: 'creationDate', order: 'ASC' },
        ],
        page: { from: q.from, limit: PAGE_SIZE },
      },
      NO_WAIT,
    );
    const tasks = s.groups.length ? (result.items ?? []) : [];
    // Then one batched read of the page's application variables, never one per row.
    const vars = await rootVariablesOf(tasks.map((x) => String(x.processInstanceKey ?? '')).filter(Boolean), [
      'applicationNumber',
      'serviceId',
    ]);
    const items = tasks.map((task) => {
      const due = task.dueDate ? remainingWorkingDays(legalClock, now, new Date(task.dueDate)) : undefined;
      const v = vars.get(String(task.processInstanceKey)) ?? {};
      return {
        ...task,
        // A task of a shared sub-process (hearing, signature) belongs to the service of its application.
        processDefinitionId: (v.serviceId as string | undefined) || task.processDefinitionId,
        userTaskKey: String(task.userTaskKey),
        applicationNumber: v.applicationNumber as string | undefined,
        remainingWorkingDays: due?.remaining ?? null,
        urgency: due?.urgency ?? 'ok',
      };
    });
    res.json({
      items,
      services: [...SERVICE_IDS],
      stages: [...new Set([...(q.stage ? [q.stage] : []), ...tasks.map((x) => x.elementId)])],
      page: pageInfo(q, s.groups.length ? Number(result.page?.totalItems ?? 0) : 0),
    });
  });

  app.get('/api/tasks/:key', taskRoles, async (req, res) => {
    const task = await loadTask(req);
    const key = String(task.processInstanceKey);
    const [variables, form] = await Promise.all([
      processVariables(camunda, key),
      camunda
        .getUserTaskForm({ userTaskKey: UserTaskKey.assumeExists(task.userTaskKey) }, NO_WAIT)
        .catch(() => undefined),
    ]);
    const schema = form?.schema
      ? typeof form.schema === 'string'
        ? JSON.parse(form.schema)
        : form.schema
      : null;
    const due = task.dueDate
      ? remainingWorkingDays(legalClock, await engineTime(), new Date(task.dueDate))
      : undefined;
    res.json({
      task: {
        ...task,
        userTaskKey: String(task.userTaskKey),
        remainingWorkingDays: due?.remaining ?? null,
        urgency: due?.urgency ?? 'ok',
      },
      form: form && schema ? { formId: form.formId, schema } : null,
      // The head signs under the signed-in name: the signature form's signerName is prefilled, not retyped.
      variables:
        task.elementId === 'Task_SignResult' && !variables.signerName && session(req).name
          ? { ...variables, signerName: session(req).name }
          : variables,
      documents: documentsFrom(variables),
    });
  });

  app.post('/api/tasks/:key/claim', taskRoles, async (req, res) => {
    const task = await loadTask(req);
    const me = session(req).userId;
    if (task.assignee && task.assignee !== me)
      throw httpError(409, 'error.app.taskClaimed', { assignee: task.assignee });
    await camunda.assignUserTask({
      userTaskKey: UserTaskKey.assumeExists(task.userTaskKey),
      assignee: me,
      allowOverride: false,
    });
    await audit(req, { action: 'task.claim', ...(await taskTrail(task)) });
    res.json({ userTaskKey: String(task.userTaskKey), assignee: me });
  });

  app.post('/api/tasks/:key/release', taskRoles, async (req, res) => {
    const task = await loadTask(req);
    if (task.assignee !== session(req).userId) throw httpError(409, 'error.app.taskNotYours');
    await camunda.unassignUserTask({ userTaskKey: UserTaskKey.assumeExists(task.userTaskKey) });
    await audit(req, { action: 'task.release', ...(await taskTrail(task)) });
    res.json({ userTaskKey: String(task.userTaskKey), assignee: null });
  });

  app.post('/api/tasks/:key/complete', taskRoles, async (req, res) => {
    const task = await loadTask(req);
    const me = session(req).userId;
    if (task.assignee && task.assignee !== me)
      throw httpError(409, 'error.app.taskClaimed', { assignee: task.assignee });
    let variables = (req.body?.variables ?? {}) as Record<string, unknown>;
    if (typeof variables !== 'object' || Array.isArray(variables))
      throw httpError(400, 'error.app.variablesNotObject');
    const form = await camunda
      .getUserTaskForm({ userTaskKey: UserTaskKey.assumeExists(task.userTaskKey) }, NO_WAIT)
      .catch(() => undefined);
    const schema = form?.schema
      ? typeof form.schema === 'string'
        ? JSON.parse(form.schema)
        : form.schema
      : null;
    const context = schema ? await processVariables(camunda, String(task.processInstanceKey)) : {};
    // Completion writes only the form's own fields: never the application number, the applicant or
    // a deadline that a clerk could otherwise overwrite with any variable of the process.
    const foreign = schema ? foreignFields(schema, variables) : [];
    if (foreign.length) return res.status(400).json({ errors: foreign });
    // NUL and direction controls in what a clerk types are refused, each field named.
    const forbiddenChars = forbiddenCharacterErrors(variables);
    if (forbiddenChars.length) return res.status(400).json({ errors: forbiddenChars });
    const errors = schema ? requiredFieldErrors(schema, variables, context) : [];
    if (errors.length) return res.status(400).json({ errors });
    if (eds && task.elementId === 'Task_SignResult' && variables.decision === 'approve') {
      const signature = await eds.requireSignedResult(session(req), String(task.processInstanceKey));
      variables = { ...variables, ...signature, resultSignedWithEds: true };
    }
    if (!task.assignee)
      await camunda.assignUserTask({
        userTaskKey: UserTaskKey.assumeExists(task.userTaskKey),
        assignee: me,
        allowOverride: false,
      });
    await camunda.completeUserTask({ userTaskKey: UserTaskKey.assumeExists(task.userTaskKey), variables });
    log('user task completed', { userTaskKey: String(task.userTaskKey), elementId: task.elementId, by: me });
    const trail = await taskTrail(task);
    const decided = DECISION_FIELDS.filter((f) => f in variables);
    await audit(
      req,
      decided.length
        ? {
            action: 'decision',
            ...trail,
            detail: { ...trail.detail, ...Object.fromEntries(decided.map((f) => [f, variables[f]])) },
          }
        : { action: 'task.complete', ...trail },
    );
    res.json({ userTaskKey: String(task.userTaskKey), completed: true });
  });

  // ---- operations ----------------------------------------------------------------------------
  app.use(
    operationsRoutes({
      ...deps.operations,
      camunda,
      legalClock,
      clock,
      engineTime,
      log,
      styles: STYLES.bpmn,
      trail: (req, event) => audit(req, event),
    }),
  );
  const operator = api(['operator']);

  /** One page of running instances (oldest first), filtered in the engine query. */
  async function runningInstances(q: ListQuery) {
    const variables = searchVariableFilter(q.search);
    const r = await camunda.searchProcessInstances(
      {
        filter: {
          state: 'ACTIVE',
          ...(q.service ? { processDefinitionId: ProcessDefinitionId.assumeExists(q.service) } : {}),
          ...(variables.length ? { variables } : {}),
        },
        sort: [{ field: 'startDate', order: 'ASC' }],
        page: { from: q.from, limit: PAGE_SIZE },
      },
      NO_WAIT,
    );
    const items = (r.items ?? []).map((i) => ({
      ...i,
      processInstanceKey: String(i.processInstanceKey),
      processDefinitionKey: String(i.processDefinitionKey),
    }));
    return { items, total: Number(r.page?.totalItems ?? items.length) };
  }

  /**
   * The active steps of a page of instances (steps, not the process or its scopes). The 8.8 API's
   * element-instance filter takes one process instance key: one search per instance, a few at once
   * (ui/engine-search.ts), so a page of 50 costs at most 50 of them.
   */
  async function activeElementsByInstance(keys: string[]): Promise<Map<string, ElementInstanceResult[]>> {
    const out = new Map<string, ElementInstanceResult[]>();
    for (const e of await elementInstancesOf(camunda, keys, { state: 'ACTIVE' })) {
      if (e.type === 'PROCESS' || e.type === 'SUB_PROCESS' || e.type === 'MULTI_INSTANCE_BODY') continue;
      const k = String(e.processInstanceKey);
      out.set(k, [...(out.get(k) ?? []), e]);
    }
    return out;
  }

  app.get('/api/ops/instances', operator, async (req, res) => {
    const q = listQuery(req, badQuery);
    const page = await runningInstances(q);
    const keys = page.items.map((i) => i.processInstanceKey);
    const [elements, vars] = await Promise.all([
      activeElementsByInstance(keys),
      rootVariablesOf(keys, ['applicationNumber']),
    ]);
    const items = page.items.map((i) => ({
      ...i,
      applicationNumber: vars.get(i.processInstanceKey)?.applicationNumber as string | undefined,
      stages: (elements.get(i.processInstanceKey) ?? []).map((e) => ({
        elementId: e.elementId,
        name: stepName(e.elementId, req.lang, e.elementName),
      })),
    }));
    // Counts per service and stage of this page: the operator's first question is "where is it stuck".
    const counts: Record<string, Record<string, number>> = {};
    for (const i of items) {
      const perService = (counts[i.processDefinitionId] ??= {});
      for (const s of i.stages.length ? i.stages : [{ elementId: '-', name: '-' }])
        perService[s.name] = (perService[s.name] ?? 0) + 1;
    }
    res.json({ items, counts, page: pageInfo(q, page.total) });
  });

  app.get('/api/ops/instances/:key', operator, async (req, res) => {
    const raw = String(req.params.key);
    if (!ProcessInstanceKey.isValid(raw)) throw httpError(404, 'error.app.processNotFound');
    const key = ProcessInstanceKey.assumeExists(raw);
    const instance = await camunda
      .getProcessInstance({ processInstanceKey: key }, NO_WAIT)
      .catch((err: unknown) => {
        throw notFoundOr(err, tr('kk', 'error.app.processNotFound'), tr('ru', 'error.app.processNotFound'));
      });
    const [xml, elements, incidents, variables] = await Promise.all([
      camunda.getProcessDefinitionXml(
        { processDefinitionKey: ProcessDefinitionKey.assumeExists(instance.processDefinitionKey) },
        NO_WAIT,
      ),
      camunda.searchElementInstances({ filter: { processInstanceKey: key }, page: { limit: 1000 } }, NO_WAIT),
      camunda.searchIncidents(
        { filter: { processInstanceKey: key, state: 'ACTIVE' }, page: { limit: 100 } },
        NO_WAIT,
      ),
      processVariables(camunda, key),
    ]);
    const active = (elements.items ?? []).filter((e) => e.state === 'ACTIVE');
    const deadlines = deadlinesFrom(variables, legalClock, clock.now());
    res.json({
      instance: { ...instance, processInstanceKey: String(instance.processInstanceKey) },
      xml: typeof xml === 'string' ? xml : String(xml),
      elements: elements.items ?? [],
      active: active.map((e) => e.elementId),
      incidents: incidents.items ?? [],
      variables,
      deadlines,
      breached: deadlines
        .filter((d) => d.urgency === 'overdue' && active.some((e) => matchesStep(e.elementId, d.step)))
        .map((d) => d.step),
    });
  });

  /**
   * An operator records a legal amendment of the fire-automation permit Rules (act, its date, its
   * effective date, what changed); its rules-change notice starts once (Order 138 §8, spec C12).
   */
  app.post('/api/ops/amendments', operator, async (req, res) => {
    if (!deps.amendments) throw httpError(503, 'error.app.amendmentsNotConnected');
    const body = { ...((req.body ?? {}) as Record<string, unknown>), author: session(req).userId };
    try {
      const outcome = await recordLegalAmendment(
        { store: deps.amendments, camunda: camunda, now: () => clock.now() },
        body,
      );
      log('legal amendment recorded', {
        amendmentId: outcome.amendment.id,
        by: session(req).userId,
        noticeStarted: outcome.noticeStarted,
      });
      await audit(req, {
        action: 'operator.amendment',
        detail: {
          amendmentId: outcome.amendment.id,
          created: outcome.created,
          noticeStarted: outcome.noticeStarted,
        },
      });
      res.status(outcome.created ? 201 : 200).json(outcome);
    } catch (err) {
      if (err instanceof LegalAmendmentError)
        throw httpError(400, 'error.app.amendmentInvalid', undefined, {
          errors: err.problems,
        });
      if (err instanceof LegalAmendmentConflictError)
        throw httpError(409, 'error.app.amendmentRecordedOtherwise', { id: err.stored.id });
      throw err;
    }
  });

  // Running applications by their nearest running term; a read finding it over a minute old renews it.
  const deadlineIndex = createDeadlineIndex({
    running: (from) => runningInstances({ page: 1, from }),
    activeElements: activeElementsByInstance,
    variables: (keys) => rootVariablesOf(keys, undefined),
  });
  app.get('/api/ops/deadlines', operator, async (req, res) => {
    // The engine's clock decides what is overdue, as its timers do; the board shows which time that is.
    const now = await engineTime();
    const q = listQuery(req, badQuery);
    // Nearest term first (overdue first) from the board's index; a text search reads the engine's list.
    const fromIndex = !q.search;
    const page = fromIndex
      ? await deadlineIndex.page(q.from, PAGE_SIZE, q.service)
      : await runningInstances(q);
    const keys = page.items.map((i) => i.processInstanceKey);
    const [elements, vars] = await Promise.all([
      activeElementsByInstance(keys),
      rootVariablesOf(keys, undefined),
    ]);
    const rows: Record<string, unknown>[] = [];
    const uncomputable: Record<string, unknown>[] = [];
    for (const i of page.items) {
      // An application that ended since the index was built has no active step: it is not shown.
      if (fromIndex && !elements.has(i.processInstanceKey)) continue;
      const variables = vars.get(i.processInstanceKey) ?? {};
      const active = elements.get(i.processInstanceKey) ?? [];
      const of = {
        processInstanceKey: i.processInstanceKey,
        processDefinitionId: i.processDefinitionId,
        applicationNumber: variables.applicationNumber,
      };
      // One term at a time: a term outside the calendar's years marks that application only.
      const computed: ReturnType<typeof deadlinesFrom> = [];
      for (const [name, value] of Object.entries(variables)) {
        if (!/^deadline[A-Z]\w*$/.test(name)) continue;
        try {
          computed.push(...deadlinesFrom({ [name]: value }, legalClock, now));
        } catch (err) {
          if (!(err instanceof CalendarRangeError)) throw err;
          const year = almatyDay(new Date(String(value))).slice(0, 4);
          uncomputable.push({
            ...of,
            step: name.slice('deadline'.length),
            dueAt: value,
            ...both('error.app.calendarMissing', { year }),
          });
        }
      }
      for (const d of runningDeadlines(computed, active)) rows.push({ ...d, ...of });
    }
    const by = (u: string) => rows.filter((r) => r.urgency === u);
    res.json({
      overdue: by('overdue'),
      dueToday: by('last-day'),
      within2: by('soon'),
      uncomputable,
      clock: engineClockView(now, clock.now()),
      page: pageInfo(q, page.total),
    });
  });

  // ---- designer ------------------------------------------------------------------------------
  // The repository's bpmn/ and forms/ are read, never written: drafts live in the web app's store,
  // and a deployment sends only the open diagram (docs/decisions/0007-diagrams-source-of-truth.md).
  const designer = api(['designer']);
  const resourcesDir = deps.resourcesDir ?? deps.repoDir;
  const bpmnDir = path.join(resourcesDir, 'bpmn');
  const formsDir = path.join(resourcesDir, 'forms');
  const drafts = deps.designerDrafts ?? createDraftStore(':memory:');
  const safeName = (name: string, ext: string) => {
    if (!new RegExp(`^[a-z0-9][a-z0-9._-]*\\${ext}$`, 'i').test(name) || name.includes('..')) {
      throw httpError(400, 'error.app.fileNameInvalid');
    }
    return name;
  };
  const listDir = async (dir: string, ext: string) =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(ext)).sort();
  const readOrUndefined = (file: string) => readFile(file, 'utf8').catch(() => undefined);
  const notFound = () => httpError(404, 'error.app.fileNotFound');
  const bpmnXml = (xml: unknown): string => {
    if (typeof xml !== 'string' || (!xml.includes('<bpmn:definitions') && !xml.includes('<definitions'))) {
      throw httpError(400, 'error.app.bpmnRequired', BPMN_XML);
    }
    return xml;
  };
  /** The latest version of a process on the engine, with its XML; undefined when none is deployed. */
  async function running(processId: string | undefined) {
    if (!processId) return undefined;
    const found = await camunda.searchProcessDefinitions(
      { filter: { processDefinitionId: ProcessDefinitionId.assumeExists(processId), isLatestVersion: true } },
      NO_WAIT,
    );
    const latest = found.items?.[0];
    if (!latest?.processDefinitionKey) return undefined;
    const xml = String(
      await camunda.getProcessDefinitionXml({ processDefinitionKey: latest.processDefinitionKey }, NO_WAIT),
    );
    return { version: latest.version, key: String(latest.processDefinitionKey), xml };
  }
  /** What the designer opens: the latest draft, else the running version, else the repository file. */
  async function openDiagram(name: string) {
    const repository = await readOrUndefined(path.join(bpmnDir, name));
    const draft = await drafts.latest('bpmn', name);
    const live = await running(processIdOf(draft?.content ?? repository ?? ''));
    if (draft)
      return { source: 'draft', xml: draft.content, savedBy: draft.savedBy, savedAt: draft.savedAt, live };
    if (live) return { source: 'running', xml: live.xml, live };
    if (repository !== undefined) return { source: 'repository', xml: repository, live };
    throw notFound();
  }
  /**
   * The designer's deploy gate, the same as the engine's and `npm start`'s: the repository's bpmnlint
   * configuration (bpmn/.bpmnlintrc; its errors block, its advice warns) and the linked forms.
   */
  async function gate(name: string, xml: string): Promise<FileLintProblem[]> {
    const forms = (await findResources(resourcesDir)).filter((r) => r.kind === 'form');
    const diagram: ResourceFile = { path: `bpmn/${name}`, kind: 'bpmn', content: xml };
    const problems = await lintResources([diagram, ...forms], deps.lintDiagram);
    return problems.filter((p) => p.file === diagram.path);
  }

  app.get('/api/designer/diagrams', designer, async (_req, res) => {
    const names = new Set([...(await listDir(bpmnDir, '.bpmn')), ...(await drafts.names('bpmn'))]);
    res.json({ items: [...names].sort() });
  });
  app.get('/api/designer/diagrams/:name', designer, async (req, res) => {
    const name = safeName(String(req.params.name), '.bpmn');
    const { live, ...opened } = await openDiagram(name);
    res.json({ name, ...opened, running: live ? { version: live.version } : null });
  });
  /** Saves a draft in the web app's store; answers the lint of what was saved. */
  app.put(
    '/api/designer/diagrams/:name',
    designer,
    express.text({ type: ['application/xml', 'text/xml', 'text/plain'], limit: '5mb' }),
    async (req, res) => {
      const name = safeName(String(req.params.name), '.bpmn');
      const xml = bpmnXml(req.body);
      const savedAt = clock.now().getTime();
      await drafts.save({ kind: 'bpmn', name, content: xml, savedBy: session(req).userId, savedAt });
      res.json({ saved: name, savedAt, problems: await gate(name, xml) });
    },
  );
  app.post(
    '/api/designer/lint',
    designer,
    express.text({ type: ['application/xml', 'text/xml', 'text/plain'], limit: '5mb' }),
    async (req, res) => {
      if (!deps.lintDiagram) return res.json({ problems: [], available: false });
      let problems: LintProblem[];
      try {
        problems = await deps.lintDiagram(String(req.body ?? ''));
      } catch (err) {
        problems = [{ elementId: '', rule: 'parse', message: (err as Error).message, severity: 'error' }];
      }
      res.json({ problems, available: true });
    },
  );
  const diagramBody = (body: unknown) => {
    const b = (body ?? {}) as { name?: unknown; xml?: unknown };
    return { name: safeName(String(b.name ?? ''), '.bpmn'), xml: bpmnXml(b.xml) };
  };
  /** The element-level difference between the open diagram and the version running on the engine. */
  app.post('/api/designer/diff', designer, async (req, res) => {
    const { xml } = diagramBody(req.body);
    const live = await running(processIdOf(xml));
    res.json({ running: live ? { version: live.version } : null, diff: await safeDiff(live?.xml, xml) });
  });
  /**
   * Deploys the open diagram alone, as a new version of its process, and keeps it as the latest
   * draft. Nothing is sent when it equals the running version or when the gate finds an error.
   */
  app.post('/api/designer/deploy', designer, async (req, res) => {
    const { name, xml } = diagramBody(req.body);
    const problems = await gate(name, xml);
    if (problems.some((p) => p.severity === 'error')) {
      throw httpError(422, 'error.app.deploymentRejected', undefined, { problems });
    }
    const processId = processIdOf(xml);
    const live = await running(processId);
    const diff = await safeDiff(live?.xml, xml);
    await drafts.save({
      kind: 'bpmn',
      name,
      content: xml,
      savedBy: session(req).userId,
      savedAt: clock.now().getTime(),
    });
    if (live && (live.xml === xml || diff.identical)) {
      return res.json({
        unchanged: true,
        processes: [{ id: processId, version: live.version, key: live.key }],
        diff,
      });
    }
    const result = (await camunda.createDeployment({
      resources: [new File([xml], name, { type: 'application/xml' })],
    })) as {
      deploymentKey: string;
      processes: Array<{
        processDefinitionId: string;
        processDefinitionVersion: number;
        processDefinitionKey: string;
      }>;
    };
    const processes = result.processes.map((p) => ({
      id: p.processDefinitionId,
      version: p.processDefinitionVersion,
      key: String(p.processDefinitionKey),
    }));
    log('deployed from designer', { by: session(req).userId, diagram: name, processes });
    res.json({ unchanged: false, processes, diff, previous: live ? { version: live.version } : null });
  });

  /** Our element templates (.camunda/element-templates), for the modeler's template chooser. */
  app.get('/api/designer/element-templates', designer, async (_req, res) => {
    const dir = path.join(deps.repoDir, '.camunda', 'element-templates');
    const names = await listDir(dir, '.json');
    res.json(
      await Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')))),
    );
  });

  app.get('/api/designer/forms', designer, async (_req, res) => {
    const names = new Set([...(await listDir(formsDir, '.form')), ...(await drafts.names('form'))]);
    res.json({ items: [...names].sort() });
  });
  app.get('/api/designer/forms/:name', designer, async (req, res) => {
    const name = safeName(String(req.params.name), '.form');
    const text =
      (await drafts.latest('form', name))?.content ?? (await readOrUndefined(path.join(formsDir, name)));
    if (text === undefined) throw notFound();
    res.type('application/json').send(text);
  });
  /** A form's draft goes to the web app's store, never over forms/. */
  app.put('/api/designer/forms/:name', designer, async (req, res) => {
    const name = safeName(String(req.params.name), '.form');
    const schema = req.body as { components?: unknown; id?: unknown };
    if (!schema || typeof schema !== 'object' || !Array.isArray(schema.components))
      throw httpError(400, 'error.app.formSchemaRequired');
    await drafts.save({
      kind: 'form',
      name,
      content: `${JSON.stringify(schema, null, 2)}\n`,
      savedBy: session(req).userId,
      savedAt: clock.now().getTime(),
    });
    res.json({ saved: name });
  });

  /** Form label translations (forms/i18n/<lang>.json), for the worklist's form-js rendering. */
  app.get('/api/forms/i18n/:lang', api([...TASK_ROLES, 'designer']), async (req, res) => {
    const lang = req.params.lang === 'ru' ? 'ru' : 'kk';
    const text = await readFile(path.join(formsDir, 'i18n', `${lang}.json`), 'utf8').catch(() => '{}');
    res.type('application/json').send(text);
  });

  // ---- errors --------------------------------------------------------------------------------
  app.use('/api', (_req, res) =>
    res.status(404).json({ error: { code: 'NOT_FOUND', ...both('error.app.notFoundGeneric') } }),
  );
  app.use(edsErrorHandler);
  app.use(intakeErrorHandler);
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) {
      res
        .status(err.status)
        .json({ error: { code: `HTTP_${err.status}`, kk: err.kk, ru: err.ru }, ...err.extra });
      return;
    }
    const status =
      (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if ((err as { type?: string }).type === 'entity.too.large') {
      const limit = Math.round(Number((err as { limit?: number }).limit ?? 0) / 1024);
      res.status(413).json({
        error: {
          code: 'HTTP_413',
          ...both('error.app.requestTooLarge', { limit }),
        },
      });
      return;
    }
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: `HTTP_${status}`, ...both('error.app.badRequest') } });
      return;
    }
    log('request failed', { method: req.method, path: req.path, error: (err as Error)?.message });
    res.status(502).json({
      error: { code: 'UPSTREAM', ...both('error.app.systemUnavailable') },
    });
  });
  return app;
}

/** An engine 404 becomes ours; anything else stays an upstream failure. */
function notFoundOr(err: unknown, kk: string, ru: string): unknown {
  const status =
    (err as { status?: number })?.status ?? (err as { response?: { status?: number } })?.response?.status;
  return status === 404 ? new HttpError(404, kk, ru) : err;
}

interface FormComponent {
  key?: string;
  conditional?: { hide?: string };
  label?: string;
  type?: string;
  validate?: { required?: boolean };
  components?: FormComponent[];
}

/** Server-side check of the form's required fields; form-js validates too, this guards the API. */
/** Variables a completion sends that are not fields of the task's form: refused, each named. */
export function foreignFields(schema: { components?: FormComponent[] }, variables: Record<string, unknown>) {
  const keys = new Set<string>();
  const walk = (components: FormComponent[] = []) => {
    for (const c of components) {
      if (c.key) keys.add(c.key);
      if (c.components) walk(c.components);
    }
  };
  walk(schema.components);
  return Object.keys(variables)
    .filter((k) => !keys.has(k))
    .map((k) => ({
      path: k,
      ...both('error.app.fieldNotInForm', { k }),
    }));
}

export function requiredFieldErrors(
  schema: { components?: FormComponent[] },
  variables: Record<string, unknown>,
  context: Record<string, unknown> = {},
) {
  const errors: { path: string; kk: string; ru: string }[] = [];
  const data = { ...context, ...variables };
  // A field hidden by its condition is not shown to the clerk, so it cannot be required of them.
  const hidden = (c: FormComponent) => {
    const expr = c.conditional?.hide;
    if (!expr || !expr.startsWith('=')) return false;
    try {
      return evaluate(expr.slice(1), data).value === true;
    } catch {
      return false;
    }
  };
  const walk = (components: FormComponent[] = []) => {
    for (const c of components) {
      if (hidden(c)) continue;
      if (c.components) walk(c.components);
      if (!c.key || !c.validate?.required) continue;
      const v = variables[c.key];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
        errors.push({
          path: c.key,
          ...both('error.app.fieldRequired', { field: c.label ?? c.key }),
        });
      }
    }
  };
  walk(schema.components);
  return errors;
}

export { IntakeError };

/**
 * A path on this site to go back to, or `/`. Browsers read `/\host` and `//host` as another site, and
 * drop tabs and newlines before parsing, so anything but a plain absolute path is refused.
 */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || [...value].some((c) => c === '\\' || c <= ' ' || c === '\u007f')) return '/';
  const base = 'http://local.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}
