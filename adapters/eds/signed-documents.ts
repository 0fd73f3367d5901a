/**
 * Signed results: the PDF with the official's embedded signature, and what the public verification
 * page shows. A signed document is immutable: a second signature or a replacement is refused.
 * Files and a JSON index in their own folder (`<documents dir>/signed`), written atomically.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

export function createSignedDocumentStore(dir: string): SignedDocumentStore {
  const indexPath = path.join(dir, 'signed.json');
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  async function index(): Promise<SignedDocument[]> {
    try {
      return (JSON.parse(await readFile(indexPath, 'utf8')) as { documents: SignedDocument[] }).documents;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }
  async function writeAtomic(file: string, data: string | Buffer) {
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }
  const meta = async (documentId: string) => (await index()).find((d) => d.documentId === documentId) ?? null;

  return {
    save: (record, pdf) =>
      serialised(async () => {
        if (!ID.test(record.documentId)) throw new RangeError(`bad document id ${record.documentId}`);
        const all = await index();
        if (all.some((d) => d.documentId === record.documentId)) throw new EdsError('EDS_SIGNED', 409);
        await mkdir(dir, { recursive: true });
        const fileName = `${record.documentId}.signed.pdf`;
        const full: SignedDocument = { ...record, sha256: sha256(pdf), size: pdf.length, fileName };
        await writeAtomic(path.join(dir, fileName), pdf);
        await writeAtomic(indexPath, JSON.stringify({ version: 1, documents: [...all, full] }, null, 1));
        return full;
      }),
    async get(documentId) {
      if (!ID.test(documentId)) return null;
      const m = await meta(documentId);
      if (!m) return null;
      const bytes = await readFile(path.join(dir, m.fileName));
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
