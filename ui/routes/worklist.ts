/**
 * The worklist's own routes: views (mine, unassigned in my groups, all of my groups, completed by me)
 * with their counts, search, sort and paging done by the engine's indexed user-task search, deadline
 * flags by the engine's clock in working days, and drafts of what a clerk typed, per person and task.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import {
  UserTaskKey,
  type UserTaskFilter,
  type UserTaskResult,
  type UserTaskSearchQuery,
} from '@camunda8/orchestration-cluster-api';
import { NO_WAIT, type CamundaPort } from '../../intake/camunda-port';
import { rootVariablesOf } from '../engine-search';
import type { WorkingDayClock } from '../../domain/applications/status';
import { taskDeadline } from '../../domain/applications/worklist';
import { listQuery, pageInfo, PAGE_SIZE, searchVariableFilter } from '../paging';
import type { Session } from '../auth';
import type { EngineTime } from '../engine-time';
import type { TaskDraftStore } from '../worklist/drafts';
import { t, type MessageKey, type MessageParams } from '../../i18n';

export const VIEWS = ['mine', 'unassigned', 'group', 'completed'] as const;
export type View = (typeof VIEWS)[number];
export const SORTS = ['deadline', 'created', 'step'] as const;
export type Sort = (typeof SORTS)[number];

/** A draft bigger than this is refused (a form's fields are a few kilobytes). */
export const DRAFT_MAX_BYTES = 256 * 1024;

export interface WorklistDeps {
  camunda: Pick<CamundaPort, 'searchUserTasks' | 'searchVariables' | 'getUserTask'>;
  legalClock: WorkingDayClock;
  engineTime: EngineTime;
  drafts: TaskDraftStore;
  /** The staff guard of the task APIs (401 without a session, 403 for other roles). */
  guard: RequestHandler;
  now: () => Date;
  /** How often the web app looks whether a live page's view changed (default 2 s). */
  eventsIntervalMs?: number;
  /** How long one event stream lasts before the browser opens a new one (default 10 min). */
  eventsMaxMs?: number;
}

/** The browser waits this long before it opens a dropped stream again. */
const RECONNECT_MS = 3_000;
/** A comment this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/** What makes a view look different to the person: the tasks of its page, who holds them, their flags, the counts. */
function viewSignature(view: {
  items: { userTaskKey: string; assignee: string | null; state?: string; flag: string; dueDate?: string }[];
  counts: Record<string, number>;
  page: { totalItems: number };
}): string {
  return JSON.stringify([
    view.counts,
    view.page.totalItems,
    view.items.map((x) => [x.userTaskKey, x.assignee, x.state, x.flag, x.dueDate]),
  ]);
}

type TaskItem = UserTaskResult;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly kk: string,
    readonly ru: string,
  ) {
    super(ru);
  }
}

/** A refusal whose texts come from the catalogue, in both languages. */
const refusal = (status: number, key: MessageKey, params?: MessageParams) =>
  new Refusal(status, t('kk', key, params), t('ru', key, params));

const SORT: Record<Sort, NonNullable<UserTaskSearchQuery['sort']>> = {
  // Nearest deadline first; tasks without one last (the engine orders empty due dates last).
  deadline: [
    { field: 'dueDate', order: 'ASC' },
    { field: 'creationDate', order: 'ASC' },
  ],
  // Newest first, as Tasklist lists them.
  created: [{ field: 'creationDate', order: 'DESC' }],
  step: [
    { field: 'name', order: 'ASC' },
    { field: 'dueDate', order: 'ASC' },
  ],
};

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw refusal(400, 'error.worklist.valueNotAllowed', { field, allowed: allowed.join(', ') });
}

/** The engine filter of a view for a person: their groups decide what they may see at all. */
function viewFilter(view: View, s: Session): UserTaskFilter {
  const groups = { candidateGroup: { $in: s.groups } };
  switch (view) {
    case 'mine':
      return { state: 'CREATED', assignee: s.userId, ...groups };
    case 'unassigned':
      return { state: 'CREATED', assignee: { $exists: false }, ...groups };
    case 'group':
      return { state: 'CREATED', ...groups };
    case 'completed':
      return { state: 'COMPLETED', assignee: s.userId, ...groups };
  }
}

