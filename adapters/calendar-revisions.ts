import { jsonRecordFile } from './json-record-file';
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
}

export class CalendarRevisionConflictError extends Error {
  override readonly name = 'CalendarRevisionConflictError';
}

/** A JSON file of calendar revisions (`{ "revisions": [...] }`) at `filePath`; a missing file is an empty history. */
export function createCalendarRevisionStore(filePath: string): CalendarRevisionStore {
  const file = jsonRecordFile<StoredCalendarRevision>(filePath, 'revisions', (raw, recordedAt) => ({
    ...parseCalendarRevision(raw),
    recordedAt,
  }));
  const read = file.read;

  return {
    list: read,
    append(revision, recordedAt) {
      return file.serialised(async () => {
        const parsed = parseCalendarRevision(revision);
        const revisions = await read();
        if (revisions.some((stored) => stored.id === parsed.id)) {
          throw new CalendarRevisionConflictError(`calendar revision ${parsed.id} is already recorded`);
        }
        const stored = { ...parsed, recordedAt: recordedAt.toISOString() };
        await file.write([...revisions, stored]);
        return stored;
      });
    },
    async calendarAsOf(base, asOf) {
      return buildCalendar(base, await read(), asOf);
    },
  };
}
