import { z } from 'zod';
import { CalendarDataError } from './errors';
import { dayOrdinal, parseDay, weekdayOf } from './time';
import year2024 from './calendar/2024.json';
import year2025 from './calendar/2025.json';
import year2026 from './calendar/2026.json';
import year2027 from './calendar/2027.json';

export const DAY_KINDS = [
  'holiday',
  'substitute-day-off',
  'religious-day-off',
  'transferred-day-off',
  'worked-weekend-day',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** A departure from the five-day week: a weekday off, or a weekend day worked. */
export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  legalBasis: string;
  /** Computed or best knowledge, not yet confirmed by an official act. */
  provisional?: boolean;
  /** Set when the entry comes from a calendar revision rather than the shipped data. */
  revisionId?: string;
}

export interface CalendarYear {
  year: number;
  provisional?: boolean;
  notes?: string[];
  /** Every non-working weekday and every worked weekend day of the year, sorted by date. */
  days: CalendarDay[];
}

/** Validated calendar data: contiguous years, ascending. Build it with {@link loadCalendar}. */
export interface Calendar {
  readonly years: readonly CalendarYear[];
}

const daySchema = z.object({
  date: z.string(),
  kind: z.enum(DAY_KINDS),
  name: z.string().min(1),
  legalBasis: z.string().min(1),
  provisional: z.boolean().optional(),
  revisionId: z.string().optional(),
});
const yearSchema = z.object({
  year: z.number().int(),
  provisional: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
  days: z.array(daySchema),
});

export function isWeekend(ordinal: number): boolean {
  const weekday = weekdayOf(ordinal);
  return weekday === 0 || weekday === 6;
}

/**
 * Checks calendar year data and returns it as a {@link Calendar}: no duplicate date, every date
 * inside its year, a worked-weekend-day on a Saturday or Sunday and every other kind on a weekday,
 * and no gap between years (a gap would make a term across it silently wrong).
 */
export function loadCalendar(years: readonly unknown[]): Calendar {
  const parsed: CalendarYear[] = years.map((raw, i) => {
    const result = yearSchema.safeParse(raw);
    if (!result.success) throw new CalendarDataError(`calendar year #${i}: ${z.prettifyError(result.error)}`);
    return result.data;
  });
  parsed.sort((a, b) => a.year - b.year);
  if (parsed.length === 0) throw new CalendarDataError('calendar has no years');
  parsed.forEach((year, i) => {
    if (i > 0 && year.year !== parsed[i - 1].year + 1) {
      throw new CalendarDataError(
        year.year === parsed[i - 1].year
          ? `year ${year.year} given twice`
          : `calendar has a gap before ${year.year}`,
      );
    }
    const seen = new Set<string>();
    for (const day of year.days) {
      const where = `${year.year}: ${day.date}`;
      let ordinal: number;
      try {
        ordinal = parseDay(day.date, 'date');
      } catch (error) {
        throw new CalendarDataError(`${where}: ${(error as Error).message}`);
      }
      if (ordinal < dayOrdinal(year.year, 1, 1) || ordinal > dayOrdinal(year.year, 12, 31)) {
        throw new CalendarDataError(`${where} lies outside its year`);
      }
      if (seen.has(day.date)) throw new CalendarDataError(`${where} is listed twice`);
      seen.add(day.date);
      const weekend = isWeekend(ordinal);
      if (day.kind === 'worked-weekend-day' && !weekend) {
        throw new CalendarDataError(`${where} is a worked-weekend-day but falls on a weekday`);
      }
      if (day.kind !== 'worked-weekend-day' && weekend) {
        throw new CalendarDataError(`${where} is a ${day.kind} but falls on a weekend, which is off anyway`);
      }
    }
    year.days.sort((a, b) => a.date.localeCompare(b.date));
  });
  return { years: parsed };
}

/** The calendar shipped with the code (2024-2027; 2027 provisional). */
export const shippedCalendar: Calendar = loadCalendar([year2024, year2025, year2026, year2027]);
