import express, { type NextFunction, type Request, type Response } from 'express';
import {
  ElementInstanceKey,
  IncidentKey,
  JobKey,
  ProcessInstanceKey,
  type ProcessInstanceResult,
} from '@camunda8/orchestration-cluster-api';
import type { Clock } from '../../domain/clock';
import type { EngineTime } from '../engine-time';
import { engineClockView } from '../operations/clock';
import { deadlinesFrom, matchesStep, type WorkingDayClock } from '../../domain/applications/status';
import { NO_WAIT, type CamundaClient, type CamundaPort } from '../../intake/camunda-port';
import {
  childInstancesOf,
  elementInstancesOf,
  incidentsOf,
  rootVariablesOf,
  userTasksOf,
} from '../engine-search';
import { forbiddenCharacterErrors } from '../../intake/text';
import { CalendarRangeError } from '../../domain/legal-clock/errors';
import {
  DAY_KINDS,
  buildCalendar,
  parseCalendarRevision,
  parseMciRecord,
  shippedCalendar,
  shippedMciTable,
} from '../../domain/legal-clock';
import { almatyDay, formatAlmatyDateTime, fromAlmatyWallClock } from '../../domain/almaty-time';
import { SERVICE_IDS } from '../../domain/services';
import { t as text, isMessageKey, type Lang, type MessageKey } from '../../i18n';
import { CalendarRevisionConflictError, type CalendarRevisionStore } from '../../adapters/calendar-revisions';
import { MciRecordConflictError, type MciRecordStore } from '../../adapters/mci-records';
import { reviseCalendar } from '../../operations/calendar-revision';
import { SEEDED_STAFF } from '../auth/staff';
import { hasRole, type Session } from '../auth';
import { appPage, forbiddenPage } from '../pages';
import { PAGE_SIZE, listQuery, pageInfo, searchVariableFilter } from '../paging';
import { elementLabel, localiseDiagram, processLabel, variableLabel } from '../operations/labels';
import { dayOf, dayText, displayValue, editorInput, editorOf, parseNewValue } from '../operations/values';
import type { AuditEvent } from '../../adapters/db/audit';
import { repeatedRevision } from '../operations/calendar';
import { createOperatorAuditLog, type OperatorAction, type OperatorAuditLog } from '../operations/audit';

/**
 * What the operations pages need of the official client: the web app's port, and for an operator's
 * changes the client's cancel and set-variables calls (the real client has them; a port without
 * them answers 503 to those two actions).
 */
export type OperationsCamunda = CamundaPort &
  Partial<Pick<CamundaClient, 'cancelProcessInstance' | 'createElementInstanceVariables'>>;

/** The stores behind the operations pages; each can move to another storage behind its interface. */
export interface OperationsStores {
  /** Operators' actions with their reasons; in memory when unset (tests). */
  audit?: OperatorAuditLog;
  /** Calendar revisions (the same store `npm run calendar:revise` writes); unset answers 503. */
  calendarRevisions?: CalendarRevisionStore;
  /** Recorded MCI values (the same store `npm run mci:record` writes); unset answers 503. */
  mciRecords?: MciRecordStore;
  /** A staff member's display name by user id; the seeded staff by default. */
  staffName?: (userId: string) => string | undefined;
}

export interface OperationsDeps extends OperationsStores {
  camunda: OperationsCamunda;
  legalClock: WorkingDayClock;
  clock: Clock;
  /** The engine's time, by which terms are overdue; the app's clock when unset. */
  engineTime?: EngineTime;
  styles: string[];
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** The application's audit trail (adapters/db/audit.ts), where every operator action is also recorded. */
  trail?: (req: Request, event: Pick<AuditEvent, 'action' | 'applicationNumber' | 'detail'>) => Promise<void>;
}

/** A refusal in both languages; `problems` names each field that is wrong. */
class OpsError extends Error {
  constructor(
    readonly status: number,
    readonly kk: string,
    readonly ru: string,
    readonly problems?: { field: string; kk: string; ru: string }[],
  ) {
    super(ru);
  }
}
const both = (key: MessageKey, params?: Record<string, string | number>) => ({
  kk: text('kk', key, params),
  ru: text('ru', key, params),
});
const fail = (status: number, key: MessageKey, params?: Record<string, string | number>) => {
  const m = both(key, params);
  return new OpsError(status, m.kk, m.ru);
};
const notFound = () => fail(404, 'ops.error.instanceNotFound');

/** Values an operator may never change: the application's identity, the applicant, the legal terms. */
export function isProtectedVariable(name: string): boolean {
  return (
    [
      'applicationNumber',
      'applicant',
      'serviceId',
      'displayKk',
      'displayRu',
      'registeredOn',
      'receivedAt',
    ].includes(name) ||
    /^deadline[A-Z]/.test(name) ||
    /(^|[a-z])(Bin|Iin|BIN|IIN)$|^(bin|iin)$/.test(name)
  );
}

