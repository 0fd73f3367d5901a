import { DateTime, IANAZone } from 'luxon';

/**
 * The one place where instants become Kazakhstan's local time and back. Built on luxon's
 * `Asia/Almaty` zone: UTC+6 until 29 February 2024, UTC+5 from 00:00 local on 1 March 2024
 * (government decree of 19 January 2024). Used by the legal clock, documents, workers, the web
 * app's server and its browser code, so a time is read and shown the same way everywhere.
 */
export const ALMATY_ZONE = 'Asia/Almaty';

const zone = IANAZone.create(ALMATY_ZONE);
const MS_PER_HOUR = 3_600_000;

/**
 * luxon reads the zone from the runtime's time-zone data; data older than tzdata 2024a still
 * says +06:00 after March 2024 and would move every registration day and deadline. Refuse to run
 * on it rather than compute wrong terms.
 */
function checkZoneData(): void {
  const before = zone.offset(Date.UTC(2024, 1, 15, 12));
  const after = zone.offset(Date.UTC(2024, 2, 5, 12));
  if (before !== 360 || after !== 300) {
    throw new Error(
      `the runtime's time-zone data gives Asia/Almaty ${before} min before and ${after} min after ` +
        '1 March 2024 (expected 360 and 300): update Node.js or its ICU time-zone data (tzdata 2024a or later)',
    );
  }
}
checkZoneData();

// Offsets change on whole hours and rarely: each lookup found is remembered as the span of hours
// around it with the same offset, so the legal clock pays luxon's price once per span.
const MAX_SPAN_HOURS = 24 * 366;
interface Span {
  from: number;
  to: number;
  offset: number;
}
const spans: Span[] = [];
let lastSpan: Span | undefined;

function offsetAtHour(hour: number): number {
  return zone.offset(hour * MS_PER_HOUR);
}

/** The first hour in (known, limit] whose offset differs from `offset`, or limit + 1 when none does. */
function edge(known: number, limit: number, offset: number): number {
  const step = Math.sign(limit - known);
  // Probe a month at a time, then halve down to the hour.
  let inside = known;
  let probe = known;
  for (;;) {
    const next = inside + step * 24 * 30;
    probe = step > 0 ? Math.min(next, limit) : Math.max(next, limit);
    if (offsetAtHour(probe) !== offset) break;
    inside = probe;
    if (probe === limit) return limit + step;
  }
  while (Math.abs(probe - inside) > 1) {
    const mid = inside + Math.trunc((probe - inside) / 2);
    if (offsetAtHour(mid) === offset) inside = mid;
    else probe = mid;
  }
  return probe;
}

/** Offset of Asia/Almaty from UTC, in minutes, at an instant (ms since the epoch). */
export function almatyOffsetMinutes(utcMs: number): number {
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  if (lastSpan && hour >= lastSpan.from && hour < lastSpan.to) return lastSpan.offset;
  for (const span of spans) {
    if (hour >= span.from && hour < span.to) {
      lastSpan = span;
      return span.offset;
    }
  }
  const offset = offsetAtHour(hour);
  const span = {
    from: edge(hour, hour - MAX_SPAN_HOURS, offset) + 1,
    to: edge(hour, hour + MAX_SPAN_HOURS, offset),
    offset,
  };
  if (spans.length > 1000) spans.length = 0;
  spans.push(span);
  lastSpan = span;
  return offset;
}

type InstantLike = Date | number | string;

function toMillis(at: InstantLike): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return ms;
}

/** The instant as a luxon DateTime in Asia/Almaty. */
export function inAlmaty(at: InstantLike): DateTime {
  return DateTime.fromMillis(toMillis(at), { zone });
}

/** `YYYY-MM-DD`: the Almaty calendar day of an instant. */
export function almatyDay(at: InstantLike): string {
  return inAlmaty(at).toISODate()!;
}

/** `YYYY-MM-DDTHH:mm:ss+05:00` (+06:00 before March 2024): the instant in Almaty time, to the second. */
export function almatyIso(at: InstantLike): string {
  return inAlmaty(at).startOf('second').toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** Day, month, year and HH:mm of an instant in Almaty time, zero-padded. */
export function almatyParts(at: InstantLike): { day: string; month: string; year: string; time: string } {
  const t = inAlmaty(at);
  return {
    day: t.toFormat('dd'),
    month: t.toFormat('MM'),
    year: t.toFormat('yyyy'),
    time: t.toFormat('HH:mm'),
  };
}

/** `DD.MM.YYYY HH:mm` in Almaty time (the numeric form both languages use). */
export function formatAlmatyDateTime(at: InstantLike): string {
  return inAlmaty(at).toFormat('dd.MM.yyyy HH:mm');
}

/** `DD.MM.YYYY HH:mm:ss` in Almaty time, e.g. when a signature was made. */
export function formatAlmatyDateTimeSeconds(at: InstantLike): string {
  return inAlmaty(at).toFormat('dd.MM.yyyy HH:mm:ss');
}

/**
 * The offset (minutes) in force at an Almaty wall-clock time given as ms after 1970-01-01T00:00
 * local: the legal clock's 18:30 of a day. A wall-clock time skipped or repeated by a change of
 * offset takes the offset in force just after the change.
 */
export function almatyOffsetAtWallClock(localMs: number): number {
  const guess = almatyOffsetMinutes(localMs);
  const offset = almatyOffsetMinutes(localMs - guess * 60_000);
  return offset === guess ? offset : almatyOffsetMinutes(localMs - offset * 60_000);
}

/** The instant of an Almaty wall-clock time (month 1–12). */
export function fromAlmatyWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const t = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  if (!t.isValid) throw new RangeError(`not a time: ${year}-${month}-${day} ${hour}:${minute}:${second}`);
  return t.toJSDate();
}

const WALL_CLOCK =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date and time entered in a browser, as a date-time picker serialises it (`2026-12-01T10:00`,
 * possibly with the browser's own offset such as `+03:00` or `Z`), read as Almaty time whatever
 * the browser's zone: the wall-clock digits count, the browser's offset does not. Returns the
 * instant as `YYYY-MM-DDTHH:mm:ss+05:00`, or undefined when the text is not such a date-time.
 */
export function almatyFromBrowserInput(value: string): string | undefined {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const t = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  // luxon moves a non-existent wall-clock time (30 February, 25:00) instead of refusing it.
  if (
    !t.isValid ||
    t.year !== year ||
    t.month !== month ||
    t.day !== day ||
    t.hour !== hour ||
    t.minute !== minute
  )
    return undefined;
  return t.toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/**
 * The reverse, for filling a browser date-time picker: the instant's Almaty wall clock as
 * `YYYY-MM-DDTHH:mm`, without offset, so the picker shows Almaty time in any browser zone.
 */
export function browserInputFromAlmaty(at: InstantLike): string {
  return inAlmaty(at).toFormat("yyyy-MM-dd'T'HH:mm");
}
