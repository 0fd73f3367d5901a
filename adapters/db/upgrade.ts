import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { guarded, type AppDatabase } from './connect';
import type { ApplicationTable } from './schema';

/**
 * The web app's files from before the application database, in `UI_DATA_DIR`: applications and
 * their numbers, clerks' drafts, the operators' log, the designer's drafts and sessions.
 */
export const LEGACY_FILES = [
  'applications.sqlite',
  'worklist.sqlite',
  'operations.sqlite',
  'designer.sqlite',
  'sessions.sqlite',
] as const;
export type LegacyFile = (typeof LEGACY_FILES)[number];

/** A legacy file once copied: kept beside, renamed, so a later start does not read it again. */
export const IMPORTED_SUFFIX = '.imported';

const iso = (ms: number) => new Date(ms).toISOString();
/** Ids of imported append-only rows: by time, then the old row's sequence; the same on every run. */
const legacyId = (ms: number, seq: number) =>
  `${ms.toString(16).padStart(12, '0')}-legacy-${String(seq).padStart(10, '0')}`;

/**
 * Copies every legacy file found in `dataDir` into the application database, each in one
 * transaction that keeps the rows already there (a repeated run adds nothing), then renames the
 * file to `<name>.imported`. Number sequences continue from the larger of the two. Returns how many
 * rows each file held.
 */
export async function importLegacyFiles(
  appDb: AppDatabase,
  dataDir: string,
): Promise<Partial<Record<LegacyFile, number>>> {
  const done: Partial<Record<LegacyFile, number>> = {};
  for (const name of LEGACY_FILES) {
    const file = path.join(dataDir, name);
    if (!existsSync(file)) continue;
    // Opened read-write so that its WAL, if any, is checkpointed on close and nothing is left behind.
    const old = new Database(file, { fileMustExist: true });
    try {
      done[name] = await guarded(appDb.where, () => copy(appDb, name, old));
    } finally {
      old.close();
    }
    renameSync(file, file + IMPORTED_SUFFIX);
  }
  return done;
}

const tableExists = (old: Database.Database, table: string) =>
  Boolean(old.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table));

async function copy(appDb: AppDatabase, name: LegacyFile, old: Database.Database): Promise<number> {
  const db = await appDb.ready();
  const rows = (table: string, order = 'rowid') =>
    tableExists(old, table)
      ? (old.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as unknown[])
      : [];
  return db.transaction().execute(async (tx) => {
    let n = 0;
    if (name === 'applications.sqlite') {
      type Row = Omit<ApplicationTable, 'idempotency_key'> & { idempotency_key?: string | null };
      for (const r of rows('applications') as Row[]) {
        await tx
          .insertInto('applications')
          .values({ ...r, idempotency_key: r.idempotency_key ?? null })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
      for (const s of rows('number_sequences') as { prefix: string; last: number }[]) {
        const current = await tx
          .selectFrom('number_sequences')
          .select('last')
          .where('prefix', '=', s.prefix)
          .executeTakeFirst();
        if (!current) await tx.insertInto('number_sequences').values(s).execute();
        else if (current.last < s.last)
          await tx
            .updateTable('number_sequences')
            .set({ last: s.last })
            .where('prefix', '=', s.prefix)
            .execute();
      }
    } else if (name === 'worklist.sqlite') {
      type Row = { user_id: string; user_task_key: string; data: string; saved_at: number };
      for (const r of rows('task_drafts', 'user_task_key, user_id') as Row[]) {
        await tx
          .insertInto('task_drafts')
          .values({
            user_id: r.user_id,
            user_task_key: r.user_task_key,
            data: r.data,
            saved_at: iso(r.saved_at),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    } else if (name === 'operations.sqlite') {
      type Row = { seq: number; process_instance_key: string; entry: string };
      for (const r of rows('operator_actions', 'seq') as Row[]) {
        const at = Number((JSON.parse(r.entry) as { at?: number }).at ?? 0);
        await tx
          .insertInto('operator_actions')
          .values({
            id: legacyId(at, r.seq),
            process_instance_key: r.process_instance_key,
            at: iso(at),
            entry: r.entry,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    } else if (name === 'designer.sqlite') {
      type Row = {
        seq: number;
        kind: string;
        name: string;
        content: string;
        saved_by: string;
        saved_at: number;
      };
      for (const r of rows('drafts', 'seq') as Row[]) {
        await tx
          .insertInto('designer_drafts')
          .values({
            id: legacyId(r.saved_at, r.seq),
            kind: r.kind,
            name: r.name,
            content: r.content,
            saved_by: r.saved_by,
            saved_at: iso(r.saved_at),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    } else {
      type Row = {
        key: string;
        identity: string;
        csrf_token: string;
        created_at: number;
        last_seen_at: number;
        id_token: string | null;
      };
      // Sessions stay valid only under the same UI_SESSION_SECRET; expired ones go at the next sign-in.
      for (const r of rows('sessions') as Row[]) {
        await tx
          .insertInto('web_sessions')
          .values({
            session_key: r.key,
            identity: r.identity,
            csrf_token: r.csrf_token,
            created_at: iso(r.created_at),
            last_seen_at: iso(r.last_seen_at),
            id_token: r.id_token,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        n++;
      }
    }
    return n;
  });
}
