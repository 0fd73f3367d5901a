import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DatabaseNotMigratedError,
  DatabaseUnavailableError,
  databaseLocation,
  openAppDatabase,
  parseDatabaseUrl,
} from '../../adapters/db/connect';
import { MIGRATIONS } from '../../adapters/db/migrations';
import { createCalendarRevisionStore } from '../../adapters/calendar-revisions';
import { loadConfig } from '../../config/schema';
import { DIALECTS, describeOnOwnPostgres, stopSharedPostgres } from '../support/postgres';

const REVISION = {
  id: 'transfer-2026-04',
  effectiveAt: '2026-04-03T09:00:00+05:00',
  author: 'operator.kairat',
  legalBasis: 'Приказ о переносе выходного дня (синтетический)',
  changes: [{ date: '2026-04-13', kind: 'transferred-day-off' as const, name: 'Перенесённый выходной' }],
};

describe('where the application database is', () => {
  test('unset DATABASE_URL: SQLite in UI_DATA_DIR/app.sqlite, no server needed', () => {
    const config = loadConfig({ UI_DATA_DIR: '/srv/ui' });
    expect(databaseLocation(config)).toEqual({ dialect: 'sqlite', file: '/srv/ui/app.sqlite' });
  });

  test('postgres:// and postgresql:// choose PostgreSQL; sqlite:<path> a SQLite file', () => {
    expect(parseDatabaseUrl('postgres://app:secret@db:5432/permits')).toEqual({
      dialect: 'postgres',
      url: 'postgres://app:secret@db:5432/permits',
    });
    expect(parseDatabaseUrl('postgresql://db/permits').dialect).toBe('postgres');
    expect(parseDatabaseUrl('sqlite:/var/lib/app.sqlite')).toEqual({
      dialect: 'sqlite',
      file: '/var/lib/app.sqlite',
    });
  });

  test('another scheme is refused by the configuration, naming the variable, without echoing the secret', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:secret@db/permits' })).toThrow(
      /DATABASE_URL \(database\.url\): invalid value; expected postgres:\/\/user:password@host:port\/db \| sqlite:<path>, got a value \(secret, not shown\)/,
    );
  });

  test('messages name the database without its password', () => {
    const db = openAppDatabase(parseDatabaseUrl('postgres://app:s3cret@db.example:5432/permits'));
    expect(db.where).toBe('postgres://app:***@db.example:5432/permits');
    return db.close();
  });
});

describe.each(DIALECTS)('the schema on $name', ({ open }) => {
  afterAll(stopSharedPostgres);

  test('every migration is applied once; running them again applies nothing', async () => {
    const database = await open();
    try {
      expect(await database.migrate()).toEqual([]);
      const db = await database.ready();
      for (const table of ['calendar_revisions', 'mci_records', 'legal_amendments', 'audit_events'] as const)
        expect(await db.selectFrom(table).selectAll().execute()).toEqual([]);
      const applied = await db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(applied.map((r) => (r as { name: string }).name)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await database.close();
    }
  });
});

describe('SQLite: the embedded default', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'app-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a fresh file is created and migrated on first use; two connections opening it together both work', async () => {
    const file = path.join(dir, 'nested', 'app.sqlite');
    const [a, b] = [
      openAppDatabase({ dialect: 'sqlite', file }),
      openAppDatabase({ dialect: 'sqlite', file }),
    ];
    await Promise.all([a.ready(), b.ready()]);
    await createCalendarRevisionStore(a).append(REVISION, new Date('2026-04-02T10:00:00Z'));
    expect((await createCalendarRevisionStore(b).list()).map((r) => r.id)).toEqual(['transfer-2026-04']);
    await a.close();
    await b.close();
  });
});

describeOnOwnPostgres('PostgreSQL: the production database', (server) => {
  test('the services do not migrate it: before `npm run db:migrate` they refuse to start, saying what to run', async () => {
    const url = await server.pg.createDatabase('unmigrated');
    const service = openAppDatabase(parseDatabaseUrl(url));
    await expect(service.ready()).rejects.toThrow(DatabaseNotMigratedError);
    await expect(service.ready()).rejects.toThrow(/run `npm run db:migrate`/);
    const deployJob = openAppDatabase(parseDatabaseUrl(url));
    expect(await deployJob.migrate()).toEqual(Object.keys(MIGRATIONS));
    await deployJob.close();
    await expect(service.ready()).resolves.toBeDefined();
    await service.close();
  });

  test('a server that is down gives a clear error naming the database, and the next call after it is back succeeds', async () => {
    const url = await server.pg.createDatabase('outage');
    const database = openAppDatabase(parseDatabaseUrl(url), { migrate: true });
    const store = createCalendarRevisionStore(database);
    await database.ready();
    server.pg.stopServer();
    try {
      const failed = await store.append(REVISION, new Date('2026-04-02T10:00:00Z')).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(DatabaseUnavailableError);
      expect((failed as Error).message).toMatch(
        new RegExp(
          `^database unavailable \\(postgres://[^@]+@127\\.0\\.0\\.1:${server.pg.port}/outage\\): .+; retry later$`,
        ),
      );
    } finally {
      server.pg.startServer();
    }
    await store.append(REVISION, new Date('2026-04-02T10:00:00Z'));
    expect((await store.list()).map((r) => r.id)).toEqual(['transfer-2026-04']);
    await database.close();
  }, 60_000);
});
