import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * What an operator did to a running application, with the reason they gave: cancelling it,
 * changing one of its values, retrying a failed step. Every entry is kept; nothing is edited.
 */
export interface OperatorAction {
  processInstanceKey: string;
  applicationNumber?: string;
  action: 'cancel' | 'variable' | 'retry';
  /** The value's name (variable), the step's element id (retry). */
  subject?: string;
  before?: unknown;
  after?: unknown;
  reason: string;
  /** The operator's user id and display name. */
  by: string;
  byName?: string;
  /** Milliseconds since the epoch, by the engine's clock. */
  at: number;
}

export interface OperatorAuditLog {
  record(action: OperatorAction): Promise<void>;
  /** The actions on the given process instances, oldest first. */
  forInstances(processInstanceKeys: string[]): Promise<OperatorAction[]>;
}

/** The operators' log in the web app's own store (`<UI_DATA_DIR>/operations.sqlite`), or in memory. */
export function createOperatorAuditLog(dataDir: string | ':memory:'): OperatorAuditLog & { close(): void } {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'operations.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS operator_actions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, process_instance_key TEXT NOT NULL, entry TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS operator_actions_by_instance ON operator_actions (process_instance_key, seq);`);
  const insert = db.prepare('INSERT INTO operator_actions (process_instance_key, entry) VALUES (?, ?)');
  return {
    async record(action) {
      insert.run(action.processInstanceKey, JSON.stringify(action));
    },
    async forInstances(keys) {
      if (!keys.length) return [];
      const rows = db
        .prepare(
          `SELECT entry FROM operator_actions WHERE process_instance_key IN (${keys.map(() => '?').join(', ')}) ORDER BY seq`,
        )
        .all(...keys) as { entry: string }[];
      return rows.map((r) => JSON.parse(r.entry) as OperatorAction);
    },
    close: () => db.close(),
  };
}
