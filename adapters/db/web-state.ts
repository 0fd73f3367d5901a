import { orderedId } from './audit';
import { guarded, openAppDatabase, type AppDatabase } from './connect';

/**
 * The web app's own working state in the application database, shared by every replica: clerks'
 * task drafts, the operators' log, the designer's drafts, and sessions. Each factory takes the
 * application database, or `':memory:'` for a private in-memory SQLite one (tests), closed with it.
 */
type Db = AppDatabase | ':memory:';

function opened(db: Db) {
  const appDb = db === ':memory:' ? openAppDatabase({ dialect: 'sqlite', file: ':memory:' }) : db;
  return {
    ready: () => appDb.ready(),
    run: <T>(work: () => Promise<T>) => guarded(appDb.where, work),
    /** Closes the database only when the store opened it. */
    close: () => (db === ':memory:' ? appDb.close() : Promise.resolve()),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (text: string) => Date.parse(text);

// ---- clerks' drafts ----------------------------------------------------------------------------

/** What a clerk has typed into a task's form and not yet completed, per person and task. */
export interface TaskDraft {
  userId: string;
  userTaskKey: string;
  data: Record<string, unknown>;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export interface TaskDraftStore {
  get(userId: string, userTaskKey: string): Promise<TaskDraft | undefined>;
  save(draft: TaskDraft): Promise<void>;
  discard(userId: string, userTaskKey: string): Promise<void>;
  /** Every person's draft of a task (it was completed). */
  discardTask(userTaskKey: string): Promise<void>;
  close(): Promise<void>;
}

export function createTaskDraftRepository(db: Db): TaskDraftStore {
  const { ready, run, close } = opened(db);
  return {
    get: (userId, userTaskKey) =>
      run(async () => {
        const row = await (
          await ready()
        )
          .selectFrom('task_drafts')
          .select(['data', 'saved_at'])
          .where('user_task_key', '=', userTaskKey)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return row
          ? {
              userId,
              userTaskKey,
              data: JSON.parse(row.data) as Record<string, unknown>,
              savedAt: ms(row.saved_at),
            }
          : undefined;
      }),
    save: (d) =>
      run(async () => {
        const values = { data: JSON.stringify(d.data), saved_at: iso(d.savedAt) };
        await (
          await ready()
        )
          .insertInto('task_drafts')
          .values({ user_task_key: d.userTaskKey, user_id: d.userId, ...values })
          .onConflict((oc) => oc.columns(['user_task_key', 'user_id']).doUpdateSet(values))
          .execute();
      }),
    discard: (userId, userTaskKey) =>
      run(async () => {
        await (
          await ready()
        )
          .deleteFrom('task_drafts')
          .where('user_task_key', '=', userTaskKey)
          .where('user_id', '=', userId)
          .execute();
      }),
    discardTask: (userTaskKey) =>
      run(async () => {
        await (await ready()).deleteFrom('task_drafts').where('user_task_key', '=', userTaskKey).execute();
      }),
    close,
  };
}

// ---- the operators' log ------------------------------------------------------------------------

/**
 * What an operator did to a running application, with the reason they gave: cancelling it,
 * changing one of its values, retrying a failed step. Every entry is kept; nothing is edited.
 */
export interface OperatorAction {
  processInstanceKey: string;
  applicationNumber?: string;
  action: 'cancel' | 'variable' | 'retry';
  /** The value's name (variable), the step's element id (retry). */
  subject?: string;
  before?: unknown;
  after?: unknown;
  reason: string;
  /** The operator's user id and display name. */
  by: string;
  byName?: string;
  /** Milliseconds since the epoch, by the engine's clock. */
  at: number;
}

export interface OperatorAuditLog {
  record(action: OperatorAction): Promise<void>;
  /** The actions on the given process instances, oldest first. */
  forInstances(processInstanceKeys: string[]): Promise<OperatorAction[]>;
}

export function createOperatorLogRepository(db: Db): OperatorAuditLog & { close(): Promise<void> } {
  const { ready, run, close } = opened(db);
  return {
    record: (action) =>
      run(async () => {
        await (
          await ready()
        )
          .insertInto('operator_actions')
          .values({
            id: orderedId(),
            process_instance_key: action.processInstanceKey,
            at: iso(action.at),
            entry: JSON.stringify(action),
          })
          .execute();
      }),
    forInstances: (keys) =>
      run(async () => {
        if (!keys.length) return [];
        const rows = await (
          await ready()
        )
          .selectFrom('operator_actions')
          .select('entry')
          .where('process_instance_key', 'in', keys)
          .orderBy('at')
          .orderBy('id')
          .execute();
        return rows.map((r) => JSON.parse(r.entry) as OperatorAction);
      }),
    close,
  };
}

// ---- the designer's drafts ---------------------------------------------------------------------

export type DraftKind = 'bpmn' | 'form';

export interface Draft {
  kind: DraftKind;
  /** File name, e.g. `security-licence.bpmn`. */
  name: string;
  content: string;
  savedBy: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export interface DraftStore {
  save(draft: Draft): Promise<void>;
  /** The latest save of a file, if any. */
  latest(kind: DraftKind, name: string): Promise<Draft | undefined>;
  /** Names of the files of a kind that have drafts. */
  names(kind: DraftKind): Promise<string[]>;
  close(): Promise<void>;
}

export function createDesignerDraftRepository(db: Db): DraftStore {
  const { ready, run, close } = opened(db);
  return {
    save: (d) =>
      run(async () => {
        await (
          await ready()
        )
          .insertInto('designer_drafts')
          .values({
            id: orderedId(),
            kind: d.kind,
            name: d.name,
            content: d.content,
            saved_by: d.savedBy,
            saved_at: iso(d.savedAt),
          })
          .execute();
      }),
    latest: (kind, name) =>
      run(async () => {
        const row = await (
          await ready()
        )
          .selectFrom('designer_drafts')
          .selectAll()
          .where('kind', '=', kind)
          .where('name', '=', name)
          .orderBy('saved_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        return row
          ? {
              kind: row.kind as DraftKind,
              name: row.name,
              content: row.content,
              savedBy: row.saved_by,
              savedAt: ms(row.saved_at),
            }
          : undefined;
      }),
    names: (kind) =>
      run(async () => {
        const rows = await (
          await ready()
        )
          .selectFrom('designer_drafts')
          .select('name')
          .distinct()
          .where('kind', '=', kind)
          .orderBy('name')
          .execute();
        return rows.map((r) => r.name);
      }),
    close,
  };
}

// ---- sessions ----------------------------------------------------------------------------------

export interface StoredSession<I = unknown> {
  identity: I;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** The provider's ID token, sent back as `id_token_hint` when signing out (staff only). */
  idToken?: string;
}

/** A sign-in started at the provider: what the callback must see again (login CSRF, PKCE, replay). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: number;
}

export interface SessionStore<I = unknown> {
  put(key: string, session: StoredSession<I>): Promise<void>;
  get(key: string): Promise<StoredSession<I> | undefined>;
  touch(key: string, at: number): Promise<void>;
  delete(key: string): Promise<void>;
  putLogin(key: string, login: PendingLogin): Promise<void>;
  /** Returns and deletes the pending sign-in, so a callback can be used once (on any replica). */
  takeLogin(key: string): Promise<PendingLogin | undefined>;
  /** Deletes sessions last seen before `idleBefore` or created before `createdBefore`, and stale sign-ins. */
  purge(idleBefore: number, createdBefore: number, loginsBefore: number): Promise<void>;
  close(): Promise<void>;
}

export function createSessionRepository<I>(db: Db): SessionStore<I> {
  const { ready, run, close } = opened(db);
  return {
    put: (key, s) =>
      run(async () => {
        const values = {
          identity: JSON.stringify(s.identity),
          csrf_token: s.csrfToken,
          created_at: iso(s.createdAt),
          last_seen_at: iso(s.lastSeenAt),
          id_token: s.idToken ?? null,
        };
        await (
          await ready()
        )
          .insertInto('web_sessions')
          .values({ session_key: key, ...values })
          .onConflict((oc) => oc.column('session_key').doUpdateSet(values))
          .execute();
      }),
    get: (key) =>
      run(async () => {
        const row = await (
          await ready()
        )
          .selectFrom('web_sessions')
          .selectAll()
          .where('session_key', '=', key)
          .executeTakeFirst();
        if (!row) return undefined;
        return {
          identity: JSON.parse(row.identity) as I,
          csrfToken: row.csrf_token,
          createdAt: ms(row.created_at),
          lastSeenAt: ms(row.last_seen_at),
          ...(row.id_token ? { idToken: row.id_token } : {}),
        };
      }),
    touch: (key, at) =>
      run(async () => {
        await (
          await ready()
        )
          .updateTable('web_sessions')
          .set({ last_seen_at: iso(at) })
          .where('session_key', '=', key)
          .execute();
      }),
    delete: (key) =>
      run(async () => {
        await (await ready()).deleteFrom('web_sessions').where('session_key', '=', key).execute();
      }),
    putLogin: (key, l) =>
      run(async () => {
        await (
          await ready()
        )
          .insertInto('pending_logins')
          .values({
            login_key: key,
            state: l.state,
            nonce: l.nonce,
            code_verifier: l.codeVerifier,
            return_to: l.returnTo,
            created_at: iso(l.createdAt),
          })
          .execute();
      }),
    takeLogin: (key) =>
      run(async () => {
        // DELETE … RETURNING (both dialects): of two callbacks with one sign-in, one gets it.
        const row = await (
          await ready()
        )
          .deleteFrom('pending_logins')
          .where('login_key', '=', key)
          .returningAll()
          .executeTakeFirst();
        return row
          ? {
              state: row.state,
              nonce: row.nonce,
              codeVerifier: row.code_verifier,
              returnTo: row.return_to,
              createdAt: ms(row.created_at),
            }
          : undefined;
      }),
    purge: (idleBefore, createdBefore, loginsBefore) =>
      run(async () => {
        const k = await ready();
        await k
          .deleteFrom('web_sessions')
          .where((eb) =>
            eb.or([eb('last_seen_at', '<', iso(idleBefore)), eb('created_at', '<', iso(createdBefore))]),
          )
          .execute();
        await k.deleteFrom('pending_logins').where('created_at', '<', iso(loginsBefore)).execute();
      }),
    close,
  };
}
