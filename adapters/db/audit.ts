import { randomUUID } from 'node:crypto';
import { guarded, type AppDatabase } from './connect';

/** What was done. Staff actions on applications, and operators' actions on the running system. */
export const AUDIT_ACTIONS = [
  'task.claim',
  'task.release',
  'task.complete',
  /** A completion that carries a decision (approve, refuse, grounds found …), its value in `detail`. */
  'decision',
  'signature',
  'document.view',
  'document.download',
  'operator.incident-retry',
  'operator.amendment',
  'operator.calendar-revision',
  'operator.mci-record',
  'operator.cancel',
  'operator.variables',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  /** When, as an ISO instant. */
  at: string;
  /** Who: the session's user id (applicants: their IIN/BIN-derived id) and the role acted in. */
  userId: string;
  role: string;
  action: AuditAction;
  applicationNumber?: string;
  taskKey?: string;
  documentId?: string;
  /** From where: the client address the web app saw. */
  ip?: string;
  /** What else matters to reading the event later (decision, process instance, incident …). */
  detail?: Record<string, unknown>;
}

export interface StoredAuditEvent extends AuditEvent {
  id: string;
  detail: Record<string, unknown>;
}

export interface AuditQuery {
  applicationNumber?: string;
  userId?: string;
  action?: AuditAction;
  /** Newest first; at most `limit` (default 100, at most 1,000), skipping `offset`. */
  limit?: number;
  offset?: number;
}

/** The audit trail: append-only, shared by every replica on the database. */
export interface AuditTrail {
  record(event: AuditEvent): Promise<StoredAuditEvent>;
  list(query?: AuditQuery): Promise<StoredAuditEvent[]>;
}

export class AuditEventError extends Error {
  override readonly name = 'AuditEventError';
}

const MAX_DETAIL_CHARS = 16_000;

/**
 * Ids that sort in recording order (milliseconds, then a per-process counter, then randomness), so
 * events of one instant of the application clock still read back in the order they happened.
 */
let lastMs = 0;
let counter = 0;
export function orderedId(): string {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return `${ms.toString(16).padStart(12, '0')}-${counter.toString(16).padStart(6, '0')}-${randomUUID()}`;
}

export function createAuditTrail(appDb: AppDatabase): AuditTrail {
  const run = <T>(work: () => Promise<T>) => guarded(appDb.where, work);
  return {
    record: (event) =>
      run(async () => {
        if (!(AUDIT_ACTIONS as readonly string[]).includes(event.action))
          throw new AuditEventError(`unknown audit action ${JSON.stringify(event.action)}`);
        if (!event.userId) throw new AuditEventError('an audit event needs the user who acted');
        if (Number.isNaN(Date.parse(event.at)))
          throw new AuditEventError(`audit time is not an instant: ${event.at}`);
        const detail = JSON.stringify(event.detail ?? {});
        if (detail.length > MAX_DETAIL_CHARS)
          throw new AuditEventError(`audit detail over ${MAX_DETAIL_CHARS} characters`);
        const stored: StoredAuditEvent = { ...event, id: orderedId(), detail: event.detail ?? {} };
        const db = await appDb.ready();
        await db
          .insertInto('audit_events')
          .values({
            id: stored.id,
            at: new Date(event.at).toISOString(),
            user_id: event.userId,
            role: event.role,
            action: event.action,
            application_number: event.applicationNumber ?? null,
            task_key: event.taskKey ?? null,
            document_id: event.documentId ?? null,
            ip: event.ip ?? null,
            detail,
          })
          .execute();
        return { ...stored, at: new Date(event.at).toISOString() };
      }),
    list: (query = {}) =>
      run(async () => {
        const db = await appDb.ready();
        let q = db.selectFrom('audit_events').selectAll();
        if (query.applicationNumber) q = q.where('application_number', '=', query.applicationNumber);
        if (query.userId) q = q.where('user_id', '=', query.userId);
        if (query.action) q = q.where('action', '=', query.action);
        const rows = await q
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(Math.min(Math.max(query.limit ?? 100, 1), 1000))
          .offset(Math.max(query.offset ?? 0, 0))
          .execute();
        return rows.map((r) => ({
          id: r.id,
          at: r.at,
          userId: r.user_id,
          role: r.role,
          action: r.action as AuditAction,
          ...(r.application_number ? { applicationNumber: r.application_number } : {}),
          ...(r.task_key ? { taskKey: r.task_key } : {}),
          ...(r.document_id ? { documentId: r.document_id } : {}),
          ...(r.ip ? { ip: r.ip } : {}),
          detail: JSON.parse(r.detail) as Record<string, unknown>,
        }));
      }),
  };
}
