import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCheckpointer } from '../../engine/store/checkpointer';
import { openSqliteStore } from '../../engine/store/sqlite-store';

/**
 * WAL checkpoints run on a worker thread (engine/store/checkpointer.ts), not inside a commit on the
 * engine's event loop, where SQLite's automatic checkpoint held the loop several times a second
 * under load (the job-activation tail in `bench/engine.ts targets`).
 */

const dirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpointer-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const record = (i: number) => ({ key: String(i), state: 'ACTIVE', payload: 'x'.repeat(2000) });

/** A database in WAL mode in a fresh folder, as the engine's connection opens it. */
function walDatabase() {
  const dir = tmpDir();
  const file = path.join(dir, 'engine.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  return { dir, file, db };
}

function commitMany(store: ReturnType<typeof openSqliteStore>, from: number, count: number): void {
  for (let i = from; i < from + count; i++)
    store.commit(new Map([['job', new Map([[String(i), record(i)]])]]), {});
}

test('commits on the engine’s connection take no checkpoint, and the worker keeps the log folded into the file', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'engine.sqlite');
  const store = openSqliteStore(dir);
  // The engine's own connection: automatic checkpoints are off, so no commit stops to take one.
  const probe = new Database(file, { readonly: true });
  let walWritten = 0;
  for (let round = 0; round < 20; round++) {
    commitMany(store, round * 200, 200);
    walWritten += 200 * 2 * 4096;
    await sleep(120);
  }
  // The log was reused after the worker's checkpoints instead of growing by every commit: without
  // them it holds every frame written (walWritten). On a loaded machine a checkpoint can miss a
  // round, so the bound leaves room for that and still tells the two apart.
  const walBytes = fs.statSync(`${file}-wal`).size;
  expect(walBytes).toBeLessThan(walWritten / 2);
  // Everything committed is in the database (read through another connection).
  expect(probe.prepare("SELECT count(*) AS n FROM records WHERE kind = 'job'").get()).toEqual({ n: 4000 });
  probe.close();
  store.close();
});

test('given commits that never pause for long, the log still starts over from its beginning instead of growing with every commit', async () => {
  const { file, db } = walDatabase();
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
  const checkpointer = startCheckpointer(db, file, { everyMs: 50 });
  await checkpointer.ready;
  const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  const payload = 'y'.repeat(3000);
  // A steady load: 2,000 commits about a millisecond apart, never the gap of a checkpoint tick.
  // Each appends at least one page to the log.
  const commits = 2000;
  for (let k = 0; k < commits; k++) {
    insert.run(k, payload);
    await sleep(1);
  }
  // Without passes that catch up with the writer, the log keeps every frame since the first commit
  // (about three pages per commit here, 25 MB); with them it starts over every few ticks (about
  // 1 MB). The bound, one page per commit, leaves room for a machine loaded by other test suites,
  // where the worker gets fewer turns (4.6 MB measured so).
  const walBytes = fs.statSync(`${file}-wal`).size;
  expect(walBytes).toBeLessThan(commits * 4096);
  checkpointer.stop();
  db.close();
});

test('the engine’s connection has automatic checkpoints off while the worker runs', async () => {
  const { file, db } = walDatabase();
  const checkpointer = startCheckpointer(db, file);
  await checkpointer.ready;
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  checkpointer.stop();
  db.close();
});

test('when the worker cannot run, the engine’s connection takes its automatic checkpoints back', async () => {
  const { dir, db } = walDatabase();
  const logged: string[] = [];
  // A path the worker cannot open: its connection fails, as a broken worker would.
  const checkpointer = startCheckpointer(db, path.join(dir, 'missing', 'engine.sqlite'), {
    log: (m) => logged.push(m),
  });
  await expect(checkpointer.ready).rejects.toThrow();
  for (let i = 0; i < 50 && logged.length === 0; i++) await sleep(20);
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  expect(logged.join('\n')).toMatch(/checkpoints are back on the engine's thread/);
  checkpointer.stop();
  db.close();
});

test('closing the store folds the log into the file and removes it, the worker’s connection included; a restart reads every record', async () => {
  const dir = tmpDir();
  const file = path.join(dir, 'engine.sqlite');
  const store = openSqliteStore(dir);
  commitMany(store, 0, 300);
  expect(fs.existsSync(`${file}-wal`)).toBe(true);
  store.close();
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  // A restart reads every record from the database file alone.
  const again = openSqliteStore(dir);
  expect(again.loadAll().get('job')?.size).toBe(300);
  again.close();
});