const REASON_MIN = 5;
const REASON_MAX = 1000;
function reasonOf(body: unknown): string {
  const raw = (body as { reason?: unknown } | undefined)?.reason;
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason.length < REASON_MIN) throw fail(400, 'ops.error.reasonRequired', { min: REASON_MIN });
  if (reason.length > REASON_MAX) throw fail(400, 'ops.error.reasonTooLong', { max: REASON_MAX });
  if (forbiddenCharacterErrors(reason).length) throw fail(400, 'ops.error.reasonForbidden');
  return reason;
}

const HISTORY_TYPES_SKIPPED = new Set([
  'PROCESS',
  'EXCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'MULTI_INSTANCE_BODY',
  'SEQUENCE_FLOW',
]);
/** The states an operator filters by, as the engine names them. */
const STATES = { active: 'ACTIVE', completed: 'COMPLETED', terminated: 'TERMINATED' } as const;
const isState = (value: string): value is keyof typeof STATES => Object.hasOwn(STATES, value);
const ROOT_PROCESSES = [...SERVICE_IDS, 'complaint', 'rules-change-notice'];
/** A step's name; a record without an element id (the API makes it optional) is named by its kind. */
const stepLabel = (elementId: string | undefined, type: string | undefined, lang: Lang) =>
  elementId === undefined ? text(lang, 'ops.kind.task') : elementLabel(elementId, type, lang);
const byName = (userId: string | undefined, names: (u: string) => string | undefined) =>
  userId ? (names(userId) ?? userId) : undefined;

