import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * What a clerk has typed into a task's form and not yet completed, kept per person and task in the
 * web app's store (`<UI_DATA_DIR>/worklist.sqlite`), so it survives a reload, a release and a claim.
 * A task's drafts go when it is completed.
 */
export interface TaskDraft {
  userId: string;
  userTaskKey: string;
  data: Record<string, unknown>;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export interface TaskDraftStore {
  get(userId: string, userTaskKey: string): TaskDraft | undefined;
  save(draft: TaskDraft): void;
  discard(userId: string, userTaskKey: string): void;
  /** Every person's draft of a task (it was completed). */
  discardTask(userTaskKey: string): void;
  close(): void;
}

export function createTaskDraftStore(dataDir: string | ':memory:'): TaskDraftStore {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'worklist.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS task_drafts (
      user_id TEXT NOT NULL, user_task_key TEXT NOT NULL, data TEXT NOT NULL, saved_at INTEGER NOT NULL,
      PRIMARY KEY (user_task_key, user_id)) WITHOUT ROWID;`);
  const get = db.prepare('SELECT data, saved_at FROM task_drafts WHERE user_task_key = ? AND user_id = ?');
  const put = db.prepare(
    `INSERT INTO task_drafts (user_id, user_task_key, data, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_task_key, user_id) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
  );
  const del = db.prepare('DELETE FROM task_drafts WHERE user_task_key = ? AND user_id = ?');
  const delTask = db.prepare('DELETE FROM task_drafts WHERE user_task_key = ?');
  return {
    get: (userId, userTaskKey) => {
      const row = get.get(userTaskKey, userId) as { data: string; saved_at: number } | undefined;
      return row ? { userId, userTaskKey, data: JSON.parse(row.data), savedAt: row.saved_at } : undefined;
    },
    save: (d) => void put.run(d.userId, d.userTaskKey, JSON.stringify(d.data), d.savedAt),
    discard: (userId, userTaskKey) => void del.run(userTaskKey, userId),
    discardTask: (userTaskKey) => void delTask.run(userTaskKey),
    close: () => db.close(),
  };
}
