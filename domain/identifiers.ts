/**
 * Kazakhstan's individual and business identification numbers (IIN / BIN, ЖСН / БСН).
 *
 * Both are 12 digits whose last digit is a check digit computed over the first eleven: weights
 * 1..11 modulo 11; when that gives 10, a second pass with weights 3,4,5,6,7,8,9,10,11,1,2; when
 * that gives 10 again the number is never issued (so it is invalid).
 *
 * IIN: YYMMDD of birth, then one digit for century and sex (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s;
 * odd = male, even = female), four serial digits, check digit.
 * BIN: YYMM of state registration, entity-type digit (4 resident legal entity, 5 non-resident,
 * 6 joint individual entrepreneurship), division digit (0 head office, 1 branch,
 * 2 representative office, 3 other), five serial digits, check digit.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedRemainder(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += digits[i] * weights[i];
  return sum % 11;
}

/** The check digit for eleven leading digits, or `null` when no valid number can end them. */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('checkDigit needs exactly 11 digits');
  const digits = [...first11].map(Number);
  const first = weightedRemainder(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedRemainder(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function hasValidCheckDigit(id: string): boolean {
  return checkDigit(id.slice(0, 11)) === Number(id[11]);
}

export type Sex = 'male' | 'female';
export type IdentifierProblem = 'format' | 'checksum' | 'date' | 'century' | 'entity-type' | 'division';

export type IinParseResult =
  | { ok: true; iin: string; birthDate: string; sex: Sex; serial: number }
  | { ok: false; problem: IdentifierProblem };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Decodes an IIN; `ok: false` says which part is wrong. */
export function parseIin(value: string): IinParseResult {
  if (!/^\d{12}$/.test(value)) return { ok: false, problem: 'format' };
  const centuryDigit = Number(value[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: false, problem: 'century' };
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (!isRealDate(year, month, day)) return { ok: false, problem: 'date' };
  if (!hasValidCheckDigit(value)) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    iin: value,
    birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    sex: centuryDigit % 2 === 1 ? 'male' : 'female',
    serial: Number(value.slice(7, 11)),
  };
}

export function isValidIin(value: string): boolean {
  return parseIin(value).ok;
}

export type BinEntityType = 'resident-legal-entity' | 'non-resident-legal-entity' | 'joint-entrepreneurship';
export type BinDivision = 'head-office' | 'branch' | 'representative-office' | 'other';

const ENTITY_TYPE_DIGITS: Record<BinEntityType, number> = {
  'resident-legal-entity': 4,
  'non-resident-legal-entity': 5,
  'joint-entrepreneurship': 6,
};
const DIVISION_DIGITS: Record<BinDivision, number> = {
  'head-office': 0,
  branch: 1,
  'representative-office': 2,
  other: 3,
};

function keyOf<K extends string>(table: Record<K, number>, digit: number): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === digit);
}

export type BinParseResult =
  | {
      ok: true;
      bin: string;
      /** `YYYY-MM`; two-digit years from 50 on read as 19xx (BINs were first issued in the 2000s to existing entities too). */
      registeredYearMonth: string;
      entityType: BinEntityType;
      division: BinDivision;
      serial: number;
    }
  | { ok: false; problem: IdentifierProblem };

export function parseBin(value: string): BinParseResult {
  if (!/^\d{12}$/.test(value)) return { ok: false, problem: 'format' };
  const yy = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return { ok: false, problem: 'date' };
  const entityType = keyOf(ENTITY_TYPE_DIGITS, Number(value[4]));
  if (!entityType) return { ok: false, problem: 'entity-type' };
  const division = keyOf(DIVISION_DIGITS, Number(value[5]));
  if (!division) return { ok: false, problem: 'division' };
  if (!hasValidCheckDigit(value)) return { ok: false, problem: 'checksum' };
  const year = yy >= 50 ? 1900 + yy : 2000 + yy;
  return {
    ok: true,
    bin: value,
    registeredYearMonth: `${year}-${pad(month, 2)}`,
    entityType,
    division,
    serial: Number(value.slice(6, 11)),
  };
}

export function isValidBin(value: string): boolean {
  return parseBin(value).ok;
}

/**
 * Completes eleven digits with their check digit; when the prefix admits none, the serial
 * (the digits before the check digit) is advanced until one does, so generators always succeed.
 */
function completeWithCheckDigit(prefix: string, serial: number, serialWidth: number): string {
  const limit = 10 ** serialWidth;
  for (let step = 0; step < limit; step++) {
    const head = prefix + pad((serial + step) % limit, serialWidth);
    const digit = checkDigit(head);
    if (digit !== null) return head + digit;
  }
  throw new RangeError(`no valid identifier with prefix ${prefix}`);
}

/** A valid IIN for fixtures: `makeIin('1985-03-14', 'female', 17)`. */
export function makeIin(birthDate: string, sex: Sex, serial: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new RangeError(`birth date must be YYYY-MM-DD: ${birthDate}`);
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1800 || year > 2099 || !isRealDate(year, Number(m), Number(d))) {
    throw new RangeError(`no IIN encodes birth date ${birthDate}`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) throw new RangeError('IIN serial is 0..9999');
  const centuryDigit = 2 * Math.floor((year - 1800) / 100) + (sex === 'male' ? 1 : 2);
  return completeWithCheckDigit(`${y.slice(2)}${m}${d}${centuryDigit}`, serial, 4);
}

/** A valid BIN for fixtures: `makeBin('2019-03', 'resident-legal-entity', 4521)`. */
export function makeBin(
  registeredYearMonth: string,
  entityType: BinEntityType,
  serial: number,
  division: BinDivision = 'head-office',
): string {
  const match = /^(\d{4})-(\d{2})$/.exec(registeredYearMonth);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new RangeError(`registration month must be YYYY-MM: ${registeredYearMonth}`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 99999)
    throw new RangeError('BIN serial is 0..99999');
  const prefix = `${match[1].slice(2)}${match[2]}${ENTITY_TYPE_DIGITS[entityType]}${DIVISION_DIGITS[division]}`;
  return completeWithCheckDigit(prefix, serial, 5);
}

/** For logs: personal identifiers never appear in clear text (`950115300412` -> `9501******12`). */
export function maskIin(value: string): string {
  if (value.length < 6) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`;
}
