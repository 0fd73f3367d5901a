import { InvalidInputError, MciUnknownError, UnknownRequestKindError } from './errors';
import { parseDay } from './time';
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
    if (!entry)
      throw new MciUnknownError(
        `no MCI is known for ${year} (payment date ${paymentDate}); add it to the MCI table`,
      );
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

/** Fees at the MCI values shipped in `mci.json`. */
export const shippedFeeSchedule: FeeSchedule = createFeeSchedule(mciData.years);

export function licenceFee(kind: LicenceRequestKind, paymentDate: string): LicenceFee {
  return shippedFeeSchedule.licenceFee(kind, paymentDate);
}
