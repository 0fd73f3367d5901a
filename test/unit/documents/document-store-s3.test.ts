/**
 * Generated and signed documents in an S3-compatible store (s3rver on 127.0.0.1), through the same
 * services the workers and the web app use. A store that is down fails the job with a retry and
 * leaves no record of a document whose file is missing; once the store is back the retry forms the
 * same documents under the same numbers.
 */
import { createHash } from 'node:crypto';
import { createDocumentService } from '../../../adapters/documents';
import { createS3BlobStore, prefixed, type BlobStore } from '../../../adapters/blobs';
import { createSignedDocumentStore } from '../../../adapters/eds/signed-documents';
import { fixedClock } from '../../../domain/clock';
import { sql } from 'kysely';
import { openAppDatabase, type AppDatabase } from '../../../adapters/db/connect';
import generateDocument from '../../../workers/generate-document';
import { fakeJob } from '../../support/jobs';
import { startCuttableProxy, startLocalS3, type LocalS3 } from '../../support/s3';
import { FACTS } from './fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let s3: LocalS3;
let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
let blobs: BlobStore;
beforeAll(async () => {
  s3 = await startLocalS3();
  proxy = await startCuttableProxy(s3.endpoint);
  blobs = createS3BlobStore({
    bucket: s3.bucket,
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: s3.credentials,
    forcePathStyle: true,
    maxAttempts: 1,
    timeoutMs: 3000,
  });
});
afterAll(async () => {
  await proxy.stop();
  await s3.stop();
});
afterEach(() => {
  proxy.setDown(false);
  proxy.refuse(undefined);
});

/** The documents' rows in a private database, which a test may read (keys) or break (a failing write). */
const databases: AppDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.close())));
const documentsOn = (
  store: BlobStore,
  database = openAppDatabase({ dialect: 'sqlite', file: ':memory:' }),
) => {
  databases.push(database);
  return createDocumentService({
    dir: '/nonexistent',
    clock: fixedClock('2026-04-14T06:30:00Z'),
    blobs: store,
    database,
  });
};
const storageKey = async (database: AppDatabase, documentId: string) =>
  (
    await (
      await database.ready()
    )
      .selectFrom('documents')
      .select('storage_key')
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow()
  ).storage_key;
const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

