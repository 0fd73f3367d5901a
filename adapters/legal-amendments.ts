import { jsonRecordFile } from './json-record-file';
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
  const file = jsonRecordFile<StoredLegalAmendment>(filePath, 'amendments', (raw, recordedAt) => {
    const key = raw.noticeProcessInstanceKey;
    return {
      ...parseLegalAmendment(raw),
      recordedAt,
      ...(typeof key === 'string' ? { noticeProcessInstanceKey: key } : {}),
    };
  });
  const { read, write, serialised } = file;

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
