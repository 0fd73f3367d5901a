/**
 * The head's signature of a result (Law on e-documents and EDS art. 7: the result exists as an
 * e-document signed with the official's EDS) across web-app replicas, on SQLite and on a real
 * PostgreSQL: the result prepared for signing is a row of the application database, so the
 * signature may reach another replica, or the same one after a restart; it is taken once (a replay
 * or a second replica's store is refused, 409), and refused and deleted once its 15 minutes pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalBlobStore, type BlobStore } from '../../adapters/blobs';
import { openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import { createResultPreparationRepository } from '../../adapters/db/result-preparations';
import { createDocumentService } from '../../adapters/documents';
import { createResultSigning, ResultDocumentError } from '../../adapters/eds/result-signing';
import { createSignedDocumentStore } from '../../adapters/eds/signed-documents';
import type { TrustStore } from '../../adapters/eds/verify';
import { signCms } from '../../simulators/ncalayer/cms';
import { STAFF_SIGNERS } from '../../simulators/ncalayer/holders';
import { createTestPki, type TestPki } from '../../simulators/ncalayer/pki';
import { loadConfig } from '../../config/schema';
import { edsConfigFrom } from '../../ui/eds/config';
import { FACTS } from '../unit/documents/fixtures';
import { movableClock } from '../ui/support/requests';
import { DIALECTS, databasesPerTest } from '../support/postgres';

const HEAD = STAFF_SIGNERS[1]; // police-head signs service B's results
let pki: TestPki;
let trust: TrustStore;
beforeAll(async () => {
  pki = await createTestPki([HEAD]);
  trust = { roots: [pki.root], intermediates: [], crls: [pki.crl] };
});

describe.each(DIALECTS)('a result prepared for the head’s signature on $name', (dialect) => {
  const db = databasesPerTest(dialect);
  let dir: string;
  let clock: ReturnType<typeof movableClock>;
  const opened: AppDatabase[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'result-prep-'));
    // The head's certificate is made now: the replicas' clock starts at the real time.
    clock = movableClock(new Date().toISOString());
  });
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One web-app replica's signing on its own connection; the object storage is shared. */
  const replica = (database: AppDatabase) => {
    const blobs = createLocalBlobStore(dir);
    return createResultSigning({
      documents: createDocumentService({ dir, clock, blobs, database }),
      signed: createSignedDocumentStore(
        path.join(dir, 'signed'),
        createLocalBlobStore(path.join(dir, 'signed')),
        database,
      ),
      trust,
      clock,
      preparations: createResultPreparationRepository(database),
    });
  };

  /** The refusal of the licence generated in both languages, and the variables naming it. */
  async function result() {
    const documents = createDocumentService({ dir, clock, database: db.database });
    const stored = await documents.generate('refusal', FACTS.refusal, ['kk', 'ru']);
    return {
      ids: stored.map((d) => d.documentId),
      variables: {
        ...FACTS.refusal,
        resultDocument: { documents: stored.map((d) => ({ lang: d.lang, documentId: d.documentId })) },
      } as Record<string, unknown>,
    };
  }

  const head = (taskKey: string) => ({ taskKey, userId: 'police-head', expectedIin: HEAD.iin });
  const prepareArgs = (taskKey: string, variables: Record<string, unknown>) => ({
    ...head(taskKey),
    certificatePem: pki.find('police-head', 'sign')!.certificate.toString('pem'),
    variables,
    origin: 'http://127.0.0.1:3000',
  });
  /** What NCALayer returns: the head's CMS over each document's bytes to be signed. */
  const ncalayer = (prepared: Array<{ data: string }>) =>
    Promise.all(
      prepared.map(async (d) =>
        (
          await signCms(pki.find('police-head', 'sign')!, Buffer.from(d.data, 'base64'), { attached: false })
        ).toString('base64'),
      ),
    );
  const preparationRows = async () =>
    (await db.database.ready())
      .selectFrom('result_signature_preparations')
      .select(['task_key', 'preparation_id', 'user_id', 'iin'])
      .execute();
  const signedRows = async () =>
    (await db.database.ready())
      .selectFrom('signed_documents')
      .select('document_id')
      .orderBy('document_id')
      .execute();
  const notPrepared = { constructor: ResultDocumentError, status: 409 };

  test('prepared on replica 1, signed on replica 2: both languages are stored; a replay on either replica is refused', async () => {
    const { ids, variables } = await result();
    const one = replica(db.database);
    const two = replica(db.replica);
    const prepared = await one.prepare(prepareArgs('2251799813685301', variables));
    expect(await preparationRows()).toEqual([
      expect.objectContaining({ task_key: '2251799813685301', user_id: 'police-head', iin: HEAD.iin }),
    ]);
    const signatures = await ncalayer(prepared);
    const saved = await two.sign({ ...head('2251799813685301'), signatures });
    expect(saved.map((d) => d.documentId)).toEqual(ids);
    expect(await one.isSignedBy(variables, HEAD.iin)).toBe(true);
    // Taken by the signature: nothing waits any more, and the same signatures store nothing again.
    expect(await preparationRows()).toEqual([]);
    for (const r of [one, two])
      await expect(r.sign({ ...head('2251799813685301'), signatures })).rejects.toMatchObject(notPrepared);
    expect((await signedRows()).map((r) => r.document_id)).toEqual([...ids].sort());
  });

  test('the web app’s EDS settings keep the preparation in the application database: replica 2 stores what replica 1 prepared', async () => {
    const { ids, variables } = await result();
    writeFileSync(path.join(dir, 'root.pem'), pki.root.toString('pem'));
    writeFileSync(path.join(dir, 'ca.crl'), pki.crl.toString('pem'));
    const config = loadConfig({
      EDS_TRUSTED_ROOTS: path.join(dir, 'root.pem'),
      EDS_CRLS: path.join(dir, 'ca.crl'),
      DOCUMENTS_DIR: dir,
      UI_DATA_DIR: dir,
    });
    // As ui/eds/routes.ts builds it from the settings ui/start.ts makes, on each replica's connection.
    const signingOn = (database: AppDatabase) => {
      const eds = edsConfigFrom(config, { documentsDir: dir, dataDir: dir, database })!;
      return createResultSigning({
        documents: createDocumentService({ dir, clock, database }),
        signed: eds.signed,
        trust: eds.trust,
        clock,
        preparations: eds.preparations,
      });
    };
    const prepared = await signingOn(db.database).prepare(prepareArgs('2251799813685307', variables));
    const saved = await signingOn(db.replica).sign({
      ...head('2251799813685307'),
      signatures: await ncalayer(prepared),
    });
    expect(saved.map((d) => d.documentId)).toEqual(ids);
  });

  test('the web app restarts between prepare and sign: the new process signs what the old one prepared', async () => {
    const { ids, variables } = await result();
    const before = openAppDatabase(db.database.location);
    const prepared = await replica(before).prepare(prepareArgs('2251799813685302', variables));
    await before.close();
    const after = openAppDatabase(db.database.location);
    opened.push(after);
    const saved = await replica(after).sign({
      ...head('2251799813685302'),
      signatures: await ncalayer(prepared),
    });
    expect(saved.map((d) => d.documentId)).toEqual(ids);
  });

  test('a preparation older than 15 minutes is refused on the other replica and deleted; a fresh one still signs', async () => {
    const { ids, variables } = await result();
    const one = replica(db.database);
    const two = replica(db.replica);
    const late = await one.prepare(prepareArgs('2251799813685303', variables));
    clock.advance(15 * 60_000 + 1000);
    await expect(
      two.sign({ ...head('2251799813685303'), signatures: await ncalayer(late) }),
    ).rejects.toMatchObject(notPrepared);
    expect(await preparationRows()).toEqual([]);
    expect(await signedRows()).toEqual([]);
    const fresh = await two.prepare(prepareArgs('2251799813685303', variables));
    clock.advance(14 * 60_000);
    const saved = await one.sign({ ...head('2251799813685303'), signatures: await ncalayer(fresh) });
    expect(saved.map((d) => d.documentId)).toEqual(ids);
  });

  test('a new preparation of the task replaces the earlier one; another user cannot sign it', async () => {
    const { variables } = await result();
    const one = replica(db.database);
    const two = replica(db.replica);
    const first = await one.prepare(prepareArgs('2251799813685304', variables));
    clock.advance(1000);
    const second = await two.prepare(prepareArgs('2251799813685304', variables));
    expect(await preparationRows()).toHaveLength(1);
    await expect(
      one.sign({ ...head('2251799813685304'), userId: 'police-deputy', signatures: await ncalayer(second) }),
    ).rejects.toMatchObject(notPrepared);
    // The signatures of the replaced preparation are over other bytes: refused, nothing stored.
    await expect(
      one.sign({ ...head('2251799813685304'), signatures: await ncalayer(first) }),
    ).rejects.toMatchObject({ code: 'EDS_INTEGRITY' });
    expect(await signedRows()).toEqual([]);
    expect(await one.sign({ ...head('2251799813685304'), signatures: await ncalayer(second) })).toHaveLength(
      2,
    );
  });

  test('the object storage is down when the signatures arrive: nothing is stored, and the same signatures store the result once it is back', async () => {
    const { ids, variables } = await result();
    const files = createLocalBlobStore(path.join(dir, 'signed'));
    let down = true;
    const flaky: BlobStore = {
      ...files,
      put: (...args) =>
        down ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9000')) : files.put(...args),
    };
    const two = createResultSigning({
      documents: createDocumentService({ dir, clock, database: db.replica }),
      signed: createSignedDocumentStore(path.join(dir, 'signed'), flaky, db.replica),
      trust,
      clock,
      preparations: createResultPreparationRepository(db.replica),
    });
    const signatures = await ncalayer(
      await replica(db.database).prepare(prepareArgs('2251799813685306', variables)),
    );
    await expect(two.sign({ ...head('2251799813685306'), signatures })).rejects.toThrow(/ECONNREFUSED/);
    expect(await signedRows()).toEqual([]);
    expect(await preparationRows()).toHaveLength(1);
    down = false;
    const saved = await two.sign({ ...head('2251799813685306'), signatures });
    expect(saved.map((d) => d.documentId)).toEqual(ids);
    expect(await preparationRows()).toEqual([]);
  });

  test('two replicas storing one preparation’s signatures at once: exactly one stores both languages, the other is refused 409', async () => {
    const { ids, variables } = await result();
    const one = replica(db.database);
    const two = replica(db.replica);
    const signatures = await ncalayer(await one.prepare(prepareArgs('2251799813685305', variables)));
    const outcomes = await Promise.allSettled([
      one.sign({ ...head('2251799813685305'), signatures }),
      two.sign({ ...head('2251799813685305'), signatures }),
    ]);
    const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    // Taken by the winner's signature: the other finds nothing prepared, before the store is asked.
    expect(lost).toEqual([expect.objectContaining(notPrepared)]);
    expect((await signedRows()).map((r) => r.document_id)).toEqual([...ids].sort());
    const store = createSignedDocumentStore(
      path.join(dir, 'signed'),
      createLocalBlobStore(path.join(dir, 'signed')),
      db.replica,
    );
    for (const [i, id] of ids.entries()) expect((await store.meta(id))?.sha256).toBe(won[0][i].sha256);
    expect(await preparationRows()).toEqual([]);
  });
});