/** The operations pages and their API: applications, one instance, operators' actions, calendar, MCI. */
export function operationsRoutes(deps: OperationsDeps): express.Router {
  const { camunda, legalClock, clock } = deps;
  const engineTime = deps.engineTime ?? (async () => clock.now());
  const log = deps.log ?? (() => {});
  const audit = deps.audit ?? createOperatorAuditLog(':memory:');
  const staffName = deps.staffName ?? ((id: string) => SEEDED_STAFF.find((s) => s.username === id)?.name);
  const router = express.Router();

  const page = (req: Request, res: Response, next: NextFunction) => {
    if (!req.session) return res.redirect('/');
    if (!hasRole(req.session, ['operator'])) return res.status(403).type('html').send(forbiddenPage(req));
    next();
  };
  const api = (req: Request, res: Response, next: NextFunction) => {
    if (!req.session)
      return res.status(401).json({ error: { code: 'UNAUTHENTICATED', ...both('ops.error.signIn') } });
    if (!hasRole(req.session, ['operator']))
      return res.status(403).json({ error: { code: 'FORBIDDEN', ...both('ops.error.forbidden') } });
    next();
  };
  const who = (req: Request) => req.session as Session;
  const wrap =
    (fn: (req: Request, res: Response) => Promise<unknown>) =>
    (req: Request, res: Response, next: NextFunction) =>
      fn(req, res).catch((err: unknown) => {
        if (!(err instanceof OpsError)) return next(err);
        res.status(err.status).json({
          error: { code: `HTTP_${err.status}`, kk: err.kk, ru: err.ru },
          ...(err.problems ? { problems: err.problems } : {}),
        });
      });

  const styles = [...deps.styles, '/static/operations.css'];
  router.get('/operations', page, (req, res) =>
    res.type('html').send(appPage(req, 'nav.operations', 'operations', styles)),
  );
  router.get('/operations/instances/:key', page, (req, res) =>
    res
      .type('html')
      .send(appPage(req, 'instance', 'operations', styles, { processInstanceKey: String(req.params.key) })),
  );
  for (const [path, view, title] of [
    ['/operations/calendar', 'calendar', 'ops.calendar'],
    ['/operations/mci', 'mci', 'ops.mci'],
  ] as const) {
    router.get(path, page, (req, res) =>
      res.type('html').send(appPage(req, title, 'operations', styles, { view })),
    );
  }

  /** Root variables of a set of instances: one search with `$in` on keys and names. */
  const rootVariables = (keys: string[], names?: string[]) => rootVariablesOf(camunda, keys, names);

  function dateBound(raw: unknown, field: 'from' | 'to'): string | undefined {
    if (raw === undefined || raw === '') return undefined;
    const day = dayOf(raw);
    if (!day) throw fail(400, field === 'from' ? 'ops.error.fromDate' : 'ops.error.toDate');
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    // From the start of `from`'s day to the end of `to`'s day in Almaty.
    const at = fromAlmatyWallClock(y, m, d);
    return new Date(at.getTime() + (field === 'to' ? 24 * 3600_000 : 0)).toISOString();
  }

  /** Running and finished applications, newest first, filtered in the engine's query; one page. */
  router.get(
    '/api/ops/applications',
    api,
    wrap(async (req, res) => {
      const lang = req.lang;
      const q = listQuery(req, (kk, ru) => new OpsError(400, kk, ru));
      const state = typeof req.query.state === 'string' ? req.query.state : '';
      if (state && !isState(state)) throw fail(400, 'ops.error.state');
      if (q.service && !ROOT_PROCESSES.includes(q.service)) throw fail(400, 'ops.error.service');
      const from = dateBound(req.query.from, 'from');
      const to = dateBound(req.query.to, 'to');
      const variables = searchVariableFilter(q.search);
      const r = await camunda.searchProcessInstances(
        {
          filter: {
            processDefinitionId: q.service ? q.service : { $in: ROOT_PROCESSES },
            ...(state && isState(state) ? { state: STATES[state] } : {}),
            ...(from || to
              ? { startDate: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } }
              : {}),
            ...(variables.length ? { variables } : {}),
          },
          sort: [{ field: 'startDate', order: 'DESC' }],
          page: { from: q.from, limit: PAGE_SIZE },
        },
        NO_WAIT,
      );
      const items = r.items ?? [];
      const keys = items.map((i) => String(i.processInstanceKey));
      // Only a running application has steps in progress: one element search per running one.
      const running = items.filter((i) => i.state === 'ACTIVE').map((i) => String(i.processInstanceKey));
      const [vars, active] = await Promise.all([
        rootVariables(keys, ['applicationNumber', 'applicant']),
        elementInstancesOf(camunda, running, { state: 'ACTIVE' }),
      ]);
      const steps = new Map<string, string[]>();
      for (const e of active) {
        if (HISTORY_TYPES_SKIPPED.has(e.type) || e.type === 'SUB_PROCESS') continue;
        const k = String(e.processInstanceKey);
        steps.set(k, [...new Set([...(steps.get(k) ?? []), elementLabel(e.elementId, e.type, lang)])]);
      }
      res.json({
        items: items.map((i) => {
          const key = String(i.processInstanceKey);
          const v = vars.get(key) ?? {};
          const applicant = v.applicant as { name?: string } | undefined;
          return {
            processInstanceKey: key,
            applicationNumber: (v.applicationNumber as string | undefined) ?? null,
            applicant: applicant?.name ?? null,
            service: processLabel(i.processDefinitionId, lang),
            state: String(i.state).toLowerCase(),
            stateLabel: text(lang, `ops.state.${String(i.state).toLowerCase()}` as MessageKey),
            started: i.startDate ? formatAlmatyDateTime(new Date(i.startDate)) : '—',
            ended: i.endDate ? formatAlmatyDateTime(new Date(i.endDate)) : null,
            steps: steps.get(key) ?? [],
            hasIncident: Boolean(i.hasIncident),
          };
        }),
        services: ROOT_PROCESSES.map((id) => ({ id, name: processLabel(id, lang) })),
        page: pageInfo(q, Number(r.page?.totalItems ?? items.length)),
      });
    }),
  );

  async function loadInstance(raw: string): Promise<ProcessInstanceResult> {
    if (!ProcessInstanceKey.isValid(raw)) throw notFound();
    const found = await camunda
      .getProcessInstance({ processInstanceKey: ProcessInstanceKey.assumeExists(raw) }, NO_WAIT)
      .catch((err: unknown) => {
        const status =
          (err as { status?: number })?.status ??
          (err as { response?: { status?: number } })?.response?.status;
        throw status === 404 ? notFound() : err;
      });
    return found;
  }

  /** The instance and the processes it called (hearing, signature), two levels deep: one search per level. */
  async function family(root: ProcessInstanceResult): Promise<ProcessInstanceResult[]> {
    const all = [root];
    let level = [String(root.processInstanceKey)];
    for (let depth = 0; depth < 2 && level.length; depth++) {
      const children = await childInstancesOf(camunda, level);
      all.push(...children);
      level = children.map((c) => String(c.processInstanceKey));
    }
    return all;
  }

  /** The instance page: diagram marks and counts, history, values, incidents, terms. */
  router.get(
    '/api/ops/applications/:key',
    api,
    wrap(async (req, res) => {
      const lang = req.lang;
      const instance = await loadInstance(String(req.params.key));
      const members = await family(instance);
      const instanceKey = String(instance.processInstanceKey);
      const keys = members.map((m) => String(m.processInstanceKey));
      // Incidents are searched only in the members the engine marks as having one.
      const withIncident = members.filter((m) => m.hasIncident).map((m) => String(m.processInstanceKey));
      const [xml, elements, openIncidents, tasks, variables, actions] = await Promise.all([
        camunda.getProcessDefinitionXml({ processDefinitionKey: instance.processDefinitionKey }, NO_WAIT),
        elementInstancesOf(camunda, keys, {}, [{ field: 'startDate', order: 'ASC' }]),
        incidentsOf(camunda, withIncident, { state: 'ACTIVE' }),
        userTasksOf(camunda, keys),
        rootVariables([instanceKey]).then((m) => m.get(instanceKey) ?? {}),
        audit.forInstances([instanceKey]),
      ]);
      const own = elements.filter((e) => String(e.processInstanceKey) === instanceKey);
      // Counts per element of the diagram (active, completed, terminated, incidents), as Operate shows them.
      const counts: Record<
        string,
        { active: number; completed: number; terminated: number; incidents: number }
      > = {};
      for (const e of own) {
        const c = (counts[e.elementId] ??= { active: 0, completed: 0, terminated: 0, incidents: 0 });
        if (e.state === 'ACTIVE') c.active++;
        else if (e.state === 'COMPLETED') c.completed++;
        else c.terminated++;
        if (e.hasIncident) c.incidents++;
      }
      const incidents = openIncidents.map((x) => {
        const el = elements.find((e) => String(e.elementInstanceKey) === String(x.elementInstanceKey));
        // An incident in a called process is shown on the call activity of this diagram.
        const onDiagram =
          String(x.processInstanceKey) === instanceKey
            ? x.elementId
            : own.find((e) => e.type === 'CALL_ACTIVITY' && e.state === 'ACTIVE')?.elementId;
        return {
          incidentKey: String(x.incidentKey),
          step: stepLabel(x.elementId ?? el?.elementId, el?.type, lang),
          elementId: onDiagram ?? null,
          error: text(
            lang,
            isMessageKey(`ops.incident.${x.errorType}`)
              ? (`ops.incident.${x.errorType}` as MessageKey)
              : 'ops.incident.UNKNOWN',
          ),
          since: x.creationTime ? formatAlmatyDateTime(new Date(x.creationTime)) : '—',
        };
      });
      for (const x of incidents) if (x.elementId && counts[x.elementId]) counts[x.elementId]!.incidents ||= 1;
      type Entry = { at: string; when: string; step: string; what: string; who: string; reason?: string };
      const history: Entry[] = [];
      const system = text(lang, 'ops.history.system');
      const withStep = (
        at: string | undefined,
        step: string,
        what: string,
        whoText: string,
        reason?: string,
      ) => {
        if (at)
          history.push({ at, when: formatAlmatyDateTime(new Date(at)), step, what, who: whoText, reason });
      };
      // One line per step the engine went through: when it ended (or started, while it runs).
      for (const e of elements) {
        if (HISTORY_TYPES_SKIPPED.has(e.type) || e.type === 'USER_TASK') continue;
        const what =
          e.state === 'ACTIVE'
            ? 'ops.history.started'
            : e.state === 'COMPLETED'
              ? 'ops.history.completed'
              : 'ops.history.terminated';
        withStep(e.endDate ?? e.startDate, elementLabel(e.elementId, e.type, lang), text(lang, what), system);
      }
      for (const task of tasks) {
        const step = stepLabel(task.elementId, 'USER_TASK', lang);
        withStep(task.creationDate, step, text(lang, 'ops.history.taskCreated'), system);
        if (task.completionDate)
          withStep(
            task.completionDate,
            step,
            text(lang, task.state === 'COMPLETED' ? 'ops.history.taskCompleted' : 'ops.history.terminated'),
            task.state === 'COMPLETED' ? (byName(task.assignee, staffName) ?? system) : system,
          );
      }
      for (const a of actions) {
        const at = new Date(a.at).toISOString();
        withStep(
          at,
          a.action === 'variable'
            ? variableLabel(a.subject ?? '', lang)
            : a.action === 'retry'
              ? elementLabel(a.subject ?? '', undefined, lang)
              : processLabel(instance.processDefinitionId, lang),
          a.action === 'variable'
            ? text(lang, 'ops.history.variableChanged', {
                before: displayValue(a.subject ?? '', a.before, variables.serviceId, lang),
                after: displayValue(a.subject ?? '', a.after, variables.serviceId, lang),
              })
            : text(lang, a.action === 'cancel' ? 'ops.history.cancelled' : 'ops.history.retried'),
          a.byName ?? byName(a.by, staffName) ?? a.by,
          a.reason,
        );
      }
      history.sort((a, b) => a.at.localeCompare(b.at));
      const active = own.filter((e) => e.state === 'ACTIVE');
      const now = await engineTime();
      const terms: ReturnType<typeof deadlinesFrom> = [];
      for (const [name, value] of Object.entries(variables)) {
        if (!/^deadline[A-Z]\w*$/.test(name)) continue;
        try {
          terms.push(...deadlinesFrom({ [name]: value }, legalClock, now));
        } catch (err) {
          if (!(err instanceof CalendarRangeError)) throw err;
        }
      }
      const running = instance.state === 'ACTIVE';
      res.json({
        instance: {
          processInstanceKey: instanceKey,
          applicationNumber: (variables.applicationNumber as string | undefined) ?? null,
          service: processLabel(instance.processDefinitionId, lang),
          version: instance.processDefinitionVersion ?? null,
          state: String(instance.state).toLowerCase(),
          stateLabel: text(lang, `ops.state.${String(instance.state).toLowerCase()}` as MessageKey),
          started: instance.startDate ? formatAlmatyDateTime(new Date(instance.startDate)) : '—',
          ended: instance.endDate ? formatAlmatyDateTime(new Date(instance.endDate)) : null,
          cancellable: running && !instance.parentProcessInstanceKey,
        },
        xml: localiseDiagram(typeof xml === 'string' ? xml : String(xml), lang),
        // Element ids go to the diagram viewer only (to place marks); every text is named above.
        diagram: {
          counts,
          active: [...new Set(active.map((e) => e.elementId))],
          visited: [...new Set(own.map((e) => e.elementId))],
          labels: Object.fromEntries(own.map((e) => [e.elementId, elementLabel(e.elementId, e.type, lang)])),
        },
        activeSteps: [
          ...new Set(
            active
              .filter((e) => !HISTORY_TYPES_SKIPPED.has(e.type) && e.type !== 'SUB_PROCESS')
              .map((e) => elementLabel(e.elementId, e.type, lang)),
          ),
        ],
        history,
        variables: Object.entries(variables)
          .map(([name, value]) => {
            const editor = editorOf(name, value, variables.serviceId, lang);
            const isProtected = isProtectedVariable(name);
            const editable = running && !isProtected && editor.kind !== 'fixed';
            return {
              name,
              label: variableLabel(name, lang),
              value:
                name === 'serviceId' && typeof value === 'string'
                  ? processLabel(value, lang)
                  : displayValue(name, value, variables.serviceId, lang),
              editor,
              // What the editor's field shows at first (a code is sent as the code, shown by its name).
              input: editable ? editorInput(editor, value) : undefined,
              protected: isProtected,
              editable,
            };
          })
          .sort((a, b) => a.label.localeCompare(b.label, 'ru')),
        incidents,
        deadlines: terms
          .map((d) => ({
            step: isMessageKey(`step.${d.step}`)
              ? text(lang, `step.${d.step}` as MessageKey)
              : text(lang, 'ops.kind.term'),
            due: formatAlmatyDateTime(new Date(d.dueAt)),
            dueAt: d.dueAt,
            urgency: d.urgency,
            remainingWorkingDays: d.remainingWorkingDays,
            breached: d.urgency === 'overdue' && active.some((e) => matchesStep(e.elementId, d.step)),
          }))
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
        clock: engineClockView(now, clock.now()),
      });
    }),
  );

  const operatorName = (req: Request) => who(req).name || staffName(who(req).userId) || who(req).userId;
  const TRAIL_ACTION = {
    cancel: 'operator.cancel',
    variable: 'operator.variables',
    retry: 'operator.incident-retry',
  } as const;
  const record = async (
    req: Request,
    a: Omit<OperatorAction, 'by' | 'byName' | 'at'>,
    extra: Record<string, unknown> = {},
  ) => {
    await audit.record({ ...a, by: who(req).userId, byName: operatorName(req), at: clock.now().getTime() });
    await deps.trail?.(req, {
      action: TRAIL_ACTION[a.action],
      applicationNumber: a.applicationNumber,
      detail: { processInstanceKey: a.processInstanceKey, subject: a.subject, reason: a.reason, ...extra },
    });
  };

  /** Cancels a running application with the operator's reason, recorded before the engine is told. */
  router.post(
    '/api/ops/applications/:key/cancel',
    api,
    wrap(async (req, res) => {
      const reason = reasonOf(req.body);
      const instance = await loadInstance(String(req.params.key));
      if (instance.state !== 'ACTIVE') throw fail(409, 'ops.error.notRunning');
      if (instance.parentProcessInstanceKey) throw fail(409, 'ops.error.childInstance');
      const instanceKey = String(instance.processInstanceKey);
      const number = (await rootVariables([instanceKey], ['applicationNumber'])).get(instanceKey)
        ?.applicationNumber as string | undefined;
      if (!camunda.cancelProcessInstance) throw fail(503, 'ops.error.noStore');
      await camunda.cancelProcessInstance({ processInstanceKey: instance.processInstanceKey });
      await record(req, {
        processInstanceKey: instanceKey,
        applicationNumber: number,
        action: 'cancel',
        reason,
      });
      log('instance cancelled by operator', {
        processInstanceKey: instanceKey,
        by: who(req).userId,
      });
      res.json({ cancelled: true });
    }),
  );

  /** Changes one value of a running application, with the reason; protected values are refused. */
  router.put(
    '/api/ops/applications/:key/variables/:name',
    api,
    wrap(async (req, res) => {
      const name = String(req.params.name);
      const label = variableLabel(name, 'ru');
      if (isProtectedVariable(name))
        throw new OpsError(
          403,
          text('kk', 'ops.error.protected', { name: variableLabel(name, 'kk') }),
          text('ru', 'ops.error.protected', { name: label }),
        );
      const reason = reasonOf(req.body);
      const instance = await loadInstance(String(req.params.key));
      if (instance.state !== 'ACTIVE') throw fail(409, 'ops.error.notRunning');
      const instanceKey = String(instance.processInstanceKey);
      const current = await rootVariables([instanceKey]).then((m) => m.get(instanceKey) ?? {});
      if (!Object.hasOwn(current, name)) throw fail(404, 'ops.error.noVariable');
      const before = current[name];
      const parsed = parseNewValue(name, before, current.serviceId, (req.body as { value?: unknown }).value);
      if ('refusal' in parsed) throw new OpsError(400, parsed.refusal.kk, parsed.refusal.ru);
      const after = parsed.value;
      if (!camunda.createElementInstanceVariables) throw fail(503, 'ops.error.noStore');
      // The process instance is the scope of its root variables: its key is that element instance's.
      await camunda.createElementInstanceVariables({
        elementInstanceKey: ElementInstanceKey.assumeExists(instanceKey),
        variables: { [name]: after },
      });
      await record(req, {
        processInstanceKey: instanceKey,
        applicationNumber: current.applicationNumber as string | undefined,
        action: 'variable',
        subject: name,
        before,
        after,
        reason,
      });
      res.json({ name, value: displayValue(name, after, current.serviceId, req.lang) });
    }),
  );

  /** Open incidents, oldest first, by application number and step name; one page. */
  router.get(
    '/api/ops/incidents',
    api,
    wrap(async (req, res) => {
      const q = listQuery(req, (kk, ru) => new OpsError(400, kk, ru));
      const r = await camunda.searchIncidents(
        {
          filter: { state: 'ACTIVE' },
          sort: [{ field: 'creationTime', order: 'ASC' }],
          page: { from: q.from, limit: PAGE_SIZE },
        },
        NO_WAIT,
      );
      const items = r.items ?? [];
      // Called processes carry the application's number too: one batched read for the page.
      const vars = await rootVariables(
        items.map((x) => String(x.processInstanceKey)),
        ['applicationNumber'],
      );
      res.json({
        items: items.map((x) => ({
          incidentKey: String(x.incidentKey),
          processInstanceKey: String(x.processInstanceKey),
          applicationNumber: (vars.get(String(x.processInstanceKey))?.applicationNumber as string) ?? null,
          step: stepLabel(x.elementId, undefined, req.lang),
          error: text(
            req.lang,
            isMessageKey(`ops.incident.${x.errorType}`)
              ? (`ops.incident.${x.errorType}` as MessageKey)
              : 'ops.incident.UNKNOWN',
          ),
          since: x.creationTime ? formatAlmatyDateTime(new Date(x.creationTime)) : '—',
        })),
        page: pageInfo(q, Number(r.page?.totalItems ?? items.length)),
      });
    }),
  );

  /** Retries a failed step: its job gets a retry, its incident is resolved, the reason is recorded. */
  router.post(
    '/api/ops/incidents/:key/retry',
    api,
    wrap(async (req, res) => {
      const raw = String(req.params.key);
      if (!IncidentKey.isValid(raw)) throw fail(404, 'ops.error.incidentNotFound');
      const reason = reasonOf(req.body);
      const incidentKey = IncidentKey.assumeExists(raw);
      const r = await camunda.searchIncidents({ filter: { incidentKey }, page: { limit: 1 } }, NO_WAIT);
      const incident = r.items?.[0];
      if (!incident || incident.state !== 'ACTIVE') throw fail(404, 'ops.error.incidentNotFound');
      // A job incident is created when retries reach 0; resolving it alone would re-raise it at once.
      let retriesRaised = false;
      if (incident.jobKey && (incident.errorType === 'JOB_NO_RETRIES' || !incident.errorType)) {
        await camunda.updateJob({ jobKey: JobKey.assumeExists(incident.jobKey), changeset: { retries: 1 } });
        retriesRaised = true;
      }
      await camunda.resolveIncident({ incidentKey });
      // Shown in the history of the application the incident belongs to (its root instance).
      let rootKey = String(incident.processInstanceKey);
      for (let i = 0; i < 3; i++) {
        const pi = await loadInstance(rootKey).catch(() => undefined);
        if (!pi?.parentProcessInstanceKey) break;
        rootKey = String(pi.parentProcessInstanceKey);
      }
      await record(
        req,
        {
          processInstanceKey: rootKey,
          action: 'retry',
          subject: incident.elementId === undefined ? undefined : String(incident.elementId),
          reason,
        },
        { incidentKey: String(incidentKey), retriesRaised },
      );
      log('incident retried', { incidentKey, by: who(req).userId, retriesRaised });
      res.json({ incidentKey, resolved: true, retriesRaised });
    }),
  );

  // ---- the working-day calendar and the MCI: the same stores and functions as the CLI scripts ----
  const legalBasis = (body: Record<string, unknown>) => {
    const problems: { field: string; kk: string; ru: string }[] = [];
    const act = typeof body.act === 'string' ? body.act.trim() : '';
    const paragraph = typeof body.paragraph === 'string' ? body.paragraph.trim() : '';
    const actDate = dayOf(body.actDate) ?? '';
    if (act.length < 5) problems.push({ field: 'act', ...both('ops.error.act') });
    if (!paragraph) problems.push({ field: 'paragraph', ...both('ops.error.paragraph') });
    if (!actDate) problems.push({ field: 'actDate', ...both('ops.error.actDate') });
    else if (actDate > almatyDay(clock.now()))
      problems.push({ field: 'actDate', ...both('ops.error.actDateFuture') });
    for (const [field, value] of [
      ['act', act],
      ['paragraph', paragraph],
    ] as const)
      if (forbiddenCharacterErrors(value).length)
        problems.push({ field, ...both('ops.error.forbiddenField') });
    return { problems, basis: `${act}, ${paragraph}, ${dayText(actDate)}` };
  };
  const invalid = (problems: { field: string; kk: string; ru: string }[]) =>
    new OpsError(400, text('kk', 'ops.error.invalid'), text('ru', 'ops.error.invalid'), problems);

  router.get(
    '/api/ops/calendar',
    api,
    wrap(async (req, res) => {
      if (!deps.calendarRevisions) throw fail(503, 'ops.error.noStore');
      const lang = req.lang;
      const revisions = await deps.calendarRevisions.list();
      res.json({
        kinds: [...DAY_KINDS, 'working-day'].map((k) => ({
          id: k,
          name: text(lang, `dayKind.${k}` as MessageKey),
        })),
        revisions: revisions
          .slice()
          .reverse()
          .map((r) => ({
            id: r.id,
            effective: formatAlmatyDateTime(new Date(r.effectiveAt)),
            recorded: formatAlmatyDateTime(new Date(r.recordedAt)),
            legalBasis: r.legalBasis,
            author: staffName(r.author) ?? r.author,
            changes: r.changes.map((c) => ({
              date: dayText(c.date),
              kind: text(lang, `dayKind.${c.kind}` as MessageKey),
              name: c.name ?? '',
            })),
          })),
      });
    }),
  );

  router.post(
    '/api/ops/calendar/revisions',
    api,
    wrap(async (req, res) => {
      if (!deps.calendarRevisions) throw fail(503, 'ops.error.noStore');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { problems, basis } = legalBasis(body);
      const id = typeof body.id === 'string' ? body.id.trim() : '';
      if (!/^[\p{L}\p{N}][\p{L}\p{N}/._-]{0,59}$/u.test(id))
        problems.push({ field: 'id', ...both('ops.error.revisionId') });
      const effective = dayOf(body.effectiveFrom) ?? '';
      if (!effective) problems.push({ field: 'effectiveFrom', ...both('ops.error.effectiveFrom') });
      const changes: Record<string, unknown>[] = (Array.isArray(body.changes) ? body.changes : []).map(
        (c: unknown) => (c !== null && typeof c === 'object' ? { ...c } : {}),
      );
      if (!changes.length) problems.push({ field: 'changes', ...both('ops.error.changes') });
      changes.forEach((c, i) => {
        if (!dayOf(c.date))
          problems.push({ field: `changes.${i}.date`, ...both('ops.error.changeDate', { n: i + 1 }) });
        if (typeof c.kind !== 'string' || ![...DAY_KINDS, 'working-day'].includes(c.kind))
          problems.push({ field: `changes.${i}.kind`, ...both('ops.error.changeKind', { n: i + 1 }) });
        if (c.name !== undefined && (typeof c.name !== 'string' || forbiddenCharacterErrors(c.name).length))
          problems.push({ field: `changes.${i}.name`, ...both('ops.error.forbiddenField') });
      });
      if (problems.length) throw invalid(problems);
      const [y, m, d] = effective.split('-').map(Number) as [number, number, number];
      const revision = parseCalendarRevision({
        id,
        effectiveAt: fromAlmatyWallClock(y, m, d).toISOString(),
        author: who(req).userId,
        legalBasis: basis,
        changes: changes.map((c) => ({
          date: dayOf(c.date),
          kind: c.kind,
          ...(typeof c.name === 'string' && c.name.trim() ? { name: c.name.trim() } : {}),
        })),
      });
      const recorded = await deps.calendarRevisions.list();
      // The same revision sent twice (the form still holding it) is refused before anything is recorded.
      const repeated = repeatedRevision(recorded, revision);
      if (repeated)
        throw fail(409, 'ops.error.revisionDuplicate', {
          id: repeated.id,
          effective: dayText(almatyDay(new Date(repeated.effectiveAt))),
        });
      // A revision must leave a calendar the clock can use (a day outside the data is refused).
      try {
        buildCalendar(shippedCalendar, [...recorded, revision]);
      } catch (err) {
        throw new OpsError(400, text('kk', 'ops.error.invalid'), text('ru', 'ops.error.invalid'), [
          {
            field: 'changes',
            ...both(
              err instanceof CalendarRangeError ? 'ops.error.outsideCalendar' : 'ops.error.calendarRule',
            ),
          },
        ]);
      }
      try {
        const outcome = await reviseCalendar(
          { store: deps.calendarRevisions, camunda, now: () => clock.now() },
          revision,
        );
        log('calendar revised by operator', { revision: revision.id, by: who(req).userId });
        await deps.trail?.(req, {
          action: 'operator.calendar-revision',
          detail: { revision: revision.id, rearmed: outcome.rearmed.length },
        });
        res.status(201).json({
          id: outcome.revision.id,
          effective: dayText(effective),
          recorded: formatAlmatyDateTime(new Date(outcome.revision.recordedAt)),
          rearmed: outcome.rearmed.length,
        });
      } catch (err) {
        if (err instanceof CalendarRevisionConflictError) throw fail(409, 'ops.error.revisionExists', { id });
        throw err;
      }
    }),
  );

  router.get(
    '/api/ops/mci',
    api,
    wrap(async (req, res) => {
      if (!deps.mciRecords) throw fail(503, 'ops.error.noStore');
      const lang = req.lang;
      const recorded = await deps.mciRecords.list();
      const years = [
        ...Object.entries(shippedMciTable).map(([year, v]) => ({
          year: Number(year),
          mci: v.mci,
          legalBasis: isMessageKey(`mci.basis.${year}`) ? text(lang, `mci.basis.${year}` as MessageKey) : '—',
          recorded: null as string | null,
          author: null as string | null,
        })),
        ...recorded.map((r) => ({
          year: r.year,
          mci: r.mci,
          legalBasis: r.legalBasis,
          recorded: formatAlmatyDateTime(new Date(r.recordedAt)),
          author: staffName(r.author) ?? r.author,
        })),
      ].sort((a, b) => b.year - a.year);
      res.json({ years });
    }),
  );

  router.post(
    '/api/ops/mci',
    api,
    wrap(async (req, res) => {
      if (!deps.mciRecords) throw fail(503, 'ops.error.noStore');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { problems, basis } = legalBasis(body);
      const year = typeof body.year === 'string' && /^\d{4}$/.test(body.year) ? Number(body.year) : body.year;
      const mci =
        typeof body.mci === 'string' && /^\d{1,7}$/.test(body.mci.trim()) ? Number(body.mci) : body.mci;
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100)
        problems.push({ field: 'year', ...both('ops.error.year') });
      if (typeof mci !== 'number' || !Number.isInteger(mci) || mci <= 0)
        problems.push({ field: 'mci', ...both('ops.error.mci') });
      if (problems.length) throw invalid(problems);
      const record = parseMciRecord({ year, mci, legalBasis: basis, author: who(req).userId });
      try {
        const stored = await deps.mciRecords.append(record, clock.now());
        log('MCI recorded by operator', { year: stored.year, by: who(req).userId });
        await deps.trail?.(req, {
          action: 'operator.mci-record',
          detail: { year: stored.year, mci: stored.mci },
        });
        res.status(201).json({ year: stored.year, mci: stored.mci });
      } catch (err) {
        if (err instanceof MciRecordConflictError)
          throw fail(409, 'ops.error.mciExists', { year: String(year) });
        throw err;
      }
    }),
  );

  return router;
}