describe('documents in an S3-compatible store', () => {
  it('stores both languages in the bucket and serves them by id and by application', async () => {
    const database = openAppDatabase({ dialect: 'sqlite', file: ':memory:' });
    const docs = documentsOn(prefixed(blobs, 'a'), database);
    const stored = await docs.generate('permit', FACTS.permit, ['kk', 'ru']);
    const kk = await docs.get(stored[0].documentId);
    expect(sha256(kk!.bytes)).toBe(stored[0].sha256);
    expect((await docs.list(stored[0].applicationNumber)).map((d) => d.documentId)).toEqual(
      stored.map((d) => d.documentId),
    );
    // The bytes are in the bucket itself, not on this machine.
    expect((await blobs.head(`a/${await storageKey(database, stored[0].documentId)}`))?.size).toBe(
      stored[0].size,
    );
  });

  it('a store that is down fails the job with one retry fewer and a clear reason, and records nothing', async () => {
    const docs = documentsOn(prefixed(blobs, 'b'));
    proxy.setDown(true);
    const job = fakeJob('generate-document', FACTS.refusal, { documentKind: 'refusal' }, { retries: 3 });
    await generateDocument.handler(job, { documents: docs, log });
    expect(job.outcome()).toEqual({
      kind: 'fail',
      errorMessage: expect.stringMatching(
        /^could not store the document: file store s3:\/\/kz-permits-files unavailable \(put b\/KZ-2026-000123-REF-01-kk\.[0-9a-f]+\.pdf\)/,
      ),
      retries: 2,
      retryBackOff: 10_000,
    });
    proxy.setDown(false);
    expect(await docs.list('KZ-2026-000123')).toEqual([]);

    const retry = fakeJob('generate-document', FACTS.refusal, { documentKind: 'refusal' }, { retries: 2 });
    await generateDocument.handler(retry, { documents: docs, log });
    expect(retry.outcome()).toMatchObject({
      kind: 'complete',
      variables: { resultDocument: { documentId: 'KZ-2026-000123-REF-01-kk' } },
    });
  });

  it('when the rows cannot be written after the files, the files are taken back, nothing is recorded and the retry gives the same numbers', async () => {
    const database = openAppDatabase({ dialect: 'sqlite', file: ':memory:' });
    const put: string[] = [];
    const store = prefixed(blobs, 'c');
    const recording: BlobStore = {
      ...store,
      put: (key, body, options) => (put.push(key), store.put(key, body, options)),
    };
    const docs = documentsOn(recording, database);
    // The database refuses the rows (a full disk, a lost connection at commit).
    await docs.list('KZ-2026-000123');
    await sql`CREATE TRIGGER refuse BEFORE INSERT ON documents BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`.execute(
      await database.ready(),
    );
    // better-sqlite3's error class belongs to the realm of the first test file that loaded the native
    // module, so `toThrow` (which checks `instanceof Error` in this file's realm) cannot be used.
    await expect(docs.generate('refusal', FACTS.refusal, ['kk', 'ru'])).rejects.toMatchObject({
      message: expect.stringMatching(/disk I\/O error/),
    });
    expect(put).toHaveLength(2);
    for (const key of put) expect(await store.head(key)).toBeNull();
    await sql`DROP TRIGGER refuse`.execute(await database.ready());
    expect(await docs.list('KZ-2026-000123')).toEqual([]);
    expect(await docs.get('KZ-2026-000123-REF-01-kk')).toBeNull();

    const stored = await docs.generate('refusal', FACTS.refusal, ['kk', 'ru']);
    expect(stored.map((d) => d.documentId)).toEqual(['KZ-2026-000123-REF-01-kk', 'KZ-2026-000123-REF-01-ru']);
    const got = await docs.get('KZ-2026-000123-REF-01-ru');
    expect(sha256(got!.bytes)).toBe(stored[1].sha256);
  });

  it('two processes generating the same document together store it once, neither overwriting the other', async () => {
    const database = openAppDatabase({ dialect: 'sqlite', file: ':memory:' });
    const one = documentsOn(prefixed(blobs, 'd'), database);
    const two = documentsOn(prefixed(blobs, 'd'), database);
    const [a, b] = await Promise.all([
      one.generate('permit', FACTS.permit, ['kk', 'ru']),
      two.generate('permit', FACTS.permit, ['kk', 'ru']),
    ]);
    expect(b).toEqual(a);
    expect((await one.list('KZ-2026-000123')).map((d) => d.documentId)).toEqual([
      'KZ-2026-000123-PRM-01-kk',
      'KZ-2026-000123-PRM-01-ru',
    ]);
    for (const d of a) expect(sha256((await two.get(d.documentId))!.bytes)).toBe(d.sha256);
  });

  it('keeps signed results in the bucket, refuses a second signature, and finds them by digest', async () => {
    const database = openAppDatabase({ dialect: 'sqlite', file: ':memory:' });
    databases.push(database);
    const signed = createSignedDocumentStore('/nonexistent', prefixed(blobs, 'documents/signed'), database);
    const pdf = Buffer.from('%PDF-1.7\nsigned result\n%%EOF');
    const record = {
      documentId: 'KZ-2026-000123-PRM-01-kk',
      applicationNumber: 'KZ-2026-000123',
      number: 'KZ-2026-000123-PRM-01',
      kind: 'permit',
      lang: 'kk',
      title: 'Рұқсат',
      signer: { iin: '850101300128', fullName: 'Сынақ Басшы' },
      signingTime: '2026-04-14T06:30:00.000Z',
      certificate: { serialNumber: '01', subject: 'CN=Сынақ', issuer: 'CN=Test CA', notAfter: '2027-01-01' },
      signedBy: 'fire.head',
    };
    const saved = await signed.save(record, pdf);
    expect((await signed.get(record.documentId))!.bytes.equals(pdf)).toBe(true);
    expect(await signed.bySha256(saved.sha256)).toMatchObject({ documentId: record.documentId });
    await expect(signed.save(record, pdf)).rejects.toMatchObject({ status: 409 });
    // The row names the file's key: the winner's, the refused second write took its own back.
    const rows = await (
      await database.ready()
    )
      .selectFrom('signed_documents')
      .select('storage_key')
      .execute();
    expect(rows).toHaveLength(1);
    expect((await blobs.head(`documents/signed/${rows[0].storage_key}`))?.size).toBe(pdf.length);

    proxy.setDown(true);
    await expect(signed.get(record.documentId)).rejects.toThrow(/file store .* unavailable/);
    // A signature while the bucket is down is refused and leaves no row naming a missing file.
    const ru = { ...record, documentId: 'KZ-2026-000123-PRM-01-ru', lang: 'ru' };
    await expect(signed.save(ru, pdf)).rejects.toThrow(/file store .* unavailable/);
    expect(await signed.meta(ru.documentId)).toBeNull();
    proxy.setDown(false);
    expect((await signed.save(ru, pdf)).documentId).toBe(ru.documentId);
  });
});
