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
import { startCheckpointer } from './checkpointer';

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
  'decisionRequirements',
  'decision',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordStore {
  loadAll(): Map<RecordKind, Map<string, unknown>>;
  /** One record as last committed, or undefined when none is stored under that key. */
  load(kind: RecordKind, key: string): unknown;
  getMeta(name: string): string | undefined;
  /**
   * Writes every change of one command atomically; called before the command is answered. `index`
   * updates the search tables in the same transaction.
   * @throws RecordTooLargeError (nothing written) when one record's JSON exceeds the store's limit.
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

/** A record already serialised (and size-checked) by the engine; written as it is. */
export class StagedJson {
  constructor(readonly json: string) {}
}

/** A record whose JSON is larger than the store accepts (Zeebe's maxMessageSize); nothing was written. */
export class RecordTooLargeError extends Error {
  constructor(
    readonly kind: RecordKind,
    readonly key: string,
    readonly bytes: number,
    readonly limit: number,
    readonly record: unknown,
  ) {
    super(`a ${kind} record of ${bytes} bytes exceeds the limit of ${limit} bytes`);
    this.name = 'RecordTooLargeError';
  }
}

/** UTF-8 size of a JSON text, computed exactly only when it could exceed `limit`. */
export function jsonBytesOver(json: string, limit: number): number | undefined {
  if (json.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(json, 'utf8');
  return bytes > limit ? bytes : undefined;
}

/**
 * SQLite in WAL mode: a committed command survives SIGKILL of the engine process.
 * One row per record keeps writes proportional to what a command changed.
 */
export function openSqliteStore(
  dataDir: string | ':memory:',
  sync: 'normal' | 'full' = 'normal',
  maxRecordBytes = Infinity,
  /** Where the store reports what an operator should know (checkpoints back on the engine's thread). */
  log?: (msg: string) => void,
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
  // Pages are read through a memory map instead of a read() call each (writes still go to the WAL):
  // the index pages a commit updates and a search reads cost no system call once mapped.
  db.pragma('mmap_size = 268435456');
  // WAL checkpoints run on a worker thread, not inside a commit on the engine's loop (checkpointer.ts).
  const checkpointer = file === ':memory:' ? undefined : startCheckpointer(db, file, { log });
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
  const getOne = db.prepare<[string, string], { data: string }>(
    'SELECT data FROM records WHERE kind = ? AND key = ?',
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
          else {
            const json = value instanceof StagedJson ? value.json : JSON.stringify(value);
            const over = jsonBytesOver(json, maxRecordBytes);
            if (over !== undefined) throw new RecordTooLargeError(kind, key, over, maxRecordBytes, value);
            upsert.run(kind, key, json);
          }
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
    load(kind, key) {
      const row = getOne.get(kind, key);
      return row ? JSON.parse(row.data) : undefined;
    },
    getMeta: (name) => getMeta.get(name)?.value,
    commit: (changes, meta, index) => writeAll(changes, meta, index),
    index: searchIndexReader(db),
    close: () => {
      checkpointer?.stop();
      db.close();
    },
  };
}
