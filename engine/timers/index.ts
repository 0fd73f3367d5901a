import { CronExpressionParser } from 'cron-parser';

/**
 * Zeebe timer definitions (timeDate, timeDuration, timeCycle) turned into due dates.
 * Calendar arithmetic is done in UTC, the zone a Zeebe broker runs in by default.
 */

export type TimerKind = 'timeDate' | 'timeDuration' | 'timeCycle';

export interface TimerSchedule {
  dueAt: Date;
  /** Triggers still to come after this one; Infinity for an unbounded cycle. */
  repetitions: number;
  /** The schedule after this one has triggered at `after`, or null when the cycle is exhausted. */
  next(after: Date): TimerSchedule | null;
}

export class TimerDefinitionError extends Error {
  constructor(
    readonly kind: TimerKind,
    readonly value: string,
    reason: string,
  ) {
    super(`invalid ${kind} '${value}': ${reason}`);
    this.name = 'TimerDefinitionError';
  }
}

/** An ISO 8601 duration split the way java.time splits it: calendar period, then exact time. */
export interface TimerDuration {
  years: number;
  months: number;
  days: number;
  /** Hours, minutes and seconds as milliseconds. */
  timeMs: number;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,9})?)S)?)?$/;

/** Parses `P1Y2M3DT4H5M6S`, `P2W`, `PT0.5S`; negative and fractional-unit durations are rejected. */
export function parseDuration(text: string): TimerDuration | undefined {
  const m = DURATION.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const n = (s: string | undefined): number => (s === undefined ? 0 : Number(s.replace(',', '.')));
  return {
    years: n(m[1]),
    months: n(m[2]),
    days: n(m[3]) * 7 + n(m[4]),
    timeMs: Math.round(n(m[5]) * 3_600_000 + n(m[6]) * 60_000 + n(m[7]) * 1000),
  };
}

/** Adds a duration in UTC: years and months clamp to the month's last day (Jan 31 + P1M = Feb 28/29). */
export function addDuration(from: Date, d: TimerDuration): Date {
  const totalMonths = from.getUTCMonth() + d.years * 12 + d.months;
  const year = from.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(from.getTime());
  shifted.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  return new Date(shifted.getTime() + d.days * 86_400_000 + d.timeMs);
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\]|@(.+))?$/i;

/** UTC offset of an IANA zone at an instant, in minutes, via Intl. */
function zoneOffsetMinutes(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((wallClock - Math.floor(at / 1000) * 1000) / 60_000);
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a zoned date-time as Zeebe accepts it (java.time.ZonedDateTime): an offset or `Z` is
 * required, optionally followed by `[Zone/Id]`; FEEL's `…@Zone/Id` form is accepted too.
 * Returns a reason string when the text is not acceptable.
 */
export function parseZonedDateTime(text: string): Date | string {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return 'expected an ISO 8601 date-time such as 2026-12-01T18:30:00+05:00';
  const [, day, hh, mm, ss = '0', fraction = '', offset, bracketZone, atZone] = m;
  const zone = bracketZone ?? atZone;
  if (zone && !isKnownZone(zone)) return `unknown time zone '${zone}'`;
  if (!offset && !zone)
    return 'a date-time without offset or zone is local to the server; add an offset such as +05:00 or Z';
  const [y, mo, d] = day.split('-').map(Number);
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const wallClock = Date.UTC(y, mo - 1, d, Number(hh), Number(mm), Number(ss), ms);
  const check = new Date(wallClock);
  if (
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    Number(hh) > 23 ||
    Number(mm) > 59 ||
    Number(ss) > 59
  ) {
    return 'not a valid calendar date-time';
  }
  if (offset) {
    if (offset.toUpperCase() === 'Z') return new Date(wallClock);
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh, om, os = '0'] = offset.slice(1).split(':');
    return new Date(wallClock - sign * (Number(oh) * 3_600_000 + Number(om) * 60_000 + Number(os) * 1000));
  }
  // Wall-clock time in a region: settle the offset in two passes to land on the right side of DST.
  let instant = wallClock - zoneOffsetMinutes(zone as string, wallClock) * 60_000;
  instant = wallClock - zoneOffsetMinutes(zone as string, instant) * 60_000;
  return new Date(instant);
}

