import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { BlobStore } from '../blobs';
import { attachmentToRow, type AttachmentRecord } from './attachments';
import { guarded, type AppDatabase } from './connect';
import type { ApplicationTable } from './schema';
import { signedDocumentToRow, type SignedDocument } from '../eds/signed-documents';
import type { RequestSignature, RequestSignatureLog } from '../eds/request-signatures';

/**
 * The web app's files from before the application database, in `UI_DATA_DIR`: applications and
 * their numbers, clerks' drafts, the operators' log, the designer's drafts and sessions.
 */
export const LEGACY_FILES = [
  'applications.sqlite',
  'worklist.sqlite',
  'operations.sqlite',
  'designer.sqlite',
  'sessions.sqlite',
] as const;
export type LegacyFile = (typeof LEGACY_FILES)[number];

/** A legacy file once copied: kept beside, renamed, so a later start does not read it again. */
export const IMPORTED_SUFFIX = '.imported';

const iso = (ms: number) => new Date(ms).toISOString();
/** Ids of imported append-only rows: by time, then the old row's sequence; the same on every run. */
const legacyId = (ms: number, seq: number) =>
  `${ms.toString(16).padStart(12, '0')}-legacy-${String(seq).padStart(10, '0')}`;

/**
 * Copies every legacy file found in `dataDir` into the application database, each in one
 * transaction that keeps the rows already there (a repeated run adds nothing), then renames the
 * file to `<name>.imported`. Number sequences continue from the larger of the two. Returns how many
 * rows each file held.
 */
export async function importLegacyFiles(
  appDb: AppDatabase,
  dataDir: string,
): Promise<Partial<Record<LegacyFile, number>>> {
  const done: Partial<Record<LegacyFile, number>> = {};
  for (const name of LEGACY_FILES) {
    const file = path.join(dataDir, name);
    if (!existsSync(file)) continue;
    // Opened read-write so that its WAL, if any, is checkpointed on close and nothing is left behind.
    const old = new Database(file, { fileMustExist: true });
    try {
      done[name] = await guarded(appDb.where, () => copy(appDb, name, old));
    } finally {
      old.close();
    }
    renameSync(file, file + IMPORTED_SUFFIX);
  }
  return done;
}

const tableExists = (old: Database.Database, table: string) =>
  Boolean(old.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table));

