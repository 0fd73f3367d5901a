/**
 * Signed results (Law on e-documents and EDS art. 7: the result exists as an e-document signed with
 * the official's EDS, and stays as signed) as rows of the application database, on SQLite and on a
 * real PostgreSQL, their PDFs in object storage. Two web-app replicas on one database see every
 * signature; a second signature of one document is refused by the database itself (409 EDS_SIGNED)
 * even when two replicas race; a row that cannot be written leaves no file; an install's earlier
 * `signed.json` is copied in once.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createLocalBlobStore } from '../../adapters/blobs';
import type { AppDatabase } from '../../adapters/db/connect';
import { importLegacySignedIndex } from '../../adapters/db/upgrade';
import {
  createSignedDocumentStore,
  type SignedDocument,
  type SignedDocumentInput,
} from '../../adapters/eds/signed-documents';
import { DIALECTS, databasesPerTest } from '../support/postgres';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n%${text}\n%%EOF`);

/** A synthetic head (valid IIN check digit) signing a security licence's refusal. */
const record = (documentId: string, over: Partial<SignedDocumentInput> = {}): SignedDocumentInput => ({
  documentId,
  applicationNumber: 'SEC-2026-000101',
  number: documentId.replace(/-(kk|ru)$/, ''),
  kind: 'refusal',
  lang: documentId.endsWith('-ru') ? 'ru' : 'kk',
  title: documentId.endsWith('-ru') ? 'Мотивированный отказ' : 'Дәлелді бас тарту',
  signer: { iin: '850101300128', fullName: 'Ахметова Динара', organization: 'ҚР ІІМ' },
  signingTime: '2026-04-15T05:30:00.000Z',
  certificate: {
    serialNumber: '4f1a',
    subject: 'CN=АХМЕТОВА ДИНАРА,SERIALNUMBER=IIN850101300128',
    issuer: 'CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST',
    notAfter: '2027-04-15T00:00:00.000Z',
  },
  signedBy: 'police.head',
  ...over,
});

const KK = 'SEC-2026-000101-REF-01-kk';
const RU = 'SEC-2026-000101-REF-01-ru';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signed-rows-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The signed PDFs in the store's folder (not the temporary files of a write under way). */
const files = () => readdirSync(dir).filter((f) => f.endsWith('.pdf'));
/** A replica's store: its own connection to the database, the shared object storage. */
const storeOn = (database: AppDatabase) =>
  createSignedDocumentStore(dir, createLocalBlobStore(dir), database);
const rowsOf = async (database: AppDatabase) =>
  (await database.ready())
    .selectFrom('signed_documents')
    .select(['document_id', 'number', 'signer_iin', 'storage_key'])
    .orderBy('document_id')
    .execute();