export function worklistRoutes(deps: WorklistDeps): express.Router {
  const { camunda, legalClock, drafts } = deps;
  const eventsIntervalMs = deps.eventsIntervalMs ?? 2_000;
  const eventsMaxMs = deps.eventsMaxMs ?? 10 * 60_000;
  const router = express.Router();
  const session = (req: Request): Session => req.session!;
  const wrap =
    (fn: (req: Request, res: Response) => Promise<void> | void) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await fn(req, res);
      } catch (err) {
        if (err instanceof Refusal)
          res.status(err.status).json({ error: { code: `HTTP_${err.status}`, kk: err.kk, ru: err.ru } });
        else next(err);
      }
    };

  type Search = (
    filter: UserTaskFilter,
    from: number,
    limit: number,
    sort: Sort,
  ) => ReturnType<typeof camunda.searchUserTasks>;
  const search: Search = (filter, from, limit, sort) =>
    camunda.searchUserTasks({ filter, sort: SORT[sort], page: { from, limit } }, NO_WAIT);

  /** The application variables of a page of tasks: one search for all of them, never one per row. */
  const applicationsOf = (keys: string[]) =>
    rootVariablesOf(camunda, keys, ['applicationNumber', 'serviceId', 'applicant']);

  /**
   * What a view shows a person: one page of tasks with their deadline flags, and every view's count.
   * `searchWith` and `at` let the event streams share their searches and the engine's time in one look;
   * `withVariables: false` leaves out the application variables, which no stream compares.
   */
  async function readView(
    s: Session,
    query: Request['query'],
    {
      searchWith = search,
      at,
      withVariables = true,
    }: { searchWith?: Search; at?: Date; withVariables?: boolean } = {},
  ) {
    const q = listQuery({ query } as Request, (kk, ru) => new Refusal(400, kk, ru));
    const view = oneOf(query.view, VIEWS, 'group', 'view');
    const sort = oneOf(query.sort, SORTS, 'deadline', 'sort');
    const processInstanceVariables = [
      ...(q.service ? [{ name: 'serviceId', value: JSON.stringify(q.service) }] : []),
      ...searchVariableFilter(q.search),
    ];
    const now = at ?? (await deps.engineTime());
    if (!s.groups.length)
      return {
        items: [],
        counts: { mine: 0, unassigned: 0, group: 0, completed: 0 },
        view,
        sort,
        now: now.toISOString(),
        page: pageInfo(q, 0),
      };
    const filtered = {
      ...viewFilter(view, s),
      ...(processInstanceVariables.length ? { processInstanceVariables } : {}),
    };
    // One page query, one count per view (a one-row page: the engine counts with its indexes),
    // then one batched variable read for the page. A fixed number of queries whatever the size.
    const [result, ...counts] = await Promise.all([
      searchWith(filtered, q.from, PAGE_SIZE, sort),
      ...VIEWS.map((v) => searchWith(viewFilter(v, s), 0, 1, 'deadline')),
    ]);
    const tasks = result.items ?? [];
    const vars = withVariables
      ? await applicationsOf(tasks.map((x) => String(x.processInstanceKey ?? '')).filter(Boolean))
      : new Map<string, Record<string, unknown>>();
    const items = tasks.map((task) => {
      const v = vars.get(String(task.processInstanceKey)) ?? {};
      const applicant = (v.applicant ?? {}) as { name?: unknown; bin?: unknown };
      const open = task.state === 'CREATED' || (task.state === undefined && view !== 'completed');
      const deadline = open
        ? taskDeadline(legalClock, now, task.dueDate)
        : { remainingWorkingDays: null, flag: 'none' as const };
      return {
        userTaskKey: String(task.userTaskKey),
        name: task.name,
        elementId: task.elementId,
        // A task of a shared sub-process (hearing, signature) belongs to the service of its application.
        processDefinitionId: (v.serviceId as string | undefined) || task.processDefinitionId,
        processInstanceKey: String(task.processInstanceKey ?? ''),
        applicationNumber: v.applicationNumber as string | undefined,
        applicantName: typeof applicant.name === 'string' ? applicant.name : undefined,
        applicantBin: typeof applicant.bin === 'string' ? applicant.bin : undefined,
        assignee: task.assignee ?? null,
        state: task.state,
        dueDate: task.dueDate,
        creationDate: task.creationDate,
        completionDate: task.completionDate,
        ...deadline,
      };
    });
    return {
      items,
      counts: Object.fromEntries(VIEWS.map((v, i) => [v, Number(counts[i].page?.totalItems ?? 0)])),
      view,
      sort,
      now: now.toISOString(),
      page: pageInfo(q, Number(result.page?.totalItems ?? 0)),
    };
  }

  router.get(
    '/api/worklist',
    deps.guard,
    wrap(async (req, res) => {
      res.json(await readView(session(req), req.query));
    }),
  );

  /**
   * Live refresh: a server-sent event stream that says `changed` when what the page shows — its view's
   * page of tasks (which tasks, who holds them, their flags) or a view's count — is no longer what
   * it was. The page then re-reads that one page. Every `eventsIntervalMs` the web app looks at the
   * engine once for all open streams: streams that need the same search (the same view of the same
   * groups, the same count) share it, and the engine's time is read once. A stream ends after
   * `eventsMaxMs` and the browser opens a new one, so an expired session is noticed.
   */
  interface Stream {
    session: Session;
    query: Request['query'];
    last: string;
    ticks: number;
    res: Response;
  }
  const streams = new Set<Stream>();
  const heartbeatEvery = Math.max(1, Math.round(HEARTBEAT_MS / eventsIntervalMs));
  let poll: NodeJS.Timeout | undefined;
  let looking = false;

  /** One look for every open stream: each distinct search runs once, whatever the number of streams. */
  async function lookOnce(): Promise<void> {
    if (looking) return;
    looking = true;
    try {
      const at = await deps.engineTime();
      const shared = new Map<string, ReturnType<Search>>();
      const searchWith: Search = (filter, from, limit, sort) => {
        const key = JSON.stringify([filter, from, limit, sort]);
        let r = shared.get(key);
        if (!r) shared.set(key, (r = search(filter, from, limit, sort)));
        return r;
      };
      await Promise.all(
        [...streams].map(async (st) => {
          try {
            const now = viewSignature(
              await readView(st.session, st.query, { searchWith, at, withVariables: false }),
            );
            if (!streams.has(st)) return;
            if (now !== st.last) {
              st.last = now;
              st.res.write(`event: changed\ndata: ${JSON.stringify({ at: deps.now().toISOString() })}\n\n`);
            } else if (++st.ticks % heartbeatEvery === 0) st.res.write(': ping\n\n');
          } catch {
            // The engine did not answer this time: the next look tells.
          }
        }),
      );
    } catch {
      // The engine's time could not be read: the next look tells.
    } finally {
      looking = false;
    }
  }

  router.get(
    '/api/tasks/events',
    deps.guard,
    wrap(async (req, res) => {
      const s = session(req);
      const query = req.query;
      // A wrong view, sort or page is refused before the stream starts.
      const first = viewSignature(await readView(s, query, { withVariables: false }));
      // Gone while the view was read: its 'close' has passed, so a stream kept now would never end.
      if (req.socket.destroyed) return;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: ${RECONNECT_MS}\n\n`);
      const stream: Stream = { session: s, query, last: first, ticks: 0, res };
      streams.add(stream);
      poll ??= setInterval(() => void lookOnce(), eventsIntervalMs).unref();
      const end = setTimeout(() => res.end(), eventsMaxMs);
      req.on('close', () => {
        clearTimeout(end);
        streams.delete(stream);
        if (streams.size === 0 && poll) {
          clearInterval(poll);
          poll = undefined;
        }
      });
    }),
  );

  /** The task, if the person may work on it (one of its candidate groups is theirs). */
  async function taskFor(req: Request): Promise<TaskItem> {
    const key = String(req.params.key);
    const missing = refusal(404, 'error.worklist.taskNotFound');
    if (!UserTaskKey.isValid(key)) throw missing;
    const task = await camunda
      .getUserTask({ userTaskKey: UserTaskKey.assumeExists(key) }, NO_WAIT)
      .catch((err: unknown) => {
        const status =
          (err as { status?: number })?.status ??
          (err as { response?: { status?: number } })?.response?.status;
        throw status === 404 ? missing : err;
      });
    if (!(task.candidateGroups ?? []).some((g) => session(req).groups.includes(g)))
      throw refusal(403, 'error.worklist.forbidden');
    return task;
  }

  router.get(
    '/api/tasks/:key/draft',
    deps.guard,
    wrap(async (req, res) => {
      const task = await taskFor(req);
      const me = session(req).userId;
      // A draft of a task no longer open is of no use to anyone.
      if (task.state && task.state !== 'CREATED') {
        await drafts.discardTask(String(task.userTaskKey));
        res.json({ draft: null });
        return;
      }
      const d = await drafts.get(me, String(task.userTaskKey));
      res.json({ draft: d ? { data: d.data, savedAt: new Date(d.savedAt).toISOString() } : null });
    }),
  );

  router.put(
    '/api/tasks/:key/draft',
    deps.guard,
    wrap(async (req, res) => {
      const data = req.body?.data;
      if (data === null || typeof data !== 'object' || Array.isArray(data))
        throw refusal(400, 'error.worklist.draftNotObject', { field: 'data' });
      const json = JSON.stringify(data);
      if (Buffer.byteLength(json) > DRAFT_MAX_BYTES)
        throw refusal(413, 'error.worklist.draftTooLarge', { field: 'data', kb: DRAFT_MAX_BYTES / 1024 });
      const task = await taskFor(req);
      const me = session(req).userId;
      if (task.state && task.state !== 'CREATED') throw refusal(409, 'error.worklist.taskCompleted');
      // Fields are read-only until the task is claimed: only its assignee has something to keep.
      if (task.assignee !== me) throw refusal(409, 'error.worklist.claimFirst');
      const savedAt = deps.now();
      await drafts.save({
        userId: me,
        userTaskKey: String(task.userTaskKey),
        data: JSON.parse(json),
        savedAt: savedAt.getTime(),
      });
      res.json({ saved: true, savedAt: savedAt.toISOString() });
    }),
  );

  router.delete(
    '/api/tasks/:key/draft',
    deps.guard,
    wrap(async (req, res) => {
      const task = await taskFor(req);
      await drafts.discard(session(req).userId, String(task.userTaskKey));
      res.json({ discarded: true });
    }),
  );

  // Completion itself is the task API's (ui/app.ts); once it succeeds, the task's drafts go.
  router.post('/api/tasks/:key/complete', (req, res, next) => {
    const key = String(req.params.key);
    res.on('finish', () => {
      // The answer has gone: a draft left by a database that is down is discarded on its next read.
      if (res.statusCode === 200 && UserTaskKey.isValid(key)) drafts.discardTask(key).catch(() => undefined);
    });
    next();
  });

  return router;
}