async function copy(appDb: AppDatabase, name: LegacyFile, old: Database.Database): Promise<number> {
  const db = await appDb.ready();
  const rows = (table: string, order = 'rowid') =>
    tableExists(old, table)
      ? (old.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as unknown[])
      : [];
  return db.transaction().execute(async (tx) => {
    let n = 0;
    if (name === 'applications.sqlite') {
      type Row = Omit<ApplicationTable, 'idempotency_key'> & { idempotency_key?: string | null };
      for (const r of rows('applications') as Row[]) {
        await tx
          .insertInto('applications')
          .values({ ...r, idempotency_key: r.idempotency_key ?? null })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
      for (const s of rows('number_sequences') as { prefix: string; last: number }[]) {
        const current = await tx
          .selectFrom('number_sequences')
          .select('last')
          .where('prefix', '=', s.prefix)
          .executeTakeFirst();
        if (!current) await tx.insertInto('number_sequences').values(s).execute();
        else if (current.last < s.last)
          await tx
            .updateTable('number_sequences')
            .set({ last: s.last })
            .where('prefix', '=', s.prefix)
            .execute();
      }
    } else if (name === 'worklist.sqlite') {
      type Row = { user_id: string; user_task_key: string; data: string; saved_at: number };
      for (const r of rows('task_drafts', 'user_task_key, user_id') as Row[]) {
        await tx
          .insertInto('task_drafts')
          .values({
            user_id: r.user_id,
            user_task_key: r.user_task_key,
            data: r.data,
            saved_at: iso(r.saved_at),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    } else if (name === 'operations.sqlite') {
      type Row = { seq: number; process_instance_key: string; entry: string };
      for (const r of rows('operator_actions', 'seq') as Row[]) {
        const at = Number((JSON.parse(r.entry) as { at?: number }).at ?? 0);
        await tx
          .insertInto('operator_actions')
          .values({
            id: legacyId(at, r.seq),
            process_instance_key: r.process_instance_key,
            at: iso(at),
            entry: r.entry,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    } else if (name === 'designer.sqlite') {
      type Row = {
        seq: number;
        kind: string;
        name: string;
        content: string;
        saved_by: string;
        saved_at: number;
      };
      for (const r of rows('drafts', 'seq') as Row[]) {
        await tx
          .insertInto('designer_drafts')
          .values({
            id: legacyId(r.saved_at, r.seq),
            kind: r.kind,
            name: r.name,
            content: r.content,
            saved_by: r.saved_by,
            saved_at: iso(r.saved_at),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    } else {
      type Row = {
        key: string;
        identity: string;
        csrf_token: string;
        created_at: number;
        last_seen_at: number;
        id_token: string | null;
      };
      // Sessions stay valid only under the same UI_SESSION_SECRET; expired ones go at the next sign-in.
      for (const r of rows('sessions') as Row[]) {
        await tx
          .insertInto('web_sessions')
          .values({
            session_key: r.key,
            identity: r.identity,
            csrf_token: r.csrf_token,
            created_at: iso(r.created_at),
            last_seen_at: iso(r.last_seen_at),
            id_token: r.id_token,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    }
    return n;
  });
}

/** The documents' index the document service kept in its store before the application database. */
export const LEGACY_DOCUMENT_INDEX = 'index.json';
/** Each application's list of attachments, `<attachments dir>/<number>/attachments.json`. */
export const LEGACY_ATTACHMENT_INDEX = 'attachments.json';

interface LegacyDocument {
  documentId: string;
  applicationNumber: string;
  kind: string;
  lang: string;
  title: string;
  number: string;
  date: string;
  fileName: string;
  sha256: string;
  size: number;
  createdAt: string;
  stamp?: string[];
  seq: number;
  factsDigest: string;
}

interface LegacyAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  receivedAt: string;
}

const ATTACHMENT_ID = /^[a-z0-9]{16}$/;

/**
 * Copies the metadata the file stores kept beside the files (the documents' `index.json` in their
 * store, each application's `attachments.json` in the attachments folder) into the application
 * database, once: rows already there are kept, and each index is then kept as `<name>.imported`.
 * The files stay where they are and are read under the same keys; an attachment from before the
 * object storage (beside its index) is first copied into the store. Returns the rows copied.
 */
export async function importLegacyFileIndexes(
  appDb: AppDatabase,
  stores: { documents: BlobStore; attachmentsDir: string; attachments: BlobStore },
): Promise<{ documents: number; attachments: number }> {
  const done = { documents: 0, attachments: 0 };
  const index = await stores.documents.get(LEGACY_DOCUMENT_INDEX);
  if (index) {
    const { documents } = JSON.parse(index.toString('utf8')) as { documents: LegacyDocument[] };
    await guarded(appDb.where, async () =>
      (await appDb.ready()).transaction().execute(async (tx) => {
        for (const d of documents) {
          await tx
            .insertInto('documents')
            .values({
              document_id: d.documentId,
              application_number: d.applicationNumber,
              kind: d.kind,
              lang: d.lang,
              title: d.title,
              number: d.number,
              date: d.date,
              file_name: d.fileName,
              content_type: 'application/pdf',
              size: d.size,
              sha256: d.sha256,
              // The file stays under the name the index gave it.
              storage_key: d.fileName,
              created_at: d.createdAt,
              seq: d.seq,
              facts_digest: d.factsDigest,
              stamp: JSON.stringify(d.stamp ?? [`SHA-256: ${d.sha256}`]),
            })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      }),
    );
    await stores.documents.put(`${LEGACY_DOCUMENT_INDEX}${IMPORTED_SUFFIX}`, index, {
      contentType: 'application/json',
    });
    await stores.documents.delete(LEGACY_DOCUMENT_INDEX);
    done.documents = documents.length;
  }

  const folders = existsSync(stores.attachmentsDir)
    ? readdirSync(stores.attachmentsDir, { withFileTypes: true }).filter((e) => e.isDirectory())
    : [];
  for (const folder of folders) {
    const number = folder.name;
    const file = path.join(stores.attachmentsDir, number, LEGACY_ATTACHMENT_INDEX);
    if (!existsSync(file)) continue;
    const listed = (JSON.parse(readFileSync(file, 'utf8')) as LegacyAttachment[]).filter((a) =>
      ATTACHMENT_ID.test(a.id),
    );
    const records: AttachmentRecord[] = [];
    for (const [position, a] of listed.entries()) {
      const storageKey = `files/${a.id}`;
      if (!(await stores.attachments.head(storageKey))) {
        // Kept before the object storage: beside the index, under its id.
        const beside = path.join(stores.attachmentsDir, number, a.id);
        if (!existsSync(beside)) continue;
        await stores.attachments.put(storageKey, readFileSync(beside), { contentType: a.contentType });
      }
      records.push({
        id: a.id,
        applicationNumber: number,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        storageKey,
        receivedAt: a.receivedAt,
        position,
      });
    }
    await guarded(appDb.where, async () =>
      (await appDb.ready()).transaction().execute(async (tx) => {
        for (const r of records)
          await tx
            .insertInto('attachments')
            .values(attachmentToRow(r))
            .onConflict((oc) => oc.doNothing())
            .execute();
      }),
    );
    renameSync(file, file + IMPORTED_SUFFIX);
    done.attachments += records.length;
  }
  return done;
}

/** The signed results' index kept beside their files (`<documents dir>/signed`) before the rows. */
export const LEGACY_SIGNED_INDEX = 'signed.json';

/**
 * Copies the signed results listed in the signed store's `signed.json` into `signed_documents`,
 * once: rows already there are kept (a document's first signature stands), and the index is then
 * kept as `signed.json.imported`. The signed PDFs stay under the names the index gave them. Returns
 * the rows copied.
 */
export async function importLegacySignedIndex(
  appDb: AppDatabase,
  signed: BlobStore,
): Promise<{ signed: number }> {
  const index = await signed.get(LEGACY_SIGNED_INDEX);
  if (!index) return { signed: 0 };
  const { documents } = JSON.parse(index.toString('utf8')) as { documents: SignedDocument[] };
  const copied = await guarded(appDb.where, async () =>
    (await appDb.ready()).transaction().execute(async (tx) => {
      let n = 0;
      for (const d of documents) {
        const result = await tx
          .insertInto('signed_documents')
          // The file stays under the name the index gave it.
          .values(signedDocumentToRow(d, d.fileName))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        n += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return n;
    }),
  );
  await signed.put(`${LEGACY_SIGNED_INDEX}${IMPORTED_SUFFIX}`, index, { contentType: 'application/json' });
  await signed.delete(LEGACY_SIGNED_INDEX);
  return { signed: copied };
}

/**
 * Copies an earlier install's JSON-lines log (`eds-request-signatures.jsonl` in the data folder) into
 * the database once, then keeps the file as `*.imported`. Returns the signatures read.
 */
export async function importLegacyRequestSignatures(log: RequestSignatureLog, file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) await log.add(JSON.parse(line) as RequestSignature);
  renameSync(file, `${file}${IMPORTED_SUFFIX}`);
  return lines.length;
}
