import { stat } from 'node:fs/promises';
import { jsonRecordFile } from './json-record-file';
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
}

export class MciRecordConflictError extends Error {
  override readonly name = 'MciRecordConflictError';
}

/**
 * A JSON file of MCI records (`{ "records": [...] }`) at `filePath`; a missing file is an empty
 * history. `base` is the shipped table: its years cannot be recorded again.
 */
export function createMciRecordStore(filePath: string, base: MciTable = shippedMciTable): MciRecordStore {
  const file = jsonRecordFile<StoredMciRecord>(filePath, 'records', (raw, recordedAt) => ({
    ...parseMciRecord(raw),
    recordedAt,
  }));
  const read = file.read;

  return {
    list: read,
    append(record, recordedAt) {
      return file.serialised(async () => {
        const parsed = parseMciRecord(record);
        const year = String(parsed.year);
        if (Object.hasOwn(base, year))
          throw new MciRecordConflictError(`the MCI for ${year} is already in the shipped data`);
        const records = await read();
        if (records.some((r) => r.year === parsed.year))
          throw new MciRecordConflictError(`the MCI for ${year} is already recorded`);
        const stored = { ...parsed, recordedAt: recordedAt.toISOString() };
        await file.write([...records, stored]);
        return stored;
      });
    },
  };
}

/**
 * The fee schedule on the shipped MCI table with every recorded year added. The file is re-read
 * when it changes, so a worker sees a newly recorded year on its next job without a restart.
 */
export function recordedFeeSchedule(
  store: MciRecordStore,
  filePath: string,
  base: MciTable = shippedMciTable,
): () => Promise<FeeSchedule> {
  let cached: { stamp: string; schedule: FeeSchedule } | undefined;
  return async () => {
    let stamp = 'none';
    try {
      const s = await stat(filePath);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!cached || cached.stamp !== stamp) {
      cached = { stamp, schedule: createFeeSchedule(mciTableWith(base, await store.list())) };
    }
    return cached.schedule;
  };
}
