import { almatyOffsetAtWallClock, almatyOffsetMinutes } from '../almaty-time';
import { InvalidInputError } from './errors';

const MS_PER_DAY = 86_400_000;
/** Close of business, 18:30 local, in ms after local midnight. */
export const CLOSE_OF_BUSINESS_MS = (18 * 60 + 30) * 60_000;

/** Offset of Asia/Almaty at an instant, from the one time module (`domain/almaty-time`). */
export function offsetMinutesAt(utcMs: number): number {
  return almatyOffsetMinutes(utcMs);
}

/** Offset in force at 18:30 local of a day (ordinal as from {@link dayOrdinal}). */
export function offsetMinutesAtCloseOf(ordinal: number): number {
  return almatyOffsetAtWallClock(ordinal * MS_PER_DAY + CLOSE_OF_BUSINESS_MS);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function dayOrdinal(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Local (Asia/Almaty) day ordinal and ms after local midnight of an instant. */
export function localDayAndTime(utcMs: number): { ordinal: number; msOfDay: number } {
  const localMs = utcMs + offsetMinutesAt(utcMs) * 60_000;
  const ordinal = Math.floor(localMs / MS_PER_DAY);
  return { ordinal, msOfDay: localMs - ordinal * MS_PER_DAY };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(ordinal: number): number {
  return (((ordinal + 4) % 7) + 7) % 7;
}

export function formatDay(ordinal: number): string {
  return new Date(ordinal * MS_PER_DAY).toISOString().slice(0, 10);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `YYYY-MM-DDT18:30:00+05:00` (or +06:00 before March 2024) for a day. */
export function formatCloseOfBusiness(ordinal: number): string {
  return `${formatDay(ordinal)}T18:30:00${formatOffset(offsetMinutesAtCloseOf(ordinal))}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` that names a real date; returns its ordinal. */
export function parseDay(text: string, what = 'day'): number {
  const match = typeof text === 'string' ? DAY_PATTERN.exec(text) : null;
  if (!match) throw new InvalidInputError(`${what} must be YYYY-MM-DD, got ${JSON.stringify(text)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ordinal = dayOrdinal(year, month, day);
  // Date.UTC rolls 30 February over into March; a date that does not round-trip does not exist.
  if (formatDay(ordinal) !== text) throw new InvalidInputError(`${what} ${text} is not a calendar date`);
  return ordinal;
}

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an ISO-8601 instant that carries `Z` or an offset. A local time without offset is
 * rejected: the same wall-clock time names different instants before and after March 2024.
 */
export function parseInstant(text: string, what = 'instant'): Date {
  const match = typeof text === 'string' ? INSTANT_PATTERN.exec(text) : null;
  if (!match)
    throw new InvalidInputError(`${what} must be ISO-8601 with an offset or Z, got ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const dateOk = formatDay(dayOrdinal(year, month, day)) === `${match[1]}-${match[2]}-${match[3]}`;
  const offsetOk = match[7] === 'Z' || (Number(match[8]) <= 23 && Number(match[9]) <= 59);
  if (!dateOk || hour > 23 || minute > 59 || second > 59 || !offsetOk) {
    throw new InvalidInputError(`${what} ${text} is not a valid instant`);
  }
  return new Date(text);
}
