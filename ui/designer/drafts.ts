import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The designer's drafts, in the web app's own store (`<UI_DATA_DIR>/designer.sqlite`): every save is
 * kept with who saved it and when, and the latest per file is the draft. The repository's bpmn/ and
 * forms/ are never written (docs/decisions/0007-diagrams-source-of-truth.md).
 */
export type DraftKind = 'bpmn' | 'form';

export interface Draft {
  kind: DraftKind;
  /** File name, e.g. `security-licence.bpmn`. */
  name: string;
  content: string;
  savedBy: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export interface DraftStore {
  save(draft: Draft): void;
  /** The latest save of a file, if any. */
  latest(kind: DraftKind, name: string): Draft | undefined;
  /** Names of the files of a kind that have drafts. */
  names(kind: DraftKind): string[];
  close(): void;
}

export function createDraftStore(dataDir: string | ':memory:'): DraftStore {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'designer.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS drafts (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, name TEXT NOT NULL,
      content TEXT NOT NULL, saved_by TEXT NOT NULL, saved_at INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS drafts_by_name ON drafts (kind, name, seq);`);
  const insert = db.prepare(
    'INSERT INTO drafts (kind, name, content, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)',
  );
  const latest = db.prepare(
    'SELECT kind, name, content, saved_by, saved_at FROM drafts WHERE kind = ? AND name = ? ORDER BY seq DESC LIMIT 1',
  );
  const names = db.prepare('SELECT DISTINCT name FROM drafts WHERE kind = ? ORDER BY name');
  type Row = { kind: DraftKind; name: string; content: string; saved_by: string; saved_at: number };
  return {
    save: (d) => void insert.run(d.kind, d.name, d.content, d.savedBy, d.savedAt),
    latest: (kind, name) => {
      const row = latest.get(kind, name) as Row | undefined;
      return row
        ? {
            kind: row.kind,
            name: row.name,
            content: row.content,
            savedBy: row.saved_by,
            savedAt: row.saved_at,
          }
        : undefined;
    },
    names: (kind) => (names.all(kind) as { name: string }[]).map((r) => r.name),
    close: () => db.close(),
  };
}
