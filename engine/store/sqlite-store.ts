import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {
  createSearchTables,
  IndexChanges,
  searchIndexReader,
  searchIndexWriter,
  SearchIndexReader,
} from './search-index';

/** The kinds of record the engine persists; each is a table of JSON documents keyed by record key. */
export const RECORD_KINDS = [
  'deployment',
  'process',
  'form',
  'processInstance',
  'elementInstance',
  'variable',
  'job',
  'userTask',
  'incident',
  'timer',
  'messageSubscription',
  'message',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordStore {
  loadAll(): Map<RecordKind, Map<string, unknown>>;
  getMeta(name: string): string | undefined;
  /**
   * Writes every change of one command atomically; called before the command is answered. `index`
   * updates the search tables in the same transaction.
   */
  commit(
    changes: Map<RecordKind, Map<string, unknown | null>>,
    meta: Record<string, string>,
    index?: IndexChanges,
  ): void;
  /** The search tables: running and finished instances, queried with SQL. */
  readonly index: SearchIndexReader;
  close(): void;
}

/**
 * SQLite in WAL mode: a committed command survives SIGKILL of the engine process.
 * One row per record keeps writes proportional to what a command changed.
 */
export function openSqliteStore(
  dataDir: string | ':memory:',
  sync: 'normal' | 'full' = 'normal',
): RecordStore {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'engine.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed transaction survives a killed process (SIGKILL); FULL adds an fsync per
  // command for power-loss safety at a large cost in throughput (ENGINE_SYNC=full).
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec(`
    CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
  createSearchTables(db);
  const writeIndex = searchIndexWriter(db);
  const upsert = db.prepare(
    'INSERT INTO records (kind, key, data) VALUES (?, ?, ?) ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data',
  );
  const remove = db.prepare('DELETE FROM records WHERE kind = ? AND key = ?');
  const setMeta = db.prepare(
    'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
  );
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?');
  const writeAll = db.transaction(
    (
      changes: Map<RecordKind, Map<string, unknown | null>>,
      meta: Record<string, string>,
      index?: IndexChanges,
    ) => {
      for (const [kind, rows] of changes) {
        for (const [key, value] of rows) {
          if (value === null) remove.run(kind, key);
          else upsert.run(kind, key, JSON.stringify(value));
        }
      }
      for (const [name, value] of Object.entries(meta)) setMeta.run(name, value);
      if (index) writeIndex(index);
    },
  );
  return {
    loadAll() {
      const out = new Map<RecordKind, Map<string, unknown>>();
      for (const k of RECORD_KINDS) out.set(k, new Map());
      for (const row of db
        .prepare<[], { kind: RecordKind; key: string; data: string }>('SELECT kind, key, data FROM records')
        .iterate()) {
        out.get(row.kind)?.set(row.key, JSON.parse(row.data));
      }
      return out;
    },
    getMeta: (name) => getMeta.get(name)?.value,
    commit: (changes, meta, index) => writeAll(changes, meta, index),
    index: searchIndexReader(db),
    close: () => db.close(),
  };
}
