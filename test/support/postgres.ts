import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openAppDatabase, type AppDatabase, type DatabaseLocation } from '../../adapters/db/connect';

/** Debian's PostgreSQL 15 server binaries (`apt-get install postgresql`; `.ci/run` installs it). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const postgresInstalled =
  existsSync(path.join(PG_BIN, 'initdb')) && existsSync(path.join(PG_BIN, 'pg_ctl'));

export interface TestPostgres {
  /** `postgres://…` of a fresh database on the server. */
  url: string;
  port: number;
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) without removing its data: `start()` brings it back. */
  stopServer(): void;
  startServer(): void;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * A real PostgreSQL 15 server for one test file, run as the current user in a temporary folder on
 * a free port of 127.0.0.1, with trust authentication on that address only. `stop()` shuts it
 * down and removes the folder.
 */
export async function startPostgres(): Promise<TestPostgres> {
  if (!postgresInstalled) throw new Error(`PostgreSQL server binaries not found in ${PG_BIN}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
  const data = path.join(dir, 'data');
  // PostgreSQL refuses to run as root: under root (a CI container) the server runs as the
  // unprivileged `postgres` account the Debian package creates, in a folder handed to it.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : os.userInfo().username;
  if (asRoot) execFileSync('chown', ['-R', user, dir]);
  const pgExec = (bin: string, args: string[], timeout = 60_000) =>
    asRoot
      ? execFileSync('runuser', ['-u', user, '--', path.join(PG_BIN, bin), ...args], {
          stdio: 'ignore',
          timeout,
        })
      : execFileSync(path.join(PG_BIN, bin), args, { stdio: 'ignore', timeout });
  // initdb takes seconds; its output for this user and these options is made once in the temp
  // folder and copied (`cp -a` keeps the owner and the 0700 mode the server requires).
  const initdb = ['-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'];
  const key = createHash('sha256')
    .update([PG_BIN, statSync(path.join(PG_BIN, 'initdb')).mtimeMs, ...initdb].join('\n'))
    .digest('hex')
    .slice(0, 16);
  const template = path.join(os.tmpdir(), `kzp-pg-initdb-${key}`);
  if (!existsSync(path.join(template, 'PG_VERSION'))) {
    const work = mkdtempSync(`${template}-`);
    if (asRoot) execFileSync('chown', ['-R', user, work]);
    pgExec('initdb', ['-D', path.join(work, 'data'), ...initdb]);
    try {
      renameSync(path.join(work, 'data'), template);
    } catch {
      // Another test process made it first: theirs is the same.
    }
    rmSync(work, { recursive: true, force: true });
  }
  execFileSync('cp', ['-a', template, data]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = (...args: string[]) => pgExec('pg_ctl', ['-D', data, ...args]);
  const startServer = () => pgCtl('-w', '-l', path.join(dir, 'log'), '-o', options, 'start');
  const stopServer = () => pgCtl('-w', '-m', 'fast', 'stop');
  startServer();
  // A server left behind by a crashed run is stopped by the operating system's temp clean-up only:
  // make sure this one goes when the test process exits even without `stop()`.
  const onExit = () => {
    try {
      stopServer();
    } catch {
      /* already stopped */
    }
  };
  process.once('exit', onExit);
  const base = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}`;
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
    return `${base}/${name}`;
  };
  const url = await createDatabase('app');
  return {
    url,
    port,
    createDatabase,
    stopServer,
    startServer,
    stop: async () => {
      process.removeListener('exit', onExit);
      onExit();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One dialect a repository test runs on: the embedded SQLite and a real PostgreSQL 15. */
export interface DialectCase {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database of this dialect; `location` opens it again (another process's view). */
  open(): Promise<AppDatabase & { location: DatabaseLocation }>;
}

let server: Promise<TestPostgres> | undefined;
let databases = 0;

/**
 * `describe.each(DIALECTS)`: the same repository tests on SQLite and on PostgreSQL. PostgreSQL is
 * started once per test file (first use) and stopped by `stopSharedPostgres()` in `afterAll`.
 * Without the server binaries (and only then) the PostgreSQL case is left out, saying so.
 */
const ALL_DIALECTS: DialectCase[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'app-db-'));
      const location: DatabaseLocation = { dialect: 'sqlite', file: path.join(dir, 'app.sqlite') };
      const db = openAppDatabase(location);
      await db.ready();
      return Object.assign(db, { location });
    },
  },
  {
    name: 'postgres',
    async open() {
      server ??= startPostgres();
      const url = await (await server).createDatabase(`t${process.pid}_${++databases}`);
      const location: DatabaseLocation = { dialect: 'postgres', url };
      const db = openAppDatabase(location, { migrate: true });
      await db.ready();
      return Object.assign(db, { location });
    },
  },
];

if (!postgresInstalled)
  console.warn(
    `PostgreSQL 15 server binaries are missing in ${PG_BIN}: repository tests run on SQLite only (apt-get install postgresql)`,
  );
export const DIALECTS = ALL_DIALECTS.filter((d) => d.name === 'sqlite' || postgresInstalled);

/** Stops the PostgreSQL server `DIALECTS` started in this test file, if any. */
export async function stopSharedPostgres(): Promise<void> {
  if (server) await (await server).stop();
  server = undefined;
}

/** The databases one test of a `describe.each(DIALECTS)` block works on. */
export interface DatabasesPerTest {
  /** A fresh, migrated, empty database of the block's dialect. */
  readonly database: Awaited<ReturnType<DialectCase['open']>>;
  /** A second connection to the same database: another replica's (another process's) view. */
  readonly replica: AppDatabase;
}

/**
 * Inside `describe.each(DIALECTS)`: a fresh database and a second connection to it for each test,
 * both closed after it; the shared PostgreSQL server stops after the block.
 */
export function databasesPerTest(dialect: DialectCase): DatabasesPerTest {
  const current: { database?: DatabasesPerTest['database']; replica?: AppDatabase } = {};
  beforeEach(async () => {
    current.database = await dialect.open();
    current.replica = openAppDatabase(current.database.location);
  });
  afterEach(async () => {
    await current.database?.close();
    await current.replica?.close();
  });
  afterAll(stopSharedPostgres);
  const set = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the databases exist inside a test only');
    return value;
  };
  return {
    get database() {
      return set(current.database);
    },
    get replica() {
      return set(current.replica);
    },
  };
}

/**
 * A block of tests on a PostgreSQL server of its own (started before them, stopped and removed
 * after), for tests that stop the server or need an unmigrated database; skipped without the
 * server binaries.
 */
export function describeOnOwnPostgres(name: string, body: (server: { readonly pg: TestPostgres }) => void) {
  (postgresInstalled ? describe : describe.skip)(name, () => {
    let pg: TestPostgres | undefined;
    beforeAll(async () => {
      pg = await startPostgres();
    }, 60_000);
    afterAll(() => pg?.stop());
    body({
      get pg() {
        if (!pg) throw new Error('the PostgreSQL server starts before the tests');
        return pg;
      },
    });
  });
}
