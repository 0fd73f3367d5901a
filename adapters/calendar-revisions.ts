import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
  // Appends in one process are serialised so that two writers cannot both read the same old file.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<StoredCalendarRevision[]> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const data = JSON.parse(text) as { revisions?: unknown };
    if (!Array.isArray(data.revisions)) throw new Error(`${filePath}: expected { "revisions": [...] }`);
    return data.revisions.map((raw: { recordedAt?: unknown }) => {
      if (typeof raw.recordedAt !== 'string') throw new Error(`${filePath}: a revision has no recordedAt`);
      return { ...parseCalendarRevision(raw), recordedAt: raw.recordedAt };
    });
  }

  async function write(revisions: StoredCalendarRevision[]): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    // Write then rename, so a crash never leaves half a history behind.
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ revisions }, null, 2)}\n`, 'utf8');
    await rename(temporary, filePath);
  }

  return {
    list: read,
    append(revision, recordedAt) {
      const result = queue.then(async () => {
        const parsed = parseCalendarRevision(revision);
        const revisions = await read();
        if (revisions.some((stored) => stored.id === parsed.id)) {
          throw new CalendarRevisionConflictError(`calendar revision ${parsed.id} is already recorded`);
        }
        const stored = { ...parsed, recordedAt: recordedAt.toISOString() };
        await write([...revisions, stored]);
        return stored;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    async calendarAsOf(base, asOf) {
      return buildCalendar(base, await read(), asOf);
    },
  };
}
