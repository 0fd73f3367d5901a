/**
 * Applicants' attachments as rows of the application database (SQLite and a real PostgreSQL), their
 * bytes in the object store. The rows are written in the application's registration transaction:
 * a database that fails (down, or refusing the rows themselves) answers 503 in Kazakh and Russian
 * with Retry-After, registers no application, keeps no row and takes its files back; the same
 * request afterwards registers the application with its files once.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppDatabase } from '../../adapters/db/connect';
import { createAttachmentRepository, type AttachmentRecord } from '../../adapters/db/attachments';
import { makeBin } from '../../domain/identifiers';
import { createSessionStore } from '../../ui/auth/sessions';
import { licenceApplication, movableClock } from '../ui/support/requests';
import { appReplica, type AppReplica } from '../support/app-replica';
import { DIALECTS, databasesPerTest, describeOnOwnPostgres } from '../support/postgres';

const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
const SECRET = 'attachments-secret-attachments-secret-0123';
const PDF = Buffer.from('%PDF-1.7\n%synthetic charter\n%%EOF');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

const row = (id: string, position: number, over: Partial<AttachmentRecord> = {}): AttachmentRecord => ({
  id,
  applicationNumber: 'SEC-2026-000101',
  fileName: 'Жарғы.pdf',
  contentType: 'application/pdf',
  size: PDF.length,
  sha256: 'a'.repeat(64),
  storageKey: `files/${id}`,
  uploadedBy: 'applicant-' + BIN,
  receivedAt: '2026-04-15T05:00:00.000Z',
  position,
  ...over,
});

describe.each(DIALECTS)("attachments' rows on $name", (dialect) => {
  const db = databasesPerTest(dialect);

  test('two files of the same name are two rows, listed in the order sent, on another replica too', async () => {
    const one = createAttachmentRepository(db.database);
    await one.add([row('a1b2c3d4e5f60718', 0), row('0f1e2d3c4b5a6978', 1)]);
    const listed = await createAttachmentRepository(db.replica).list('SEC-2026-000101');
    expect(listed.map((a) => [a.id, a.fileName, a.storageKey])).toEqual([
      ['a1b2c3d4e5f60718', 'Жарғы.pdf', 'files/a1b2c3d4e5f60718'],
      ['0f1e2d3c4b5a6978', 'Жарғы.pdf', 'files/0f1e2d3c4b5a6978'],
    ]);
    expect(listed[0]).toEqual(row('a1b2c3d4e5f60718', 0));
    expect(await one.list('SEC-2026-000102')).toEqual([]);
  });

  test('a batch is kept whole or not at all: a row that cannot be written keeps none of its batch', async () => {
    const one = createAttachmentRepository(db.database);
    await one.add([row('a1b2c3d4e5f60718', 0)]);
    await expect(
      one.add([row('1111111111111111', 0), row('a1b2c3d4e5f60718', 1, { storageKey: 'files/other' })]),
      // Not `toThrow()`: better-sqlite3's error class is of another test file's realm (see
      // test/unit/documents/document-store-s3.test.ts).
    ).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE|duplicate key/) });
    expect((await one.list('SEC-2026-000101')).map((a) => a.id)).toEqual(['a1b2c3d4e5f60718']);
  });
});

describeOnOwnPostgres('a database that fails while an application with files is registered', (server) => {
  let db: AppDatabase;
  let app: AppReplica;
  let base: string;
  let attachmentsDir: string;
  beforeEach(async () => {
    const url = await server.pg.createDatabase(`files_${Date.now()}`);
    attachmentsDir = mkdtempSync(path.join(os.tmpdir(), 'kzp-attachments-'));
    // Sessions in memory here, so that only the registration meets the failing database. No
    // engine: a registered application waits as 'starting' for it (503 ENGINE_UNAVAILABLE).
    app = await appReplica(
      { dialect: 'postgres', url },
      () => ({
        clock: movableClock('2026-04-15T10:00:00+05:00'),
        sessionSecret: SECRET,
        sessionStore: createSessionStore(':memory:'),
        attachmentsDir,
      }),
      { migrate: true },
    );
    db = app.database;
    base = app.url;
  });
  afterEach(async () => {
    await app.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const cookieOf = (res: Response, name: string) =>
    (res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '').split(';')[0];
  async function signIn() {
    const signin = cookieOf(await fetch(`${base}/`), 'kzp_signin');
    const res = await fetch(`${base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signin },
      body: new URLSearchParams({
        _signin: signin.split('=')[1],
        bin: BIN,
        name: 'Айгүл Сейітова',
      }).toString(),
    });
    const cookie = cookieOf(res, 'kzp_session');
    const page = await (await fetch(`${base}/portal`, { headers: { cookie } })).text();
    return { cookie, csrf: /"csrfToken":"([^"]+)"/.exec(page)?.[1] ?? '' };
  }
  async function submit(who: { cookie: string; csrf: string }) {
    const form = new FormData();
    form.set('application', JSON.stringify(licenceApplication('SEC-2026-000101', BIN)));
    form.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Жарғы.pdf');
    form.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'Жарғы.pdf');
    const res = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'idempotency-key': 'form-files-000001' },
      body: form,
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      json: (await res.json()) as any,
    };
  }
  const kept = () => {
    const files = path.join(attachmentsDir, 'files');
    return existsSync(files) ? readdirSync(files).filter((f) => !f.endsWith('.tmp')) : [];
  };
  const count = async (table: 'applications' | 'attachments') =>
    Number(
      (
        await (
          await db.ready()
        )
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const expectRefused = (res: Awaited<ReturnType<typeof submit>>) => {
    expect(res.status).toBe(503);
    expect(res.retryAfter).toBe('5');
    expect(res.json.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.json.error.kk).toMatch(/[әіңғүұқөһ]/i);
    expect(res.json.error.ru).toMatch(/[а-я]/i);
  };

  test("the connection lost exactly at the files' rows: 503, no application, no row, no file; the same form then registers once with both files", async () => {
    const me = await signIn();
    expect(me.csrf).not.toBe('');
    // The server drops the work at the attachments' rows, after the application's row was written.
    await sql`CREATE FUNCTION refuse_files() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'connection lost' USING ERRCODE = '08006'; END $$ LANGUAGE plpgsql`.execute(
      await db.ready(),
    );
    await sql`CREATE TRIGGER refuse_files BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION refuse_files()`.execute(
      await db.ready(),
    );
    expectRefused(await submit(me));
    expect(await count('applications')).toBe(0);
    expect(await count('attachments')).toBe(0);
    expect(kept()).toEqual([]);

    await sql`DROP TRIGGER refuse_files ON attachments`.execute(await db.ready());
    const again = await submit(me);
    // Registered; it starts when the engine answers (there is none here).
    expect(again.json.error?.code).toBe('ENGINE_UNAVAILABLE');
    expect(await count('applications')).toBe(1);
    const [{ application_number: number }] = await (
      await db.ready()
    )
      .selectFrom('applications')
      .select('application_number')
      .execute();
    const rows = await createAttachmentRepository(db).list(number);
    expect(rows.map((r) => [r.fileName, r.contentType, r.size])).toEqual([
      ['Жарғы.pdf', 'application/pdf', PDF.length],
      ['Жарғы.pdf', 'image/png', PNG.length],
    ]);
    expect(kept().sort()).toEqual(rows.map((r) => r.id).sort());
  });

  test('the server down: 503, nothing registered, no file kept; back up, the same form registers once with both files', async () => {
    const me = await signIn();
    server.pg.stopServer();
    try {
      expectRefused(await submit(me));
    } finally {
      server.pg.startServer();
    }
    expect(kept()).toEqual([]);
    expect(await count('applications')).toBe(0);
    await submit(me);
    expect(await count('applications')).toBe(1);
    expect(await count('attachments')).toBe(2);
    expect(kept()).toHaveLength(2);
  });
});
