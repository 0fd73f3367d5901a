import type { Calendar } from './calendar';
import { isWeekend, shippedCalendar } from './calendar';
import { CalendarRangeError, InvalidInputError } from './errors';
import { computeStepDeadlines, type StepDeadlines, type StepTermConfig } from './steps';
import {
  CLOSE_OF_BUSINESS_MS,
  dayOrdinal,
  formatCloseOfBusiness,
  formatDay,
  localDayAndTime,
  parseDay,
  parseInstant,
} from './time';

/** Working-day arithmetic over one calendar. Every method throws {@link CalendarRangeError} outside the data. */
export interface LegalClock {
  readonly firstYear: number;
  readonly lastYear: number;
  /** `YYYY-MM-DD` is a working day of state bodies (five-day week, holidays, transfers). */
  isWorkingDay(day: string): boolean;
  /**
   * C2: the day an application received at this instant is registered. A working day up to and
   * including 18:30:00.000 Asia/Almaty registers the same day; later, or on a day off, the next working day.
   */
  registrationDate(receivedAt: Date): string;
  /** C4: close of business (`YYYY-MM-DDT18:30:00+05:00`) of the n-th working day after the event day `from`. */
  termEnd(from: string, n: number): string;
  /** Registration day and the close of business of its n-th following working day. */
  deadlineFromReceipt(receivedAt: Date, n: number): { registeredOn: string; deadline: string };
  /**
   * C4 for a chained step: the term runs from the end of the step before it. `from` is that end,
   * as an instant (its Asia/Almaty calendar day is the event day) or as `YYYY-MM-DD`.
   */
  stepDeadline(from: string | Date, n: number): string;
  /**
   * Working days remaining from `a` to `b`: the working days whose 18:30 close is after `a` and
   * that are not later than `b`'s Asia/Almaty day. So on a working day before 18:30 the day itself
   * counts; a deadline already passed gives 0.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** The working day n working days after (n > 0) or before (n < 0) `day`; n = 0 needs `day` to be a working day. */
  addWorkingDays(day: string, n: number): string;
  /** `YYYY-MM-DDT18:30:00+05:00` of a working day. */
  closeOfBusiness(day: string): string;
  workingDaysInYear(year: number): number;
  /** Deadlines of every step of a service's request, planned from its registration day. */
  stepDeadlines(
    serviceId: string,
    requestKind: string,
    registeredOn: string,
    config?: StepTermConfig,
  ): StepDeadlines;
}

function requirePositiveInteger(n: number, what = 'number of working days'): void {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidInputError(`${what} must be a positive integer, got ${n}`);
}

/**
 * Builds a clock whose every answer is an array lookup: each day of the covered years gets its
 * count of working days before it (a prefix sum), and working days are listed by rank, so "the
 * n-th working day after d" is `workingDays[before[d + 1] + n - 1]`.
 */
