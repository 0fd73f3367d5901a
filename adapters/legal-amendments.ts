import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseLegalAmendment, sameAmendment, type LegalAmendment } from '../domain/rules/legal-amendments';

/** An amendment as stored: when it was recorded, beside what it says. */
export interface StoredLegalAmendment extends LegalAmendment {
  recordedAt: string;
  /** The rules-change notice started for it, once started. */
  noticeProcessInstanceKey?: string;
}

export interface LegalAmendmentStore {
  /** Every amendment ever recorded, in the order recorded. */
  list(): Promise<StoredLegalAmendment[]>;
  /**
   * Records an amendment once: the same amendment again returns the stored one (`created: false`);
   * another description under the same identity is refused.
   */
  record(
    amendment: LegalAmendment,
    recordedAt: Date,
  ): Promise<{ stored: StoredLegalAmendment; created: boolean }>;
  /** Notes the notice started for amendment `id`. */
  noticeStarted(id: string, processInstanceKey: string): Promise<StoredLegalAmendment>;
}

/** The amendment's identity is already recorded with another description. */
export class LegalAmendmentConflictError extends Error {
  override readonly name = 'LegalAmendmentConflictError';
  constructor(readonly stored: StoredLegalAmendment) {
    super(`legal amendment ${stored.id} is already recorded with another description`);
  }
}

/** A JSON file of amendments (`{ "amendments": [...] }`) at `filePath`; a missing file is an empty history. */
export function createLegalAmendmentStore(filePath: string): LegalAmendmentStore {
  // Writes in one process are serialised so that two writers cannot both read the same old file.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<StoredLegalAmendment[]> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const data = JSON.parse(text) as { amendments?: unknown };
    if (!Array.isArray(data.amendments)) throw new Error(`${filePath}: expected { "amendments": [...] }`);
    return data.amendments.map((raw: { recordedAt?: unknown }) => {
      if (typeof raw.recordedAt !== 'string') throw new Error(`${filePath}: an amendment has no recordedAt`);
      const key = (raw as { noticeProcessInstanceKey?: unknown }).noticeProcessInstanceKey;
      return {
        ...parseLegalAmendment(raw),
        recordedAt: raw.recordedAt,
        ...(typeof key === 'string' ? { noticeProcessInstanceKey: key } : {}),
      };
    });
  }

  async function write(amendments: StoredLegalAmendment[]): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    // Write then rename, so a crash never leaves half a history behind.
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ amendments }, null, 2)}\n`, 'utf8');
    await rename(temporary, filePath);
  }

  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    list: read,
    noticeStarted(id, processInstanceKey) {
      return serialised(async () => {
        const amendments = await read();
        const i = amendments.findIndex((a) => a.id === id);
        if (i < 0) throw new Error(`legal amendment ${id} is not recorded`);
        amendments[i] = { ...amendments[i], noticeProcessInstanceKey: processInstanceKey };
        await write(amendments);
        return amendments[i];
      });
    },
    record(amendment, recordedAt) {
      return serialised(async () => {
        const amendments = await read();
        const existing = amendments.find((a) => a.id === amendment.id);
        if (existing) {
          if (!sameAmendment(existing, amendment)) throw new LegalAmendmentConflictError(existing);
          return { stored: existing, created: false };
        }
        const stored = { ...amendment, recordedAt: recordedAt.toISOString() };
        await write([...amendments, stored]);
        return { stored, created: true };
      });
    },
  };
}
