import { createHash, randomBytes } from 'node:crypto';
import { createLocalBlobStore, type BlobStore } from '../blobs';
import { givenOrDefaultDatabase, queriesOn, type AppDatabase } from '../db/connect';
import type { DocumentTable } from '../db/schema';
import type { Clock } from '../../domain/clock';
import {
  buildDocument,
  documentNumber,
  type DocumentFacts,
  type DocumentKind,
  type Lang,
} from '../../domain/documents';
import { renderPdf } from './pdf';

/** One generated file, as its row records it. */
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

const fromRow = (r: DocumentTable): StoredDocument => ({
  documentId: r.document_id,
  applicationNumber: r.application_number,
  kind: r.kind as DocumentKind,
  lang: r.lang as Lang,
  title: r.title,
  number: r.number,
  date: r.date,
  fileName: r.file_name,
  contentType: 'application/pdf',
  sha256: r.sha256,
  size: Number(r.size),
  createdAt: r.created_at,
  stamp: JSON.parse(r.stamp) as string[],
});

/** Another process stored a document of the same number first: read again and go on from there. */
class NumberTaken extends Error {}

/**
 * Generated PDFs in object storage (the folder `dir` by default, or `blobs`: a bucket), their
 * metadata as rows of the application database `database` (by default a SQLite file in `dir`;
 * `':memory:'` for a private one). A file is put under a key of its own before its row is written;
 * a row that cannot be written takes its file back (a removal that fails too leaves an object no
 * row names, never served and never overwritten). Processes that generate the same document
 * together store it once: the row's key decides, and the loser returns the winner's document.
 */
export function createDocumentService({
  dir,
  clock,
  blobs = createLocalBlobStore(dir),
  database,
}: {
  dir: string;
  clock: Clock;
  blobs?: BlobStore;
  database?: AppDatabase | ':memory:';
}): DocumentService {
  const run = queriesOn(givenOrDefaultDatabase(database, dir));
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

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
    const applicationNumber = String(ownFacts.applicationNumber ?? '');

    return serialised(async () => {
      for (let attempt = 1; ; attempt++) {
        const sameKind = await run((k) =>
          k
            .selectFrom('documents')
            .selectAll()
            .where('application_number', '=', applicationNumber)
            .where('kind', '=', kind)
            .execute(),
        );
        const again = wanted.map((lang) =>
          sameKind.find((d) => d.facts_digest === factsDigest && d.lang === lang),
        );
        if (again.every((d) => d !== undefined)) return again.map((d) => fromRow(d!));

        const now = clock.now();
        // The signed issue of a draft keeps the draft's register number (the number the annex and
        // the applicant already read); any other new document takes the next one.
        const signedIssue = ownFacts.signedAt !== undefined && ownFacts.signedAt !== null;
        const lastSeq = sameKind.reduce((max, d) => Math.max(max, Number(d.seq)), 0);
        const seq = signedIssue && lastSeq > 0 ? lastSeq : lastSeq + 1;
        // Build every language first: a missing fact must fail before anything is written.
        const contents = wanted.map((lang) =>
          buildDocument(kind, { ...ownFacts, documentDate: now.toISOString(), documentSeq: seq }, lang),
        );
        const registerNumber = documentNumber(kind, applicationNumber, seq);

        const rows: DocumentTable[] = [];
        try {
          for (const content of contents) {
            const bytes = await renderPdf(content, { createdAt: now });
            const digest = sha256(bytes);
            const documentId = `${registerNumber}-${content.lang}${signedIssue && lastSeq > 0 ? '-signed' : ''}`;
            // A key of this write's own: a process that lost the race never overwrites the winner's file.
            const storageKey = `${documentId}.${randomBytes(6).toString('hex')}.pdf`;
            await blobs.put(storageKey, bytes, { contentType: 'application/pdf' });
            rows.push({
              document_id: documentId,
              application_number: applicationNumber,
              kind,
              lang: content.lang,
              title: content.title,
              number: content.number,
              date: content.date,
              file_name: `${documentId}.pdf`,
              content_type: 'application/pdf',
              sha256: digest,
              size: bytes.length,
              storage_key: storageKey,
              created_at: now.toISOString(),
              seq,
              facts_digest: factsDigest,
              stamp: JSON.stringify(stampOf(digest)),
            });
          }
          await run((k) =>
            k.transaction().execute(async (trx) => {
              for (const row of rows) {
                const result = await trx
                  .insertInto('documents')
                  .values(row)
                  .onConflict((oc) => oc.doNothing())
                  .executeTakeFirst();
                if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) throw new NumberTaken();
              }
            }),
          );
          return rows.map(fromRow);
        } catch (error) {
          await Promise.all(rows.map((r) => blobs.delete(r.storage_key).catch(() => undefined)));
          if (!(error instanceof NumberTaken) || attempt >= 5) throw error;
        }
      }
    });
  }

  async function get(documentId: string) {
    if (!DOCUMENT_ID.test(documentId)) return null;
    const row = await run((k) =>
      k.selectFrom('documents').selectAll().where('document_id', '=', documentId).executeTakeFirst(),
    );
    if (!row) return null;
    const bytes = await blobs.get(row.storage_key);
    if (!bytes) throw new Error(`document ${documentId} is listed but its file is missing`);
    // A file that no longer matches its recorded digest must not be served as the signed original.
    if (sha256(bytes) !== row.sha256) throw new Error(`document ${documentId} does not match its SHA-256`);
    return { meta: fromRow(row), bytes };
  }

  async function list(applicationNumber: string) {
    const rows = await run((k) =>
      k
        .selectFrom('documents')
        .selectAll()
        .where('application_number', '=', applicationNumber)
        .orderBy('created_at')
        .orderBy('document_id')
        .execute(),
    );
    return rows.map(fromRow);
  }

  return { generate, get, list };
}
