import { z } from 'zod';
import type { Calendar, CalendarDay } from './calendar';
import { DAY_KINDS, isWeekend, loadCalendar } from './calendar';
import { CalendarDataError, CalendarRangeError, InvalidInputError } from './errors';
import { formatDay, parseDay, parseInstant } from './time';

/** A day's new status: one of the calendar kinds, or `working-day` to make it an ordinary working day. */
export type RevisionChangeKind = (typeof DAY_KINDS)[number] | 'working-day';

/**
 * An operator's amendment of the calendar (a transfer order, the confirmed Kurban Ait date, a law
 * change), kept with its legal basis so that every computed deadline can be traced to an act.
 */
export interface CalendarRevision {
  id: string;
  /** ISO instant from which the revision applies; revisions apply in this order. */
  effectiveAt: string;
  author: string;
  legalBasis: string;
  changes: { date: string; kind: RevisionChangeKind; name?: string }[];
}

export const calendarRevisionSchema = z.object({
  id: z.string().min(1),
  effectiveAt: z.string().refine((text) => {
    try {
      parseInstant(text);
      return true;
    } catch {
      return false;
    }
  }, 'effectiveAt must be an ISO-8601 instant with an offset or Z'),
  author: z.string().min(1),
  legalBasis: z.string().min(1),
  changes: z
    .array(
      z.object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        kind: z.enum([...DAY_KINDS, 'working-day']),
        name: z.string().min(1).optional(),
      }),
    )
    .min(1),
});

/** Validates an untrusted revision (e.g. read from a file or a request body). */
export function parseCalendarRevision(raw: unknown): CalendarRevision {
  const result = calendarRevisionSchema.safeParse(raw);
  if (!result.success) throw new InvalidInputError(`calendar revision: ${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * Applies revisions effective at or before `asOf` (all when omitted) to `base`, in order of
 * `effectiveAt` (ties keep their given order). The calendar stores only departures from the
 * five-day week, so a change either removes the day's entry (it becomes what its weekday says)
 * or records it: `working-day` on a Saturday becomes a worked-weekend-day, a day off on a
 * weekend just drops a worked-weekend-day. The result is validated like shipped data.
 */
export function buildCalendar(
  base: Calendar,
  revisions: readonly CalendarRevision[],
  asOf?: Date | string,
): Calendar {
  const asOfMs = asOf === undefined ? Number.POSITIVE_INFINITY : new Date(asOf).getTime();
  if (Number.isNaN(asOfMs)) throw new InvalidInputError(`asOf ${String(asOf)} is not a valid instant`);
  const ordered = revisions
    .map((revision, order) => ({
      revision,
      order,
      at: parseInstant(revision.effectiveAt, 'effectiveAt').getTime(),
    }))
    .filter(({ at }) => at <= asOfMs)
    .sort((a, b) => a.at - b.at || a.order - b.order);

  const years = new Map(
    base.years.map((year) => [year.year, new Map(year.days.map((day) => [day.date, day]))]),
  );
  for (const { revision } of ordered) {
    for (const change of revision.changes) {
      const ordinal = parseDay(change.date, `revision ${revision.id} date`);
      const days = years.get(Number(change.date.slice(0, 4)));
      if (!days)
        throw new CalendarRangeError(
          `revision ${revision.id} changes ${change.date}, outside the calendar data`,
        );
      const weekend = isWeekend(ordinal);
      const worked = change.kind === 'working-day' || change.kind === 'worked-weekend-day';
      if (change.kind === 'worked-weekend-day' && !weekend) {
        throw new CalendarDataError(
          `revision ${revision.id}: ${change.date} is a weekday, not a weekend day to work`,
        );
      }
      if (worked !== weekend) {
        days.delete(change.date);
        continue;
      }
      const entry: CalendarDay = {
        date: change.date,
        kind: weekend ? 'worked-weekend-day' : (change.kind as CalendarDay['kind']),
        name: change.name ?? `${change.kind} (revision ${revision.id})`,
        legalBasis: revision.legalBasis,
        revisionId: revision.id,
      };
      days.set(change.date, entry);
    }
  }
  return loadCalendar(
    base.years.map((year) => ({ ...year, days: [...(years.get(year.year) ?? new Map()).values()] })),
  );
}

export interface DayStatus {
  working: boolean;
  kind?: CalendarDay['kind'];
  name?: string;
}

export interface ChangedDay {
  date: string;
  before: DayStatus;
  after: DayStatus;
}

function statusIn(index: Map<string, CalendarDay>, ordinal: number, date: string): DayStatus {
  const entry = index.get(date);
  if (!entry) return { working: !isWeekend(ordinal) };
  return { working: entry.kind === 'worked-weekend-day', kind: entry.kind, name: entry.name };
}

/** Days from `from` to `to` inclusive (`YYYY-MM-DD`) whose working status or kind differs between two calendars. */
export function changedDays(
  calendarA: Calendar,
  calendarB: Calendar,
  from: string,
  to: string,
): ChangedDay[] {
  const index = (calendar: Calendar) =>
    new Map(calendar.years.flatMap((year) => year.days.map((day) => [day.date, day])));
  const [a, b] = [index(calendarA), index(calendarB)];
  const changed: ChangedDay[] = [];
  for (let ordinal = parseDay(from, 'from'); ordinal <= parseDay(to, 'to'); ordinal++) {
    const date = formatDay(ordinal);
    const [before, after] = [statusIn(a, ordinal, date), statusIn(b, ordinal, date)];
    if (before.working !== after.working || before.kind !== after.kind) changed.push({ date, before, after });
  }
  return changed;
}

export interface AffectedDeadline {
  name: string;
  before: string | undefined;
  after: string | undefined;
}

/** Deadlines (flat `name -> instant` maps, as in process variables) whose value a calendar change moved, added or removed. */
export function deadlinesAffected(
  oldDeadlines: Readonly<Record<string, string | undefined>>,
  newDeadlines: Readonly<Record<string, string | undefined>>,
): AffectedDeadline[] {
  const names = [...new Set([...Object.keys(oldDeadlines), ...Object.keys(newDeadlines)])].sort();
  return names
    .filter((name) => oldDeadlines[name] !== newDeadlines[name])
    .map((name) => ({ name, before: oldDeadlines[name], after: newDeadlines[name] }));
}
