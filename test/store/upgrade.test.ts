/**
 * An embedded install from before the application database: UI_DATA_DIR holds applications.sqlite
 * and the web app's per-process files in their old formats (the statements below are those the
 * earlier code ran). They are copied into the application database once, on SQLite and on
 * PostgreSQL; a repeated copy adds nothing; numbers continue after the last one issued.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importLegacyFileIndexes, importLegacyFiles } from '../../adapters/db/upgrade';
import { createAttachmentRepository } from '../../adapters/db/attachments';
import { createLocalBlobStore } from '../../adapters/blobs';
import { createDocumentService } from '../../adapters/documents';
import { fixedClock } from '../../domain/clock';
import { listAttachments, readAttachment } from '../../intake/attachments';
import {
  createDesignerDraftRepository,
  createOperatorLogRepository,
  createSessionRepository,
  createTaskDraftRepository,
} from '../../adapters/db/web-state';
import { makeBin } from '../../domain/identifiers';
import { createApplicationStore } from '../../intake/store';
import { DIALECTS, stopSharedPostgres, type DialectCase } from '../support/postgres';

const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
const OTHER_BIN = makeBin('2020-07', 'resident-legal-entity', 777);
const T0 = Date.parse('2026-03-02T04:00:00.000Z');

function oldFiles(dir: string): void {
  const apps = new Database(path.join(dir, 'applications.sqlite'));
  apps.pragma('journal_mode = WAL');
  apps.exec(`CREATE TABLE IF NOT EXISTS applications (
    application_number TEXT PRIMARY KEY, service_id TEXT NOT NULL, request_kind TEXT NOT NULL,
    applicant_bin TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL,
    registered_on TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('starting', 'started')),
    process_instance_key TEXT);
  CREATE INDEX IF NOT EXISTS applications_by_bin ON applications (applicant_bin);
  CREATE TABLE IF NOT EXISTS number_sequences (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL);
  ALTER TABLE applications ADD COLUMN idempotency_key TEXT;`);
  const insert = apps.prepare('INSERT INTO applications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run(
    'SEC-2026-000041',
    'security-licence',
    'issue',
    BIN,
    JSON.stringify({ applicant: { bin: BIN, name: 'ЖШС «Қорған-Сервис»' } }),
    '2026-03-02T04:00:00.000Z',
    '2026-03-02',
    'started',
    '2251799813685301',
    'key-41',
  );
  insert.run(
    'SEC-2026-000042',
    'security-licence',
    'reissue',
    OTHER_BIN,
    '{"applicant":{"name":"ТОО «Страж»"}}',
    '2026-03-03T05:00:00.000Z',
    '2026-03-03',
    'starting',
    null,
    null,
  );
  apps.prepare('INSERT INTO number_sequences VALUES (?, ?)').run('SEC-2026', 42);
  apps.close();

  const worklist = new Database(path.join(dir, 'worklist.sqlite'));
  worklist.exec(`CREATE TABLE IF NOT EXISTS task_drafts (
      user_id TEXT NOT NULL, user_task_key TEXT NOT NULL, data TEXT NOT NULL, saved_at INTEGER NOT NULL,
      PRIMARY KEY (user_task_key, user_id)) WITHOUT ROWID;`);
  worklist
    .prepare('INSERT INTO task_drafts VALUES (?, ?, ?, ?)')
    .run('police-clerk', '2251799813685309', '{"remark":"Анықтама жоқ"}', T0);
  worklist.close();

  const operations = new Database(path.join(dir, 'operations.sqlite'));
  operations.exec(`CREATE TABLE IF NOT EXISTS operator_actions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, process_instance_key TEXT NOT NULL, entry TEXT NOT NULL);`);
  const action = (seq: number, a: object) =>
    operations
      .prepare('INSERT INTO operator_actions (process_instance_key, entry) VALUES (?, ?)')
      .run('2251799813685301', JSON.stringify({ processInstanceKey: '2251799813685301', seq, ...a }));
  action(1, {
    action: 'retry',
    subject: 'Task_CheckFee',
    reason: 'Шлюз қалпына келді',
    by: 'operator',
    at: T0,
  });
  action(2, { action: 'cancel', reason: 'Өтініш кері алынды', by: 'operator', at: T0 + 60_000 });
  operations.close();

  const designer = new Database(path.join(dir, 'designer.sqlite'));
  designer.exec(`CREATE TABLE IF NOT EXISTS drafts (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, name TEXT NOT NULL,
      content TEXT NOT NULL, saved_by TEXT NOT NULL, saved_at INTEGER NOT NULL);`);
  const save = designer.prepare(
    'INSERT INTO drafts (kind, name, content, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)',
  );
  save.run('bpmn', 'hearing.bpmn', '<old/>', 'designer', T0);
  save.run('bpmn', 'hearing.bpmn', '<newer/>', 'designer', T0 + 1000);
  designer.close();

  const sessions = new Database(path.join(dir, 'sessions.sqlite'));
  sessions.exec(`CREATE TABLE IF NOT EXISTS sessions (
      key TEXT PRIMARY KEY, identity TEXT NOT NULL, csrf_token TEXT NOT NULL,
      created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, id_token TEXT);`);
  sessions
    .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)')
    .run('hmac-key', '{"kind":"staff","sub":"police-clerk"}', 'csrf', T0, T0 + 5000, null);
  sessions.close();
}

describe.each(DIALECTS)('an embedded install upgraded into the application database on $name', ({ open }) => {
  let database: Awaited<ReturnType<DialectCase['open']>>;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(() => database.close());
  afterAll(stopSharedPostgres);

  test('every application, number, draft, operator action and session of the old files is copied once; a second copy adds nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-legacy-'));
    oldFiles(dir);
    expect(await importLegacyFiles(database, dir)).toEqual({
      'applications.sqlite': 2,
      'worklist.sqlite': 1,
      'operations.sqlite': 2,
      'designer.sqlite': 2,
      'sessions.sqlite': 1,
    });
    for (const f of ['applications', 'worklist', 'operations', 'designer', 'sessions']) {
      expect(existsSync(path.join(dir, `${f}.sqlite`))).toBe(false);
      expect(existsSync(path.join(dir, `${f}.sqlite.imported`))).toBe(true);
    }
    // The next start finds nothing to copy.
    expect(await importLegacyFiles(database, dir)).toEqual({});
    // Copied again (a start that died before renaming): nothing is doubled.
    for (const f of ['applications', 'operations', 'designer'])
      renameSync(path.join(dir, `${f}.sqlite.imported`), path.join(dir, `${f}.sqlite`));
    await importLegacyFiles(database, dir);

    const store = createApplicationStore(database);
    const all = await store.list();
    expect(all.map((a) => a.applicationNumber).sort()).toEqual(['SEC-2026-000041', 'SEC-2026-000042']);
    expect(await store.get('SEC-2026-000041')).toEqual({
      applicationNumber: 'SEC-2026-000041',
      serviceId: 'security-licence',
      requestKind: 'issue',
      applicantBin: BIN,
      payload: JSON.stringify({ applicant: { bin: BIN, name: 'ЖШС «Қорған-Сервис»' } }),
      receivedAt: '2026-03-02T04:00:00.000Z',
      registeredOn: '2026-03-02',
      state: 'started',
      processInstanceKey: '2251799813685301',
    });
    expect((await store.getByIdempotencyKey(BIN, 'key-41'))?.applicationNumber).toBe('SEC-2026-000041');
    expect((await store.listStarting()).map((a) => a.applicationNumber)).toEqual(['SEC-2026-000042']);
    // The register goes on after the last number it issued, never over an old one.
    const next = await store.insertWithNewNumber(
      {
        serviceId: 'security-licence',
        requestKind: 'issue',
        applicantBin: BIN,
        receivedAt: '2026-04-15T05:00:00.000Z',
        registeredOn: '2026-04-15',
        state: 'starting',
        processInstanceKey: null,
      },
      'SEC-2026',
      (n) => JSON.stringify({ n }),
    );
    expect(next.record.applicationNumber).toBe('SEC-2026-000043');

    expect((await createTaskDraftRepository(database).get('police-clerk', '2251799813685309'))?.data).toEqual(
      {
        remark: 'Анықтама жоқ',
      },
    );
    const actions = await createOperatorLogRepository(database).forInstances(['2251799813685301']);
    expect(actions.map((a) => a.action)).toEqual(['retry', 'cancel']);
    expect(actions[0]).toMatchObject({ reason: 'Шлюз қалпына келді', at: T0 });
    const drafts = createDesignerDraftRepository(database);
    expect((await drafts.latest('bpmn', 'hearing.bpmn'))?.content).toBe('<newer/>');
    expect(await drafts.names('bpmn')).toEqual(['hearing.bpmn']);
    expect(await createSessionRepository(database).get('hmac-key')).toEqual({
      identity: { kind: 'staff', sub: 'police-clerk' },
      csrfToken: 'csrf',
      createdAt: T0,
      lastSeenAt: T0 + 5000,
    });
  });

  test("the files' old index files (the documents' index.json, each application's attachments.json) become rows once; every file is served from its old place", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-legacy-files-'));
    const documentsDir = path.join(dir, 'documents');
    const attachmentsDir = path.join(dir, 'attachments');
    mkdirSync(documentsDir, { recursive: true });
    // A refusal as the document service stored it: the PDF under its id, listed in index.json.
    const pdf = Buffer.from('%PDF-1.7\n%synthetic refusal\n%%EOF');
    const digest = createHash('sha256').update(pdf).digest('hex');
    writeFileSync(path.join(documentsDir, 'SEC-2026-000041-REF-01-kk.pdf'), pdf);
    const legacyDocument = {
      documentId: 'SEC-2026-000041-REF-01-kk',
      applicationNumber: 'SEC-2026-000041',
      kind: 'refusal',
      lang: 'kk',
      title: 'Мемлекеттік қызмет көрсетуден дәлелді бас тарту',
      number: 'SEC-2026-000041-REF-01',
      date: '02.03.2026',
      fileName: 'SEC-2026-000041-REF-01-kk.pdf',
      contentType: 'application/pdf',
      sha256: digest,
      size: pdf.length,
      createdAt: '2026-03-02T06:00:00.000Z',
      stamp: [`SHA-256: ${digest}`],
      seq: 1,
      factsDigest: 'f'.repeat(64),
    };
    writeFileSync(
      path.join(documentsDir, 'index.json'),
      JSON.stringify({ version: 1, documents: [legacyDocument] }),
    );
    // Two attachments: one in the object storage (files/<id>), one from before it, beside its index.
    const folder = path.join(attachmentsDir, 'SEC-2026-000041');
    mkdirSync(path.join(attachmentsDir, 'files'), { recursive: true });
    mkdirSync(folder, { recursive: true });
    const charter = Buffer.from('%PDF-1.7\n%charter\n');
    const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    writeFileSync(path.join(attachmentsDir, 'files', 'a1b2c3d4e5f60718'), charter);
    writeFileSync(path.join(folder, '0f1e2d3c4b5a6978'), photo);
    writeFileSync(
      path.join(folder, 'attachments.json'),
      JSON.stringify([
        {
          id: 'a1b2c3d4e5f60718',
          fileName: 'Жарғы.pdf',
          contentType: 'application/pdf',
          size: charter.length,
          receivedAt: '2026-03-02T04:00:00.000Z',
        },
        {
          id: '0f1e2d3c4b5a6978',
          fileName: 'photo.png',
          contentType: 'image/png',
          size: photo.length,
          receivedAt: '2026-03-02T04:00:00.000Z',
        },
      ]),
    );
    const stores = {
      documents: createLocalBlobStore(documentsDir),
      attachmentsDir,
      attachments: createLocalBlobStore(attachmentsDir),
    };
    expect(await importLegacyFileIndexes(database, stores)).toEqual({ documents: 1, attachments: 2 });
    expect(existsSync(path.join(documentsDir, 'index.json'))).toBe(false);
    expect(existsSync(path.join(documentsDir, 'index.json.imported'))).toBe(true);
    expect(existsSync(path.join(folder, 'attachments.json.imported'))).toBe(true);
    // The next start finds nothing to copy; a copy repeated (index put back) doubles nothing.
    expect(await importLegacyFileIndexes(database, stores)).toEqual({ documents: 0, attachments: 0 });
    renameSync(path.join(documentsDir, 'index.json.imported'), path.join(documentsDir, 'index.json'));
    await importLegacyFileIndexes(database, stores);

    const documents = createDocumentService({
      dir: documentsDir,
      clock: fixedClock('2026-04-15T05:00:00Z'),
      database,
    });
    const { seq: _seq, factsDigest: _facts, ...meta } = legacyDocument;
    const found = await documents.get('SEC-2026-000041-REF-01-kk');
    expect(found?.bytes.equals(pdf)).toBe(true);
    expect(found?.meta).toMatchObject(meta);
    expect((await documents.list('SEC-2026-000041')).map((d) => d.documentId)).toEqual([
      'SEC-2026-000041-REF-01-kk',
    ]);
    const rows = createAttachmentRepository(database);
    expect(await listAttachments(rows, 'SEC-2026-000041')).toEqual([
      expect.objectContaining({ id: 'a1b2c3d4e5f60718', fileName: 'Жарғы.pdf' }),
      expect.objectContaining({ id: '0f1e2d3c4b5a6978', fileName: 'photo.png' }),
    ]);
    for (const [id, bytes] of [
      ['a1b2c3d4e5f60718', charter],
      ['0f1e2d3c4b5a6978', photo],
    ] as const) {
      const got = await readAttachment(rows, stores.attachments, 'SEC-2026-000041', id);
      expect(got?.bytes.equals(bytes)).toBe(true);
    }
  });
});
