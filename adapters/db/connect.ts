import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import type { AppSchema } from './schema';

/** Where the application's own state lives: a SQLite file (embedded) or a PostgreSQL server. */
export type DatabaseLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/**
 * `DATABASE_URL` when set (`postgres://…`, `postgresql://…` or `sqlite:<path>`), otherwise the
 * embedded default `<UI_DATA_DIR>/app.sqlite`, which needs no server.
 */
export function databaseLocation(config: {
  database: { url?: string };
  ui: { dataDir: string };
}): DatabaseLocation {
  const url = config.database.url;
  if (!url) return { dialect: 'sqlite', file: path.resolve(config.ui.dataDir, 'app.sqlite') };
  return parseDatabaseUrl(url);
}

/** Reads `postgres://…`, `postgresql://…` or `sqlite:<path>` (`sqlite::memory:` for a private in-memory database). */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url };
  const sqlite = /^sqlite:(.+)$/i.exec(url);
  if (sqlite) {
    const file = sqlite[1].replace(/^\/\/(?=\/)/, '');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new Error('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
}

/** The location without its password, for messages and logs. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.dialect === 'sqlite') return `sqlite:${location.file}`;
  try {
    const u = new URL(location.url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/** The database cannot be reached or refused the work; nothing of the failed unit of work is kept. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    readonly where: string,
    override readonly cause: unknown,
  ) {
    super(`database unavailable (${where}): ${(cause as Error)?.message ?? String(cause)}; retry later`);
  }
}

/** The schema is older than this code: `npm run db:migrate` has not been run. */
export class DatabaseNotMigratedError extends Error {
  override readonly name = 'DatabaseNotMigratedError';
}

export interface AppDatabase {
  readonly dialect: DatabaseLocation['dialect'];
  /** Where it is, without secrets. */
  readonly where: string;
  /**
   * The query builder once the schema is current. SQLite (and `migrate: true`) applies pending
   * migrations on first use; PostgreSQL only checks that the deploy job has applied them. A
   * failure is not remembered: the next call tries again.
   */
  ready(): Promise<Kysely<AppSchema>>;
  /** Applies pending migrations now; returns the names applied (none when current). */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations on first use. Default: on for SQLite, off for PostgreSQL. */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up or shutting down)
  '08000',
  '08003',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

/** Whether `error` means the database is down or busy (worth a retry), not that the work is wrong. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as { code?: string; message?: string } | undefined;
  if (e?.code && (CONNECTION_ERRORS.has(e.code) || e.code.startsWith('SQLITE_BUSY'))) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(
    e?.message ?? '',
  );
}

/** A pooled connection the server dropped (restart, failover): the pool has others or makes a new one. */
const staleConnection = (error: unknown) =>
  /Connection terminated|not queryable/i.test((error as Error)?.message ?? '') ||
  (error as { code?: string })?.code === 'ECONNRESET';

/**
 * Runs `work`; a database that is down or busy becomes a `DatabaseUnavailableError` naming where.
 * Work that met a connection dropped by a restarted server is run once more on a fresh one: it
 * either never reached the server or was rolled back with its transaction.
 */
export async function guarded<T>(where: string, work: () => Promise<T>): Promise<T> {
  try {
    try {
      return await work();
    } catch (error) {
      if (!staleConnection(error)) throw error;
      return await work();
    }
  } catch (error) {
    throw isUnavailable(error) && !(error instanceof DatabaseUnavailableError)
      ? new DatabaseUnavailableError(where, error)
      : error;
  }
}

/**
 * The database a store was given: `database` itself, a private in-memory SQLite for `':memory:'`,
 * or by default the SQLite file `app.sqlite` in the store's own folder `dir`.
 */
export function givenOrDefaultDatabase(database: AppDatabase | ':memory:' | undefined, dir: string) {
  if (database === ':memory:') return openAppDatabase({ dialect: 'sqlite', file: ':memory:' });
  return database ?? openAppDatabase({ dialect: 'sqlite', file: path.resolve(dir, 'app.sqlite') });
}

/** Runs queries on `appDb` once its schema is current; a database that is down is reported as such. */
export const queriesOn =
  (appDb: AppDatabase) =>
  <T>(work: (k: Kysely<AppSchema>) => Promise<T>): Promise<T> =>
    guarded(appDb.where, async () => work(await appDb.ready()));

/**
 * SQLite files open once per process. better-sqlite3 waits for a lock synchronously, so a second
 * connection of the same process waiting for the first would block the very thread that has to
 * finish the first: one shared connection (whose transactions Kysely queues) avoids that. Other
 * processes have their own and wait in WAL mode as usual.
 */
const sharedSqlite = new Map<string, { database: AppDatabase; users: number }>();

/** Opens (lazily: nothing connects before the first query) the application database at `location`. */
export function openAppDatabase(location: DatabaseLocation, options: OpenOptions = {}): AppDatabase {
  if (location.dialect !== 'sqlite' || location.file === ':memory:') return openDatabase(location, options);
  let entry = sharedSqlite.get(location.file);
  if (!entry) {
    entry = { database: openDatabase(location, options), users: 0 };
    sharedSqlite.set(location.file, entry);
  }
  entry.users++;
  const shared = entry;
  let closed = false;
  return {
    ...shared.database,
    close: async () => {
      if (closed) return;
      closed = true;
      if (--shared.users === 0) {
        sharedSqlite.delete(location.file);
        await shared.database.close();
      }
    },
  };
}

function openDatabase(location: DatabaseLocation, options: OpenOptions): AppDatabase {
  const where = describeLocation(location);
  const migrate = options.migrate ?? location.dialect === 'sqlite';
  let db: Kysely<AppSchema>;
  if (location.dialect === 'sqlite') {
    db = new Kysely<AppSchema>({
      dialect: new SqliteDialect({
        database: async () => {
          if (location.file !== ':memory:') mkdirSync(path.dirname(location.file), { recursive: true });
          const sqlite = new Database(location.file, { timeout: 10_000 });
          sqlite.pragma('journal_mode = WAL');
          sqlite.pragma('synchronous = NORMAL');
          return sqlite;
        },
      }),
    });
  } else {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // A client losing its server (idle, or checked out between two queries) must not crash the
    // process: the next query on it fails, is reported as unavailable, and the pool drops it.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = new Kysely<AppSchema>({ dialect: new PostgresDialect({ pool }) });
  }
  let readying: Promise<Kysely<AppSchema>> | undefined;
  return {
    dialect: location.dialect,
    where,
    ready() {
      readying ??= guarded(where, async () => {
        if (migrate) await migrateToLatest(db);
        else await assertMigrated(db, where);
        return db;
      }).catch((error) => {
        readying = undefined;
        throw error;
      });
      return readying;
    },
    migrate: () => guarded(where, () => migrateToLatest(db)),
    close: () => db.destroy(),
  };
}

const migrator = (db: Kysely<AppSchema>) =>
  new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });

/**
 * Applies every pending migration; returns the names applied. Two processes starting together on
 * one SQLite file may collide: the loser waits and finds the work done.
 */
export async function migrateToLatest(db: Kysely<AppSchema>): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator(db).migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // On one SQLite file the loser of two concurrent migrations may see the winner's table
    // appear under it: the retry finds the migration recorded and does nothing.
    if (attempt >= 20 || !(isUnavailable(error) || /already exists/i.test((error as Error)?.message ?? '')))
      throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}

async function assertMigrated(db: Kysely<AppSchema>, where: string): Promise<void> {
  const pending = (await migrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
  if (pending.length > 0)
    throw new DatabaseNotMigratedError(
      `the database ${where} lacks migrations ${pending.join(', ')}: run \`npm run db:migrate\` (from the image: \`node dist/scripts/db-migrate.js\`, which compose's db-migrate service and the Kubernetes db-migrate Job run)`,
    );
}
