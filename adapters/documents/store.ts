import { createHash } from 'node:crypto';
import { createLocalBlobStore, type BlobStore } from '../blobs';
import type { Clock } from '../../domain/clock';
import {
  buildDocument,
  documentNumber,
  type DocumentFacts,
  type DocumentKind,
  type Lang,
} from '../../domain/documents';
import { renderPdf } from './pdf';

/** One generated file, as the index records it. */
export interface StoredDocument {
  documentId: string;
  applicationNumber: string;
  kind: DocumentKind;
  lang: Lang;
  title: string;
  /** Register number printed on the document (the permit or licence number for those kinds). */
  number: string;
  /** Date printed on the document: for a result or refusal, its signing date once signed. */
  date: string;
  fileName: string;
  contentType: 'application/pdf';
  /** Hex SHA-256 of the PDF bytes exactly as stored. */
  sha256: string;
  size: number;
  createdAt: string;
  /**
   * Lines shown beside the file: the digest. They are not inside the PDF, because a file cannot
   * carry its own hash.
   */
  stamp: string[];
}

export interface DocumentService {
  /**
   * Builds, renders and stores the document in each language. Idempotent: the same kind and facts
   * again return the documents already stored, so a retried job does not mint new numbers.
   * Throws `DocumentFactsError` before writing anything when a fact is missing.
   */
  generate(kind: DocumentKind, facts: DocumentFacts, langs: Lang[]): Promise<StoredDocument[]>;
  get(documentId: string): Promise<{ meta: StoredDocument; bytes: Buffer } | null>;
  list(applicationNumber: string): Promise<StoredDocument[]>;
}

interface IndexRecord extends StoredDocument {
  seq: number;
  factsDigest: string;
}

interface IndexFile {
  version: 1;
  documents: IndexRecord[];
}

const INDEX_FILE = 'index.json';
const DOCUMENT_ID = /^[A-Za-z0-9-]+$/;

/** JSON with sorted keys, so equal facts hash equally whatever order the engine sent them in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The digest only: no file here carries an electronic signature, so nothing may say it is signed.
 * A signature, once made, is stated by whatever makes it, beside the digest.
 */
function stampOf(digest: string): string[] {
  return [`SHA-256: ${digest}`];
}

const publicView = ({ seq: _seq, factsDigest: _digest, ...doc }: IndexRecord): StoredDocument => doc;

/**
 * PDFs and a JSON index in object storage: the folder `dir` by default, or `blobs` (a bucket).
 * Every write is whole or nothing, and the index is written after the files it lists, so a store
 * that fails half-way leaves no record of a missing file. Writes are serialised within the
 * process; two processes must not write to one store.
 */
export function createDocumentService({
  dir,
  clock,
  blobs = createLocalBlobStore(dir),
}: {
  dir: string;
  clock: Clock;
  blobs?: BlobStore;
}): DocumentService {
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readIndex(): Promise<IndexFile> {
    const bytes = await blobs.get(INDEX_FILE);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as IndexFile) : { version: 1, documents: [] };
  }

  async function generate(
    kind: DocumentKind,
    facts: DocumentFacts,
    langs: Lang[],
  ): Promise<StoredDocument[]> {
    const wanted = [...new Set(langs)];
    if (wanted.length === 0) throw new RangeError('generate needs at least one language');
    // The store owns the date and the counter; callers' values would break idempotency.
    const { documentDate: _date, documentSeq: _seq, ...ownFacts } = facts as Record<string, unknown>;
    const factsDigest = sha256(canonicalJson({ kind, facts: ownFacts }));

    return serialised(async () => {
      const index = await readIndex();
      const applicationNumber = String(ownFacts.applicationNumber ?? '');
      const sameKind = index.documents.filter(
        (d) => d.applicationNumber === applicationNumber && d.kind === kind,
      );
      const again = wanted.map((lang) =>
        sameKind.find((d) => d.factsDigest === factsDigest && d.lang === lang),
      );
      if (again.every((d) => d !== undefined)) return again.map((d) => publicView(d!));

      const now = clock.now();
      // The signed issue of a draft keeps the draft's register number (the number the annex and the
      // applicant already read); any other new document takes the next one.
      const signedIssue = ownFacts.signedAt !== undefined && ownFacts.signedAt !== null;
      const lastSeq = sameKind.reduce((max, d) => Math.max(max, d.seq), 0);
      const seq = signedIssue && lastSeq > 0 ? lastSeq : lastSeq + 1;
      // Build every language first: a missing fact must fail before anything is written.
      const contents = wanted.map((lang) =>
        buildDocument(kind, { ...ownFacts, documentDate: now.toISOString(), documentSeq: seq }, lang),
      );
      const registerNumber = documentNumber(kind, applicationNumber, seq);

      const records: IndexRecord[] = [];
      for (const content of contents) {
        const bytes = await renderPdf(content, { createdAt: now });
        const digest = sha256(bytes);
        const documentId = `${registerNumber}-${content.lang}${signedIssue && lastSeq > 0 ? '-signed' : ''}`;
        const fileName = `${documentId}.pdf`;
        await blobs.put(fileName, bytes, { contentType: 'application/pdf' });
        records.push({
          documentId,
          applicationNumber,
          kind,
          lang: content.lang,
          title: content.title,
          number: content.number,
          date: content.date,
          fileName,
          contentType: 'application/pdf',
          sha256: digest,
          size: bytes.length,
          createdAt: now.toISOString(),
          stamp: stampOf(digest),
          seq,
          factsDigest,
        });
      }
      await blobs.put(
        INDEX_FILE,
        Buffer.from(JSON.stringify({ version: 1, documents: [...index.documents, ...records] }, null, 1)),
        { contentType: 'application/json' },
      );
      return records.map(publicView);
    });
  }

  async function get(documentId: string) {
    if (!DOCUMENT_ID.test(documentId)) return null;
    const record = (await readIndex()).documents.find((d) => d.documentId === documentId);
    if (!record) return null;
    const bytes = await blobs.get(record.fileName);
    if (!bytes) throw new Error(`document ${documentId} is listed but its file is missing`);
    // A file that no longer matches its recorded digest must not be served as the signed original.
    if (sha256(bytes) !== record.sha256) throw new Error(`document ${documentId} does not match its SHA-256`);
    return { meta: publicView(record), bytes };
  }

  async function list(applicationNumber: string) {
    return (await readIndex()).documents
      .filter((d) => d.applicationNumber === applicationNumber)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.documentId.localeCompare(b.documentId))
      .map(publicView);
  }

  return { generate, get, list };
}
