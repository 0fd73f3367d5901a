import type { AppDatabase } from './db/connect';
import { operatorRecords } from './db/operator-records';
import {
  createFeeSchedule,
  mciTableWith,
  parseMciRecord,
  shippedMciTable,
  type FeeSchedule,
  type MciRecord,
  type MciTable,
} from '../domain/legal-clock';

/** A record as stored: when it was recorded, beside what it says. */
export interface StoredMciRecord extends MciRecord {
  recordedAt: string;
}

export interface MciRecordStore {
  /** Every record, in the order recorded. */
  list(): Promise<StoredMciRecord[]>;
  /** Validates and records a year's MCI; a year already shipped or recorded is refused. */
  append(record: MciRecord, recordedAt: Date): Promise<StoredMciRecord>;
  /** Changes whenever a record is added (by any process on the database). */
  version(): Promise<string>;
}

export class MciRecordConflictError extends Error {
  override readonly name = 'MciRecordConflictError';
}

/**
 * MCI records in the application database, shared by every process that uses it. `base` is the
 * shipped table: its years cannot be recorded again.
 */
export function createMciRecordStore(db: AppDatabase, base: MciTable = shippedMciTable): MciRecordStore {
  const records = operatorRecords(db, 'mci_records');
  const read = async (): Promise<StoredMciRecord[]> =>
    (await records.list()).map((r) => ({ ...parseMciRecord(r.body), recordedAt: r.recordedAt }));

  return {
    list: read,
    async append(record, recordedAt) {
      const parsed = parseMciRecord(record);
      const year = String(parsed.year);
      if (Object.hasOwn(base, year))
        throw new MciRecordConflictError(`the MCI for ${year} is already in the shipped data`);
      const stored = { ...parsed, recordedAt: recordedAt.toISOString() };
      if (!(await records.append(year, stored.recordedAt, parsed)))
        throw new MciRecordConflictError(`the MCI for ${year} is already recorded`);
      return stored;
    },
    version: records.version,
  };
}

/**
 * The fee schedule on the shipped MCI table with every recorded year added. The store's version is
 * read on every call (one small query) and the schedule rebuilt when it changed, so a worker sees
 * a year recorded by any process on its next job without a restart.
 */
export function recordedFeeSchedule(
  store: MciRecordStore,
  base: MciTable = shippedMciTable,
): () => Promise<FeeSchedule> {
  let cached: { version: string; schedule: FeeSchedule } | undefined;
  return async () => {
    const version = await store.version();
    if (!cached || cached.version !== version) {
      cached = { version, schedule: createFeeSchedule(mciTableWith(base, await store.list())) };
    }
    return cached.schedule;
  };
}
