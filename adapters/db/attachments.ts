import type { Kysely, Transaction } from 'kysely';
import { guarded, openAppDatabase, type AppDatabase } from './connect';
import type { AppSchema, AttachmentTable } from './schema';

/** One attachment of an application, as its row records it (the bytes are in the object storage). */
export interface AttachmentRecord {
  id: string;
  applicationNumber: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes; absent for files kept before it was recorded. */
  sha256?: string;
  /** The object's key in the attachments' store. */
  storageKey: string;
  /** Who uploaded it (the session's user id); absent for files kept before it was recorded. */
  uploadedBy?: string;
  receivedAt: string;
  /** Its place among the files received with it (the order they were sent in). */
  position: number;
}

export const attachmentToRow = (a: AttachmentRecord): AttachmentTable => ({
  id: a.id,
  application_number: a.applicationNumber,
  file_name: a.fileName,
  content_type: a.contentType,
  size: a.size,
  sha256: a.sha256 ?? null,
  storage_key: a.storageKey,
  uploaded_by: a.uploadedBy ?? null,
  received_at: a.receivedAt,
  position: a.position,
});

const fromRow = (r: AttachmentTable): AttachmentRecord => ({
  id: r.id,
  applicationNumber: r.application_number,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  ...(r.sha256 ? { sha256: r.sha256 } : {}),
  storageKey: r.storage_key,
  ...(r.uploaded_by ? { uploadedBy: r.uploaded_by } : {}),
  receivedAt: r.received_at,
  position: Number(r.position),
});

/** Inserts the rows inside the caller's transaction (an application's registration with its files). */
export async function insertAttachments(
  trx: Kysely<AppSchema> | Transaction<AppSchema>,
  records: AttachmentRecord[],
): Promise<void> {
  if (records.length) await trx.insertInto('attachments').values(records.map(attachmentToRow)).execute();
}

export interface AttachmentRepository {
  /** Records the files in one transaction: all of them or none. */
  add(records: AttachmentRecord[]): Promise<void>;
  /** Removes the rows (files that a refused or repeated request will not keep). */
  remove(ids: string[]): Promise<void>;
  /** An application's files, oldest first. */
  list(applicationNumber: string): Promise<AttachmentRecord[]>;
  get(applicationNumber: string, id: string): Promise<AttachmentRecord | undefined>;
}

/** Attachments' rows in the application database `db` (`':memory:'`: a private one, for tests). */
export function createAttachmentRepository(db: AppDatabase | ':memory:'): AttachmentRepository {
  const appDb = db === ':memory:' ? openAppDatabase({ dialect: 'sqlite', file: ':memory:' }) : db;
  const run = <T>(work: (k: Kysely<AppSchema>) => Promise<T>) =>
    guarded(appDb.where, async () => work(await appDb.ready()));
  return {
    add: (records) => run((k) => k.transaction().execute((trx) => insertAttachments(trx, records))),
    remove: (ids) =>
      run(async (k) => {
        if (ids.length) await k.deleteFrom('attachments').where('id', 'in', ids).execute();
      }),
    list: (number) =>
      run(async (k) =>
        (
          await k
            .selectFrom('attachments')
            .selectAll()
            .where('application_number', '=', number)
            .orderBy('received_at')
            .orderBy('position')
            .orderBy('id')
            .execute()
        ).map(fromRow),
      ),
    get: (number, id) =>
      run(async (k) => {
        const row = await k
          .selectFrom('attachments')
          .selectAll()
          .where('application_number', '=', number)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? fromRow(row) : undefined;
      }),
  };
}
