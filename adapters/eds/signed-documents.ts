/**
 * Signed results: the PDF with the official's embedded signature, and what the public verification
 * page shows. A signed document is immutable: a second signature or a replacement is refused.
 * The metadata are rows of the application database (`signed_documents`, one per document: its
 * primary key refuses a second signature whichever replica tries); each PDF is an object of its
 * own write in object storage (`<documents dir>/signed` by default, or a bucket), put before its
 * row and taken back when the row is not written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createLocalBlobStore, type BlobStore } from '../blobs';
import { givenOrDefaultDatabase, queriesOn, type AppDatabase } from '../db/connect';
import type { SignedDocumentTable } from '../db/schema';
import { EdsError } from './verify';

export interface SignedDocument {
  documentId: string;
  applicationNumber: string;
  /** Register number printed on the document. */
  number: string;
  kind: string;
  lang: string;
  title: string;
  signer: { iin: string; fullName: string; organization?: string };
  signingTime: string;
  certificate: { serialNumber: string; subject: string; issuer: string; notAfter: string };
  /** SHA-256 of the signed PDF exactly as stored and served. */
  sha256: string;
  size: number;
  fileName: string;
  /** Who completed the signature task (worklist user id). */
  signedBy: string;
}

export type SignedDocumentInput = Omit<SignedDocument, 'sha256' | 'size' | 'fileName'>;

export interface SignedDocumentStore {
  save(record: SignedDocumentInput, pdf: Buffer): Promise<SignedDocument>;
  /**
   * Stores the signed documents of one signature (a result in both languages) together: all of
   * them, or none when one of them is signed already (`EDS_SIGNED`, 409) or cannot be stored.
   */
  saveAll(items: Array<{ record: SignedDocumentInput; pdf: Buffer }>): Promise<SignedDocument[]>;
  get(documentId: string): Promise<{ meta: SignedDocument; bytes: Buffer } | null>;
  meta(documentId: string): Promise<SignedDocument | null>;
  /** By document id or register number (both languages of one number). */
  find(numberOrId: string): Promise<SignedDocument[]>;
  bySha256(sha256: string): Promise<SignedDocument | null>;
}

const ID = /^[A-Za-z0-9-]+$/;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export const signedDocumentToRow = (d: SignedDocument, storageKey: string): SignedDocumentTable => ({
  document_id: d.documentId,
  application_number: d.applicationNumber,
  number: d.number,
  kind: d.kind,
  lang: d.lang,
  title: d.title,
  signer_iin: d.signer.iin,
  signer_name: d.signer.fullName,
  signer_organization: d.signer.organization ?? null,
  signing_time: d.signingTime,
  certificate_serial: d.certificate.serialNumber,
  certificate_subject: d.certificate.subject,
  certificate_issuer: d.certificate.issuer,
  certificate_not_after: d.certificate.notAfter,
  sha256: d.sha256,
  size: d.size,
  file_name: d.fileName,
  storage_key: storageKey,
  signed_by: d.signedBy,
});

const fromRow = (r: SignedDocumentTable): SignedDocument => ({
  documentId: r.document_id,
  applicationNumber: r.application_number,
  number: r.number,
  kind: r.kind,
  lang: r.lang,
  title: r.title,
  signer: {
    iin: r.signer_iin,
    fullName: r.signer_name,
    ...(r.signer_organization ? { organization: r.signer_organization } : {}),
  },
  signingTime: r.signing_time,
  certificate: {
    serialNumber: r.certificate_serial,
    subject: r.certificate_subject,
    issuer: r.certificate_issuer,
    notAfter: r.certificate_not_after,
  },
  sha256: r.sha256,
  size: Number(r.size),
  fileName: r.file_name,
  signedBy: r.signed_by,
});

/** One of the documents is signed already: the transaction is rolled back. */
class AlreadySigned extends Error {}

/**
 * Signed results in the application database `database` (by default a SQLite file in `dir`;
 * `':memory:'` for a private one), their PDFs in `blobs` (the folder `dir` by default, or a
 * bucket).
 */
export function createSignedDocumentStore(
  dir: string,
  blobs: BlobStore = createLocalBlobStore(dir),
  database?: AppDatabase | ':memory:',
): SignedDocumentStore {
  const run = queriesOn(givenOrDefaultDatabase(database, dir));

  const row = (documentId: string) =>
    run((k) =>
      k.selectFrom('signed_documents').selectAll().where('document_id', '=', documentId).executeTakeFirst(),
    );
  const meta = async (documentId: string) => {
    if (!ID.test(documentId)) return null;
    const r = await row(documentId);
    return r ? fromRow(r) : null;
  };

  async function saveAll(items: Array<{ record: SignedDocumentInput; pdf: Buffer }>) {
    for (const { record } of items)
      if (!ID.test(record.documentId)) throw new RangeError(`bad document id ${record.documentId}`);
    const rows: SignedDocumentTable[] = [];
    try {
      for (const { record, pdf } of items) {
        const full: SignedDocument = {
          ...record,
          sha256: sha256(pdf),
          size: pdf.length,
          fileName: `${record.documentId}.signed.pdf`,
        };
        // A key of this write's own: a replica that loses the race never overwrites the winner's file.
        const storageKey = `${record.documentId}.${randomBytes(6).toString('hex')}.signed.pdf`;
        await blobs.put(storageKey, pdf, { contentType: 'application/pdf' });
        rows.push(signedDocumentToRow(full, storageKey));
      }
      await run((k) =>
        k.transaction().execute(async (trx) => {
          // In one order on every replica, so that two signatures of one result wait, never deadlock.
          for (const r of [...rows].sort((a, b) => (a.document_id < b.document_id ? -1 : 1))) {
            const result = await trx
              .insertInto('signed_documents')
              .values(r)
              .onConflict((oc) => oc.column('document_id').doNothing())
              .executeTakeFirst();
            if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AlreadySigned();
          }
        }),
      );
    } catch (error) {
      // The rows were not written: their files go too (a removal that fails leaves an object no
      // row names, never served).
      await Promise.all(rows.map((r) => blobs.delete(r.storage_key).catch(() => undefined)));
      if (error instanceof AlreadySigned) throw new EdsError('EDS_SIGNED', 409);
      throw error;
    }
    return rows.map(fromRow);
  }

  return {
    save: async (record, pdf) => (await saveAll([{ record, pdf }]))[0],
    saveAll,
    async get(documentId) {
      if (!ID.test(documentId)) return null;
      const r = await row(documentId);
      if (!r) return null;
      const bytes = await blobs.get(r.storage_key);
      if (!bytes) throw new Error(`signed document ${documentId} is listed but its file is missing`);
      if (sha256(bytes) !== r.sha256)
        throw new Error(`signed document ${documentId} does not match its SHA-256`);
      return { meta: fromRow(r), bytes };
    },
    meta,
    async find(numberOrId) {
      const key = numberOrId.trim();
      if (!key) return [];
      const rows = await run((k) =>
        k
          .selectFrom('signed_documents')
          .selectAll()
          .where((eb) => eb.or([eb('document_id', '=', key), eb('number', '=', key)]))
          .orderBy('document_id')
          .execute(),
      );
      return rows.map(fromRow);
    },
    async bySha256(digest) {
      const r = await run((k) =>
        k
          .selectFrom('signed_documents')
          .selectAll()
          .where('sha256', '=', digest.toLowerCase())
          .orderBy('document_id')
          .executeTakeFirst(),
      );
      return r ? fromRow(r) : null;
    },
  };
}
