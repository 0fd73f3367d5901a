import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** An append-only history kept as one JSON file; the operator records (calendar revisions, MCI, amendments) use it. */
export interface JsonRecordFile<T> {
  /** Every record, in the order recorded; a missing file is an empty history. */
  read(): Promise<T[]>;
  /** Replaces the file: written then renamed, so a crash never leaves half a history behind. */
  write(records: T[]): Promise<void>;
  /** Runs read-modify-write steps one at a time, so two writers in one process cannot both read the same old file. */
  serialised<R>(work: () => Promise<R>): Promise<R>;
}

/**
 * The file `{ "<listKey>": [...] }` at `filePath`. Every record carries `recordedAt`; `parse`
 * validates the rest and returns the stored record.
 */
export function jsonRecordFile<T>(
  filePath: string,
  listKey: string,
  parse: (raw: Record<string, unknown>, recordedAt: string) => T,
): JsonRecordFile<T> {
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<T[]> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const list = (JSON.parse(text) as Record<string, unknown>)[listKey];
    if (!Array.isArray(list)) throw new Error(`${filePath}: expected { "${listKey}": [...] }`);
    return list.map((raw: Record<string, unknown>) => {
      if (typeof raw.recordedAt !== 'string') throw new Error(`${filePath}: a record has no recordedAt`);
      return parse(raw, raw.recordedAt);
    });
  }

  async function write(records: T[]): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ [listKey]: records }, null, 2)}\n`, 'utf8');
    await rename(temporary, filePath);
  }

  return {
    read,
    write,
    serialised(work) {
      const result = queue.then(work);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
