import type { AppDatabase } from './db/connect';
import { operatorRecords, type OperatorRecordRow } from './db/operator-records';
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

/** Legal amendments in the application database, shared by every process that uses it. */
export function createLegalAmendmentStore(db: AppDatabase): LegalAmendmentStore {
  const records = operatorRecords(db, 'legal_amendments');
  const fromRow = (r: OperatorRecordRow): StoredLegalAmendment => ({
    ...parseLegalAmendment(r.body),
    recordedAt: r.recordedAt,
    ...(r.noticeProcessInstanceKey ? { noticeProcessInstanceKey: r.noticeProcessInstanceKey } : {}),
  });

  return {
    list: async () => (await records.list()).map(fromRow),
    async noticeStarted(id, processInstanceKey) {
      if (!(await records.setNoticeKey(id, processInstanceKey)))
        throw new Error(`legal amendment ${id} is not recorded`);
      return fromRow((await records.get(id))!);
    },
    async record(amendment, recordedAt) {
      const stored: StoredLegalAmendment = { ...amendment, recordedAt: recordedAt.toISOString() };
      if (await records.append(amendment.id, stored.recordedAt, amendment)) return { stored, created: true };
      const existing = fromRow((await records.get(amendment.id))!);
      if (!sameAmendment(existing, amendment)) throw new LegalAmendmentConflictError(existing);
      return { stored: existing, created: false };
    },
  };
}
