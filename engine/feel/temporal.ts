import { date as feelDate } from '@bpmn-io/feelin';

/**
 * The slice of luxon that feelin hands back for temporal values. luxon ships without type
 * declarations here, so values are recognised by luxon's own brand flags instead of `instanceof`.
 */
export interface LuxonZone {
  type: string; // 'fixed' | 'iana' | 'system'
  name: string;
}
export interface LuxonDateTime {
  isLuxonDateTime: true;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offset: number; // minutes east of UTC
  daysInMonth: number;
  zone: LuxonZone;
  toMillis(): number;
}
export interface LuxonDuration {
  isLuxonDuration: true;
  years: number;
  quarters: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
  as(unit: 'milliseconds'): number;
  toISO(): string | null;
}

export function isDateTime(value: unknown): value is LuxonDateTime {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true
  );
}

export function isDuration(value: unknown): value is LuxonDuration {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isLuxonDuration?: unknown }).isLuxonDuration === true
  );
}

/** feelin marks a value as a FEEL `date` by this exact zone instance (midnight, luxon's UTC singleton). */
const DATE_ZONE = (feelDate('2000-01-01') as unknown as LuxonDateTime).zone;

/**
 * A UTC zone that is not luxon's singleton, so that a clock reading at exactly midnight UTC stays a
 * FEEL `date and time` instead of being taken for a `date`.
 */
const CLOCK_ZONE: LuxonZone = (() => {
  const fixedZone = (feelDate('2000-01-01T00:00:00+01:00') as unknown as LuxonDateTime).zone;
  const FixedOffsetZone = fixedZone.constructor as new (offsetMinutes: number) => LuxonZone;
  return new FixedOffsetZone(0);
})();

/** FEEL kind of a luxon DateTime, decided exactly as feelin decides it. */
export function temporalKind(value: LuxonDateTime): 'date' | 'time' | 'date time' {
  if (value.year === 1900 && value.month === 1 && value.day === 1) return 'time';
  if (
    value.hour === 0 &&
    value.minute === 0 &&
    value.second === 0 &&
    value.millisecond === 0 &&
    value.zone === DATE_ZONE
  ) {
    return 'date';
  }
  return 'date time';
}

/** `now()` as Zeebe's FEEL sees it: a zoned date-time in UTC at the engine's clock reading. */
export function clockDateTime(now: Date): LuxonDateTime {
  const local = now.toISOString().slice(0, -1); // drop 'Z': the zone comes from CLOCK_ZONE
  return feelDate(local, undefined, CLOCK_ZONE as never) as unknown as LuxonDateTime;
}

/** `today()`: the UTC calendar date of the engine's clock reading. */
export function clockDate(now: Date): LuxonDateTime {
  return feelDate(now.toISOString().slice(0, 10)) as unknown as LuxonDateTime;
}

const pad = (n: number, width = 2): string => String(Math.abs(Math.trunc(n))).padStart(width, '0');

/** java.time.LocalDate#toString */
function formatLocalDate(v: LuxonDateTime): string {
  const year = v.year > 9999 ? `+${v.year}` : pad(v.year, 4);
  return `${year}-${pad(v.month)}-${pad(v.day)}`;
}

/** java.time.LocalTime#toString: seconds and fraction appear only when non-zero. */
function formatLocalTime(v: LuxonDateTime): string {
  let text = `${pad(v.hour)}:${pad(v.minute)}`;
  if (v.second !== 0 || v.millisecond !== 0) {
    text += `:${pad(v.second)}`;
    if (v.millisecond !== 0) text += `.${pad(v.millisecond, 3)}`;
  }
  return text;
}

/** java.time.ZoneOffset#getId */
function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.abs(offsetMinutes) / 60)}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

/**
 * Renders a FEEL temporal value the way Zeebe writes it into a variable: Java's `toString` of
 * LocalDate, LocalTime, LocalDateTime or ZonedDateTime (`2026-12-01T18:30+05:00`,
 * `2026-12-01T18:30+06:00[Asia/Almaty]`).
 */
export function formatDateTime(v: LuxonDateTime): string {
  const kind = temporalKind(v);
  if (kind === 'date') return formatLocalDate(v);
  const local = v.zone.type === 'system'; // feelin's value for a string without offset or zone
  if (kind === 'time') {
    if (local) return formatLocalTime(v);
    return `${pad(v.hour)}:${pad(v.minute)}:${pad(v.second)}${v.millisecond ? `.${pad(v.millisecond, 3)}` : ''}${formatOffset(v.offset)}`;
  }
  const dateTime = `${formatLocalDate(v)}T${formatLocalTime(v)}`;
  if (local) return dateTime;
  const region = v.zone.type === 'iana' ? `[${v.zone.name}]` : '';
  return `${dateTime}${formatOffset(v.offset)}${region}`;
}

/**
 * Renders a FEEL duration as Zeebe does: a years-and-months duration as java.time.Period
 * (`P1Y2M`), a days-and-time duration as java.time.Duration (`PT36H`; one day is `PT24H`).
 */
export function formatDuration(d: LuxonDuration): string {
  const totalMonths = d.years * 12 + d.quarters * 3 + d.months;
  const hasDayTime = d.weeks || d.days || d.hours || d.minutes || d.seconds || d.milliseconds;
  if (totalMonths !== 0 && hasDayTime) return d.toISO() ?? 'PT0S'; // not a FEEL duration; keep ISO
  if (totalMonths !== 0) {
    const years = Math.trunc(totalMonths / 12);
    const months = totalMonths % 12;
    return `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}`;
  }
  return formatJavaDuration(d.as('milliseconds'));
}

/** java.time.Duration#toString for a whole number of milliseconds. */
export function formatJavaDuration(totalMs: number): string {
  if (totalMs === 0) return 'PT0S';
  const sign = totalMs < 0 ? '-' : '';
  const abs = Math.abs(Math.round(totalMs));
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const seconds = Math.floor((abs % 60_000) / 1000);
  const ms = abs % 1000;
  let text = 'PT';
  if (hours) text += `${sign}${hours}H`;
  if (minutes) text += `${sign}${minutes}M`;
  if (seconds || ms || text === 'PT') {
    const fraction = ms ? `.${String(ms).padStart(3, '0').replace(/0+$/, '')}` : '';
    text += `${sign}${seconds}${fraction}S`;
  }
  return text;
}