function once(dueAt: Date): TimerSchedule {
  return { dueAt, repetitions: 0, next: () => null };
}

/** `R[n]/[start/]duration`: the first trigger at `start` if still ahead, else one interval from now. */
function repeatingInterval(value: string, now: Date): TimerSchedule {
  const fail = (reason: string): never => {
    throw new TimerDefinitionError('timeCycle', value, reason);
  };
  const parts = value.trim().split('/');
  if (parts.length < 2 || parts.length > 3) fail('expected R<n>/<duration> or R<n>/<start>/<duration>');
  const countText = parts[0].slice(1);
  if (countText !== '' && !/^\d+$/.test(countText))
    fail('the repetition count after R must be a whole number');
  const total = countText === '' ? Infinity : Number(countText);
  const duration =
    parseDuration(parts[parts.length - 1]) ??
    fail(`'${parts[parts.length - 1]}' is not an ISO 8601 duration`);
  let first = addDuration(now, duration);
  if (parts.length === 3) {
    const start = parseZonedDateTime(parts[1]);
    if (typeof start === 'string') fail(`start '${parts[1]}': ${start}`);
    if ((start as Date).getTime() > now.getTime()) first = start as Date;
  }
  const schedule = (dueAt: Date, remaining: number): TimerSchedule => ({
    dueAt,
    repetitions: remaining,
    next(after: Date) {
      if (remaining <= 0) return null;
      // Zeebe keeps the rhythm of the cycle, but a cycle missed entirely restarts from `after`.
      const natural = addDuration(dueAt, duration);
      const due = natural.getTime() > after.getTime() ? natural : addDuration(after, duration);
      return schedule(due, remaining - 1);
    },
  });
  return schedule(first, Math.max(total - 1, 0));
}

const SPRING_MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/** Spring-style six-field cron (`sec min hour day month weekday`), evaluated in UTC, unbounded. */
function cronCycle(value: string, now: Date): TimerSchedule {
  const expression = SPRING_MACROS[value.trim().toLowerCase()] ?? value.trim();
  const fields = expression.split(/\s+/);
  const fail = (reason: string): never => {
    throw new TimerDefinitionError('timeCycle', value, reason);
  };
  if (fields.length !== 6)
    fail(
      'expected an ISO 8601 repeating interval (R5/PT10S) or a cron expression with six fields (sec min hour day month weekday)',
    );
  // Spring requires both day fields to match when both are restricted; the cron library would accept
  // either, so such expressions are refused rather than run differently.
  const restricted = (f: string): boolean => f !== '*' && f !== '?';
  if (restricted(fields[3]) && restricted(fields[5]))
    fail('restrict either the day-of-month or the day-of-week field, not both');
  const nextAfter = (after: Date): Date => {
    try {
      return CronExpressionParser.parse(expression, { currentDate: after, tz: 'UTC' }).next().toDate();
    } catch (err) {
      return fail((err as Error).message);
    }
  };
  const schedule = (dueAt: Date): TimerSchedule => ({
    dueAt,
    repetitions: Infinity,
    next: (after: Date) => schedule(nextAfter(after.getTime() >= dueAt.getTime() ? after : dueAt)),
  });
  return schedule(nextAfter(now));
}

/**
 * Computes when a timer is due, from its definition text (an expression already evaluated).
 * Throws {@link TimerDefinitionError} for anything Zeebe would reject.
 */
export function parseTimer(kind: TimerKind, value: string, now: Date): TimerSchedule {
  const text = value.trim();
  if (text === '') throw new TimerDefinitionError(kind, value, 'the definition is empty');
  switch (kind) {
    case 'timeDate': {
      const due = parseZonedDateTime(text);
      if (typeof due === 'string') throw new TimerDefinitionError(kind, value, due);
      return once(due);
    }
    case 'timeDuration': {
      const duration = parseDuration(text);
      if (!duration)
        throw new TimerDefinitionError(kind, value, 'expected an ISO 8601 duration such as PT5M, P1D or P2W');
      return once(addDuration(now, duration));
    }
    case 'timeCycle':
      return /^R/i.test(text) && text.includes('/') ? repeatingInterval(text, now) : cronCycle(text, now);
    default:
      throw new TimerDefinitionError(kind, value, 'unknown timer kind');
  }
}