export function createLegalClock(calendar: Calendar): LegalClock {
  const firstYear = calendar.years[0].year;
  const lastYear = calendar.years[calendar.years.length - 1].year;
  const base = dayOrdinal(firstYear, 1, 1);
  const size = dayOrdinal(lastYear, 12, 31) - base + 1;

  const working = new Uint8Array(size);
  for (let i = 0; i < size; i++) working[i] = isWeekend(base + i) ? 0 : 1;
  for (const year of calendar.years) {
    for (const day of year.days)
      working[parseDay(day.date) - base] = day.kind === 'worked-weekend-day' ? 1 : 0;
  }
  const before = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) before[i + 1] = before[i] + working[i];
  const byRank = new Int32Array(before[size]);
  for (let i = 0; i < size; i++) if (working[i]) byRank[before[i]] = i;
  // Strings are built once so that a deadline computation allocates nothing.
  const dayText: string[] = Array.from({ length: size }, (_, i) => formatDay(base + i));
  const closeText: string[] = Array.from({ length: size }, (_, i) =>
    working[i] ? formatCloseOfBusiness(base + i) : '',
  );

  const range = `${firstYear}-${lastYear}`;
  function indexOf(ordinal: number): number {
    const i = ordinal - base;
    if (i < 0 || i >= size)
      throw new CalendarRangeError(`${formatDay(ordinal)} is outside the calendar data (${range})`);
    return i;
  }
  function byRankChecked(rank: number, from: number): number {
    if (rank < 0 || rank >= byRank.length) {
      throw new CalendarRangeError(`a term from ${dayText[from]} leaves the calendar data (${range})`);
    }
    return byRank[rank];
  }
  /** Index of the n-th working day after index i. */
  function nthAfter(i: number, n: number): number {
    return byRankChecked(before[i + 1] + n - 1, i);
  }
  function registrationIndex(receivedAt: Date): number {
    const utcMs = receivedAt.getTime();
    if (Number.isNaN(utcMs)) throw new InvalidInputError('received-at instant is not a valid date');
    const { ordinal, msOfDay } = localDayAndTime(utcMs);
    const i = indexOf(ordinal);
    return working[i] && msOfDay <= CLOSE_OF_BUSINESS_MS ? i : nthAfter(i, 1);
  }
  function eventIndex(from: string | Date): number {
    if (from instanceof Date) {
      if (Number.isNaN(from.getTime())) throw new InvalidInputError('step end is not a valid date');
      return indexOf(localDayAndTime(from.getTime()).ordinal);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(from)) return indexOf(parseDay(from));
    return indexOf(localDayAndTime(parseInstant(from, 'step end').getTime()).ordinal);
  }

  const clock: LegalClock = {
    firstYear,
    lastYear,
    isWorkingDay: (day) => working[indexOf(parseDay(day))] === 1,
    registrationDate: (receivedAt) => dayText[registrationIndex(receivedAt)],
    termEnd(from, n) {
      requirePositiveInteger(n);
      const i = indexOf(parseDay(from, 'term start event day'));
      return closeText[nthAfter(i, n)];
    },
    deadlineFromReceipt(receivedAt, n) {
      requirePositiveInteger(n);
      const i = registrationIndex(receivedAt);
      return { registeredOn: dayText[i], deadline: closeText[nthAfter(i, n)] };
    },
    stepDeadline(from, n) {
      requirePositiveInteger(n);
      const i = eventIndex(from);
      return closeText[nthAfter(i, n)];
    },
    workingDaysBetween(a, b) {
      if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()))
        throw new InvalidInputError('instant is not a valid date');
      const start = localDayAndTime(a.getTime());
      const i = indexOf(start.ordinal);
      const firstCounted = working[i] && start.msOfDay < CLOSE_OF_BUSINESS_MS ? before[i] : before[i + 1];
      const j = indexOf(localDayAndTime(b.getTime()).ordinal);
      return Math.max(0, before[j + 1] - firstCounted);
    },
    addWorkingDays(day, n) {
      if (!Number.isSafeInteger(n))
        throw new InvalidInputError(`number of working days must be an integer, got ${n}`);
      const i = indexOf(parseDay(day));
      if (n > 0) return dayText[nthAfter(i, n)];
      if (n === 0) {
        if (!working[i]) throw new InvalidInputError(`${day} is not a working day`);
        return day;
      }
      // before[i] working days precede i, so the one |n| back has rank before[i] - |n|.
      return dayText[byRankChecked(before[i] + n, i)];
    },
    closeOfBusiness(day) {
      const i = indexOf(parseDay(day));
      if (!working[i]) throw new InvalidInputError(`${day} is not a working day`);
      return closeText[i];
    },
    workingDaysInYear(year) {
      if (!Number.isInteger(year) || year < firstYear || year > lastYear) {
        throw new CalendarRangeError(`year ${year} is outside the calendar data (${range})`);
      }
      return before[dayOrdinal(year + 1, 1, 1) - base] - before[dayOrdinal(year, 1, 1) - base];
    },
    stepDeadlines: (serviceId, requestKind, registeredOn, config) =>
      computeStepDeadlines(clock, serviceId, requestKind, registeredOn, config),
  };
  return clock;
}

/** The clock over the calendar shipped with the code, without revisions. */
export const defaultLegalClock: LegalClock = createLegalClock(shippedCalendar);
