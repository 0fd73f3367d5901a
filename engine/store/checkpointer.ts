import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints off the engine's event loop.
 *
 * In WAL mode every commit appends pages to the write-ahead log, and a checkpoint copies them back
 * into the database file and syncs it. SQLite's automatic checkpoint runs inside the commit that
 * crosses 1,000 log pages, on the thread that commits: under a steady load that is several times a
 * second, and each one holds the engine's event loop for milliseconds (the tail of job activation).
 * Here the committing connection's automatic checkpoints are off, and a worker thread with its own
 * connection to the same file runs a PASSIVE checkpoint every `everyMs`: it copies what no reader
 * still needs and never blocks the writer (https://www.sqlite.org/wal.html#checkpointing). It passes
 * again while the writer added frames during the last pass, so that under a steady load the log
 * still starts over from its beginning (one pass a tick never caught up: the log grew by every
 * commit, 300 MB within seconds at full load).
 *
 * Should the worker fail or exit, the committing connection takes its automatic checkpoints back,
 * so the log never grows without bound. Closing stops the worker and closes its connection before
 * the engine's own, so the last connection to close still folds the log into the file.
 */
export interface Checkpointer {
  /** Stops the worker and closes its connection (waits up to a second for it). */
  stop(): void;
  /** Resolves once the worker's connection is open (tests). */
  readonly ready: Promise<void>;
}

/** SQLite's default: an automatic checkpoint once the log holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript run with `eval`, so it needs no TypeScript loader in the worker (tests and tsx
// runs) and no built file beside it (production runs dist/).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const state = new Int32Array(workerData.state);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
parentPort.postMessage({ ready: true });
const timer = setInterval(() => {
  try {
    // The log starts again from its beginning only when a write begins with every frame copied. A
    // writer that commits while a pass runs leaves new frames behind it, so under a steady load one
    // pass a tick never catches up and the log grows without end: pass again (each pass copies only
    // what the last one left) until a pass finds nothing new.
    let last = -1;
    for (let pass = 0; pass < workerData.maxPasses; pass++) {
      const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
      if (r.busy || r.checkpointed < r.log || r.log === last) break;
      last = r.log;
    }
  } catch (err) {
    // SQLITE_BUSY: another checkpoint runs (a closing connection); the next tick tries again.
    if (err && err.code !== 'SQLITE_BUSY') throw err;
  }
}, workerData.everyMs);
parentPort.on('message', (msg) => {
  if (msg !== 'stop') return;
  clearInterval(timer);
  db.close();
  Atomics.store(state, 0, 2);
  Atomics.notify(state, 0);
  parentPort.close();
});
`;

/** Starts checkpointing `file` (the database `db` commits to) from a worker thread. */
export function startCheckpointer(
  db: Database,
  file: string,
  opts: { everyMs?: number; maxPasses?: number; log?: (msg: string) => void } = {},
): Checkpointer {
  const state = new SharedArrayBuffer(4);
  const flag = new Int32Array(state);
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      file,
      everyMs: opts.everyMs ?? 100,
      maxPasses: opts.maxPasses ?? 16,
      state,
    },
  });
  worker.unref();
  let stopped = false;
  const fallBack = (why: string) => {
    if (stopped || !db.open) return;
    stopped = true;
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    opts.log?.(`WAL checkpoints are back on the engine's thread: ${why}`);
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the checkpoint worker exited before it was ready')));
  });
  ready.catch(() => undefined);
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => fallBack(`the checkpoint worker exited (${code})`));
  return {
    ready,
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
      // close() is synchronous: wait (at most a second) for the worker to close its connection, so
      // that the engine's connection is the last one and folds the log into the database file.
      Atomics.wait(flag, 0, 0, 1000);
    },
  };
}
