/**
 * Signed results: the PDF with the official's embedded signature, and what the public verification
 * page shows. A signed document is immutable: a second signature or a replacement is refused.
 * Files and a JSON index in object storage (`<documents dir>/signed` by default, or a bucket),
 * each written whole or not at all; the index after the file.
 */
import { createHash } from 'node:crypto';
import { createLocalBlobStore, type BlobStore } from '../blobs';
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

export interface SignedDocumentStore {
  save(record: Omit<SignedDocument, 'sha256' | 'size' | 'fileName'>, pdf: Buffer): Promise<SignedDocument>;
  get(documentId: string): Promise<{ meta: SignedDocument; bytes: Buffer } | null>;
  meta(documentId: string): Promise<SignedDocument | null>;
  /** By document id or register number (both languages of one number). */
  find(numberOrId: string): Promise<SignedDocument[]>;
  bySha256(sha256: string): Promise<SignedDocument | null>;
}

const ID = /^[A-Za-z0-9-]+$/;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function createSignedDocumentStore(
  dir: string,
  blobs: BlobStore = createLocalBlobStore(dir),
): SignedDocumentStore {
  const INDEX = 'signed.json';
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  async function index(): Promise<SignedDocument[]> {
    const bytes = await blobs.get(INDEX);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as { documents: SignedDocument[] }).documents : [];
  }
  const meta = async (documentId: string) => (await index()).find((d) => d.documentId === documentId) ?? null;

  return {
    save: (record, pdf) =>
      serialised(async () => {
        if (!ID.test(record.documentId)) throw new RangeError(`bad document id ${record.documentId}`);
        const all = await index();
        if (all.some((d) => d.documentId === record.documentId)) throw new EdsError('EDS_SIGNED', 409);
        const fileName = `${record.documentId}.signed.pdf`;
        const full: SignedDocument = { ...record, sha256: sha256(pdf), size: pdf.length, fileName };
        await blobs.put(fileName, pdf, { contentType: 'application/pdf' });
        await blobs.put(
          INDEX,
          Buffer.from(JSON.stringify({ version: 1, documents: [...all, full] }, null, 1)),
          {
            contentType: 'application/json',
          },
        );
        return full;
      }),
    async get(documentId) {
      if (!ID.test(documentId)) return null;
      const m = await meta(documentId);
      if (!m) return null;
      const bytes = await blobs.get(m.fileName);
      if (!bytes) throw new Error(`signed document ${documentId} is listed but its file is missing`);
      if (sha256(bytes) !== m.sha256)
        throw new Error(`signed document ${documentId} does not match its SHA-256`);
      return { meta: m, bytes };
    },
    meta,
    async find(numberOrId) {
      const key = numberOrId.trim();
      return (await index()).filter((d) => d.documentId === key || d.number === key);
    },
    async bySha256(digest) {
      return (await index()).find((d) => d.sha256 === digest) ?? null;
    },
  };
}
