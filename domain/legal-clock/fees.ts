import { z } from 'zod';
import { InvalidInputError, MciUnknownError, UnknownRequestKindError } from './errors';
import { parseDay } from './time';
import { t } from '../../i18n';
import mciData from './mci.json';

export const LICENCE_REQUEST_KINDS = ['issue', 'reissue', 'duplicate'] as const;
export type LicenceRequestKind = (typeof LICENCE_REQUEST_KINDS)[number];

/** Monthly calculation index per calendar year, tenge. */
export type MciTable = Readonly<Record<string, { mci: number; legalBasis: string }>>;

/** Security licence fee (Tax Code), in MCI: issue 6; re-issue 10 % of issue, at most 4; duplicate 100 %. */
const ISSUE_MCI = 6;
const REISSUE_CAP_MCI = 4;

export interface LicenceFee {
  /** Fee in MCI (0.6 for a re-issue). */
  mci: number;
  /** Whole tenge. */
  amount: number;
}

export interface FeeSchedule {
  /** The fee due for a payment made on `paymentDate` (`YYYY-MM-DD`), at that year's MCI. */
  licenceFee(kind: LicenceRequestKind, paymentDate: string): LicenceFee;
  mciOn(paymentDate: string): number;
}

export function createFeeSchedule(table: MciTable): FeeSchedule {
  for (const [year, entry] of Object.entries(table)) {
    if (!/^\d{4}$/.test(year) || !Number.isSafeInteger(entry.mci) || entry.mci <= 0) {
      throw new InvalidInputError(
        `MCI table entry ${year}: ${JSON.stringify(entry)} is not a positive whole tenge`,
      );
    }
  }
  function mciOn(paymentDate: string): number {
    parseDay(paymentDate, 'payment date');
    const year = paymentDate.slice(0, 4);
    const entry = Object.hasOwn(table, year) ? table[year] : undefined;
    if (!entry) throw new MciUnknownError(mciUnknownMessage(year, paymentDate));
    return entry.mci;
  }
  return {
    mciOn,
    licenceFee(kind, paymentDate) {
      const mci = mciOn(paymentDate);
      const issueAmount = ISSUE_MCI * mci;
      switch (kind) {
        case 'issue':
        case 'duplicate':
          return { mci: ISSUE_MCI, amount: issueAmount };
        case 'reissue': {
          // Integer tenge: a tenth of the issue fee, rounded half up, then capped.
          const amount = Math.min(Math.round(issueAmount / 10), REISSUE_CAP_MCI * mci);
          return { mci: amount === REISSUE_CAP_MCI * mci ? REISSUE_CAP_MCI : ISSUE_MCI / 10, amount };
        }
        default:
          throw new UnknownRequestKindError(
            `unknown licence request kind ${JSON.stringify(kind)} (known: ${LICENCE_REQUEST_KINDS.join(', ')})`,
          );
      }
    },
  };
}

/**
 * What an operator is told when a fee falls in a year without MCI (2027's is set by a budget law
 * not yet adopted): the year, and that it is recorded with its legal basis, never guessed.
 */
export function mciUnknownMessage(year: string, paymentDate: string): string {
  const params = { year, paymentDate };
  return `${t('kk', 'error.fees.mciUnknown', params)} / ${t('ru', 'error.fees.mciUnknown', params)}`;
}

/**
 * An operator's record of a year's MCI, once the budget law setting it is adopted: the value, the
 * law that sets it, who records it. Kept with its history like a calendar revision.
 */
export interface MciRecord {
  year: number;
  /** Whole tenge. */
  mci: number;
  /** The act that sets it, e.g. the law on the republican budget with its date. */
  legalBasis: string;
  author: string;
}

export const mciRecordSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  mci: z.number().int().positive(),
  legalBasis: z.string().trim().min(5),
  author: z.string().trim().min(1),
});

/** Validates an untrusted MCI record (a file an operator wrote, a request body). */
export function parseMciRecord(raw: unknown): MciRecord {
  const result = mciRecordSchema.safeParse(raw);
  if (!result.success) throw new InvalidInputError(`MCI record: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The shipped table with recorded years added; a year already known is not overwritten. */
export function mciTableWith(base: MciTable, records: readonly MciRecord[]): MciTable {
  const table: Record<string, { mci: number; legalBasis: string }> = { ...base };
  for (const r of records) {
    const year = String(r.year);
    if (!Object.hasOwn(table, year)) table[year] = { mci: r.mci, legalBasis: r.legalBasis };
  }
  return table;
}

/** Fees at the MCI values shipped in `mci.json`. */
export const shippedMciTable: MciTable = mciData.years;
export const shippedFeeSchedule: FeeSchedule = createFeeSchedule(shippedMciTable);

export function licenceFee(kind: LicenceRequestKind, paymentDate: string): LicenceFee {
  return shippedFeeSchedule.licenceFee(kind, paymentDate);
}
