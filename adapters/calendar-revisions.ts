import type { AppDatabase } from './db/connect';
import { operatorRecords } from './db/operator-records';
import {
  buildCalendar,
  parseCalendarRevision,
  type Calendar,
  type CalendarRevision,
} from '../domain/legal-clock';

/** A revision as stored: who recorded it and when, beside what it says. */
export interface StoredCalendarRevision extends CalendarRevision {
  recordedAt: string;
}

export interface CalendarRevisionStore {
  /** Every revision ever recorded, in the order recorded. Nothing is edited or removed: a correction is a new revision. */
  list(): Promise<StoredCalendarRevision[]>;
  /** Validates and records a revision; an id already used is refused. */
  append(revision: CalendarRevision, recordedAt: Date): Promise<StoredCalendarRevision>;
  /** `base` with the revisions effective at `asOf` (all when omitted) applied. */
  calendarAsOf(base: Calendar, asOf?: Date): Promise<Calendar>;
  /** Changes whenever a revision is recorded (by any process on the database). */
  version(): Promise<string>;
}

export class CalendarRevisionConflictError extends Error {
  override readonly name = 'CalendarRevisionConflictError';
}

/** Calendar revisions in the application database, shared by every process that uses it. */
export function createCalendarRevisionStore(db: AppDatabase): CalendarRevisionStore {
  const records = operatorRecords(db, 'calendar_revisions');
  const read = async (): Promise<StoredCalendarRevision[]> =>
    (await records.list()).map((r) => ({ ...parseCalendarRevision(r.body), recordedAt: r.recordedAt }));

  return {
    list: read,
    async append(revision, recordedAt) {
      const parsed = parseCalendarRevision(revision);
      const stored = { ...parsed, recordedAt: recordedAt.toISOString() };
      if (!(await records.append(parsed.id, stored.recordedAt, parsed)))
        throw new CalendarRevisionConflictError(`calendar revision ${parsed.id} is already recorded`);
      return stored;
    },
    async calendarAsOf(base, asOf) {
      return buildCalendar(base, await read(), asOf);
    },
    version: records.version,
  };
}
