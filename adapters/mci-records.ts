import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<StoredMciRecord[]> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const data = JSON.parse(text) as { records?: unknown };
    if (!Array.isArray(data.records)) throw new Error(`${filePath}: expected { "records": [...] }`);
    return data.records.map((raw: { recordedAt?: unknown }) => {
      if (typeof raw.recordedAt !== 'string') throw new Error(`${filePath}: a record has no recordedAt`);
      return { ...parseMciRecord(raw), recordedAt: raw.recordedAt };
    });
  }

  async function write(records: StoredMciRecord[]): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    // Write then rename, so a crash never leaves half a history behind.
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ records }, null, 2)}\n`, 'utf8');
    await rename(temporary, filePath);
  }

  return {
    list: read,
    append(record, recordedAt) {
      const result = queue.then(async () => {
        const parsed = parseMciRecord(record);
        const year = String(parsed.year);
        if (Object.hasOwn(base, year))
          throw new MciRecordConflictError(`the MCI for ${year} is already in the shipped data`);
        const records = await read();
        if (records.some((r) => r.year === parsed.year))
          throw new MciRecordConflictError(`the MCI for ${year} is already recorded`);
        const stored = { ...parsed, recordedAt: recordedAt.toISOString() };
        await write([...records, stored]);
        return stored;
      });
      queue = result.catch(() => undefined);
      return result;
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