describe.each(DIALECTS)('signed results as rows on $name', (dialect) => {
  const db = databasesPerTest(dialect);

  test('a signed result is a row, read back by id, register number and digest on another replica', async () => {
    const one = storeOn(db.database);
    const kk = await one.save(record(KK), pdf('kk'));
    const ru = await one.save(record(RU), pdf('ru'));
    expect(kk).toEqual({
      ...record(KK),
      sha256: sha256(pdf('kk')),
      size: pdf('kk').length,
      fileName: `${KK}.signed.pdf`,
    });
    expect((await rowsOf(db.replica)).map((r) => [r.document_id, r.number, r.signer_iin])).toEqual([
      [KK, 'SEC-2026-000101-REF-01', '850101300128'],
      [RU, 'SEC-2026-000101-REF-01', '850101300128'],
    ]);

    const two = storeOn(db.replica);
    expect(await two.meta(KK)).toEqual(kk);
    const got = await two.get(RU);
    expect(got?.meta).toEqual(ru);
    expect(got?.bytes.equals(pdf('ru'))).toBe(true);
    expect((await two.find('SEC-2026-000101-REF-01')).map((d) => d.documentId)).toEqual([KK, RU]);
    expect((await two.find(` ${RU} `)).map((d) => d.documentId)).toEqual([RU]);
    expect(await two.find('SEC-2026-000102-REF-01')).toEqual([]);
    expect(await two.bySha256(sha256(pdf('kk')))).toEqual(kk);
    expect(await two.bySha256(sha256(pdf('other')))).toBeNull();
    expect(await two.get('SEC-2026-000101-REF-02-kk')).toBeNull();
    expect(await two.get('../app.sqlite')).toBeNull();
    // No organisation on the certificate: none is made up.
    const { organization: _none, ...signer } = record(KK).signer;
    const plain = await one.save(record('SEC-2026-000101-REF-02-kk', { signer }), pdf('plain'));
    expect((await two.meta(plain.documentId))?.signer).toEqual(signer);
  });

  test('two replicas signing two different documents at the same time: both are kept and found', async () => {
    const one = storeOn(db.database);
    const two = storeOn(db.replica);
    const ids = Array.from({ length: 6 }, (_, i) => `SEC-2026-00010${i}-REF-01-kk`);
    await Promise.all(
      ids.map((id, i) => (i % 2 ? two : one).save(record(id, { number: id.slice(0, -3) }), pdf(id))),
    );
    for (const id of ids) {
      expect((await one.meta(id))?.documentId).toBe(id);
      expect((await two.find(id.slice(0, -3))).map((d) => d.documentId)).toEqual([id]);
    }
    expect(files()).toHaveLength(ids.length);
  });

  test('two replicas signing the same document at the same time: exactly one wins, the other is refused 409 and leaves no file', async () => {
    const one = storeOn(db.database);
    const two = storeOn(db.replica);
    const outcomes = await Promise.allSettled([
      one.save(record(KK, { signedBy: 'police.head' }), pdf('by one')),
      two.save(record(KK, { signedBy: 'police.deputy' }), pdf('by two')),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled') as PromiseFulfilledResult<SignedDocument>[];
    const lost = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'EDS_SIGNED', status: 409 });
    // The winner's signature is the one every replica reads, with the winner's bytes.
    for (const store of [one, two]) {
      const got = await store.get(KK);
      expect(got?.meta).toEqual(won[0].value);
      expect(sha256(got!.bytes)).toBe(won[0].value.sha256);
    }
    expect(await rowsOf(db.database)).toHaveLength(1);
    expect(files()).toEqual([(await rowsOf(db.database))[0].storage_key]);
    // And later, once more: still refused, still nothing written.
    await expect(two.save(record(KK), pdf('later'))).rejects.toMatchObject({ code: 'EDS_SIGNED' });
    expect(files()).toHaveLength(1);
  });

  test('a result in two languages is stored whole or not at all: one language signed already refuses both', async () => {
    const one = storeOn(db.database);
    await one.save(record(RU), pdf('ru first'));
    await expect(
      storeOn(db.replica).saveAll([
        { record: record(KK), pdf: pdf('kk') },
        { record: record(RU), pdf: pdf('ru again') },
      ]),
    ).rejects.toMatchObject({ code: 'EDS_SIGNED', status: 409 });
    expect(await one.meta(KK)).toBeNull();
    expect((await one.get(RU))?.bytes.equals(pdf('ru first'))).toBe(true);
    expect(files()).toHaveLength(1);
  });

  test('a row that cannot be written takes its file back, and the same signature afterwards is stored once', async () => {
    const k = await db.database.ready();
    await sql`ALTER TABLE signed_documents RENAME TO signed_documents_away`.execute(k);
    const one = storeOn(db.database);
    await expect(one.save(record(KK), pdf('kk'))).rejects.toMatchObject({
      message: expect.stringMatching(/signed_documents/),
    });
    expect(files()).toEqual([]);
    await sql`ALTER TABLE signed_documents_away RENAME TO signed_documents`.execute(k);
    await one.save(record(KK), pdf('kk'));
    expect((await storeOn(db.replica).get(KK))?.bytes.equals(pdf('kk'))).toBe(true);
    expect(files()).toHaveLength(1);
  });

  test('an earlier signed.json and its files are copied into rows once; the files are served under their names', async () => {
    // The store's files as the earlier version wrote them: `<id>.signed.pdf` and one index.
    const listed: SignedDocument[] = [KK, RU].map((id) => ({
      ...record(id),
      sha256: sha256(pdf(id)),
      size: pdf(id).length,
      fileName: `${id}.signed.pdf`,
    }));
    for (const d of listed) writeFileSync(path.join(dir, d.fileName), pdf(d.documentId));
    writeFileSync(path.join(dir, 'signed.json'), JSON.stringify({ version: 1, documents: listed }, null, 1));
    const blobs = createLocalBlobStore(dir);

    expect(await importLegacySignedIndex(db.database, blobs)).toEqual({ signed: 2 });
    expect(readdirSync(dir).filter((f) => f.startsWith('signed.json'))).toEqual(['signed.json.imported']);
    // The next start finds nothing; the index put back copies nothing twice.
    expect(await importLegacySignedIndex(db.replica, blobs)).toEqual({ signed: 0 });
    writeFileSync(path.join(dir, 'signed.json'), JSON.stringify({ version: 1, documents: listed }));
    expect(await importLegacySignedIndex(db.replica, blobs)).toEqual({ signed: 0 });
    expect(await rowsOf(db.database)).toEqual([
      {
        document_id: KK,
        number: listed[0].number,
        signer_iin: '850101300128',
        storage_key: `${KK}.signed.pdf`,
      },
      {
        document_id: RU,
        number: listed[1].number,
        signer_iin: '850101300128',
        storage_key: `${RU}.signed.pdf`,
      },
    ]);

    const store = storeOn(db.replica);
    for (const d of listed) {
      const got = await store.get(d.documentId);
      expect(got?.meta).toEqual(d);
      expect(got?.bytes.equals(pdf(d.documentId))).toBe(true);
      expect(await store.bySha256(d.sha256)).toEqual(d);
    }
    // An imported signature is as final as a new one.
    await expect(store.save(record(KK), pdf('again'))).rejects.toMatchObject({ code: 'EDS_SIGNED' });
  });
});
