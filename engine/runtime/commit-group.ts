import {
  jsonBytesOver,
  RecordKind,
  RecordStore,
  RecordTooLargeError,
  StagedJson,
} from '../store/sqlite-store';
import { IndexChanges } from '../store/search-index';
import { EngineError, invalid } from './errors';

/**
 * When a group would be written while requests wait to run (a backlog), it stays open one more
 * event-loop turn so that they join it, for at most this many turns and milliseconds: under load one
 * transaction then carries many commands; with nothing waiting (an idle engine) it is written at once,
 * as soon as before. (EngineOptions.groupWindow.)
 */
export const GROUP_WINDOW = { turns: 8, ms: 2 };

/** Commands run but not yet written: their records as JSON, search rows and meta, and who waits. */
interface CommitGroup {
  records: Map<RecordKind, Map<string, StagedJson | null>>;
  index: IndexChanges;
  meta: Record<string, string>;
  /** Answers to long-polling workers and awaited outcomes, released once the group is written. */
  after: (() => void)[];
  /** What to undo outside the records when the write fails (workers re-queued). */
  undo: (() => void)[];
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

export interface CommitPathOptions {
  store: RecordStore;
  /** Group commit on (see EngineOptions.groupCommit); off, each command is written when handed over. */
  grouped: boolean;
  /** How long a group stays open while requests wait (default {@link GROUP_WINDOW}). */
  window?: { turns: number; ms: number };
  /** The size limit of one record's JSON, checked when a command's records are staged. */
  maxMessageBytes: () => number;
}

/** What the commit path needs from the engine when a group's write fails. */
export interface CommitPathHost {
  /** Puts a record back into its state table as stored (undefined: it was new), without a dirty mark. */
  restore(kind: RecordKind, key: string, stored: unknown): void;
  /**
   * Re-derives what depends on the restored records and the stored meta: the version floor, the
   * parsed models, the indexes, the key counter and clock.
   */
  reload(): void;
  /** The write failed with `err`: due timers wait a second before the next attempt. */
  writeFailed(err: unknown): void;
  /** Re-arms the engine's timer. */
  schedule(): void;
}

/**
 * The commit path (Zeebe's log and the stream processor's writers): a command's records, run to
 * quiescence by the engine, are handed over here, checked against the size limit, staged in the open
 * commit group and written in one transaction with the group's other commands; answers wait for that
 * write, and a failed write undoes every command of the group.
 */
export class CommitPath {
  private readonly store: RecordStore;
  private readonly grouped: boolean;
  private readonly window: { turns: number; ms: number };
  private readonly maxMessageBytes: () => number;
  private backlog: () => number = () => 0;
  private group: CommitGroup | undefined;

  constructor(
    opts: CommitPathOptions,
    private readonly host: CommitPathHost,
  ) {
    this.store = opts.store;
    this.grouped = opts.grouped;
    this.window = opts.window ?? GROUP_WINDOW;
    this.maxMessageBytes = opts.maxMessageBytes;
  }

  /**
   * Hands over one command's changes: staged in the open group (opening it) with group commit, else
   * written at once.
   * @throws RecordTooLargeError (nothing staged) when one record's JSON exceeds the size limit.
   */
  write(
    records: Map<RecordKind, Map<string, unknown | null>>,
    meta: Record<string, string>,
    index: IndexChanges,
  ): void {
    if (this.grouped) this.stage(records, meta, index);
    else this.store.commit(records, meta, index);
  }

  /**
   * Releases `after` once the open group is written (at once when none is open); `undo` runs
   * instead of it when that write fails.
   */
  release(after: (() => void)[], undo: (() => void)[]): void {
    const g = this.group;
    if (g) {
      g.after.push(...after);
      g.undo.push(...undo);
    } else for (const deliver of after) deliver();
  }

  /** A record as the last command left it: staged in the open group, else as stored. */
  lastWritten(kind: RecordKind, key: string): unknown {
    const staged = this.group?.records.get(kind)?.get(key);
    if (staged === undefined) return this.store.load(kind, key);
    return staged === null ? undefined : JSON.parse(staged.json);
  }

  /** A meta value as the last command left it: staged in the open group, else as stored. */
  metaValue(name: string): string | undefined {
    return this.group?.meta[name] ?? this.store.getMeta(name);
  }

  /**
   * Resolves once every command handed over so far is written (undefined when nothing waits); rejects
   * with the write's failure, in which case none of those commands left a trace.
   */
  durable(): Promise<void> | undefined {
    const g = this.group;
    if (!g) return undefined;
    return new Promise((resolve, reject) => g.waiters.push({ resolve, reject }));
  }

  /** How many requests wait to run (the REST layer's command queue): an open group waits for them. */
  setBacklog(waiting: () => number): void {
    this.backlog = waiting;
  }

  /** Writes the open group in one transaction, then releases its answers; on failure undoes all of it. */
  commitGroup(): void {
    const g = this.group;
    if (!g) return;
    this.group = undefined;
    try {
      this.store.commit(g.records, g.meta, g.index);
    } catch (err) {
      for (const [kind, rows] of g.records)
        for (const key of rows.keys()) this.host.restore(kind, key, this.store.load(kind, key));
      this.host.reload();
      for (const undo of g.undo) undo();
      const failure = commitFailure(err);
      this.host.writeFailed(err);
      for (const w of g.waiters) w.reject(failure);
      this.host.schedule();
      return;
    }
    for (const deliver of g.after) deliver();
    for (const w of g.waiters) w.resolve();
  }

  /** Adds one command's changes to the open group (opening it), checking each record's size first. */
  private stage(
    records: Map<RecordKind, Map<string, unknown | null>>,
    meta: Record<string, string>,
    index: IndexChanges,
  ): void {
    const limit = this.maxMessageBytes();
    const staged: [RecordKind, string, StagedJson | null][] = [];
    for (const [kind, rows] of records) {
      for (const [key, value] of rows) {
        if (value === null) {
          staged.push([kind, key, null]);
          continue;
        }
        const json = JSON.stringify(value);
        const over = jsonBytesOver(json, limit);
        if (over !== undefined) throw new RecordTooLargeError(kind, key, over, limit, value);
        staged.push([kind, key, new StagedJson(json)]);
      }
    }
    let g = this.group;
    if (!g) {
      g = this.group = { records: new Map(), index: new Map(), meta: {}, after: [], undo: [], waiters: [] };
      const group = g;
      const opened = performance.now();
      // Event-loop turns the group has waited for more commands.
      let turns = 0;
      const closeWhenQuiet = () => {
        if (this.group !== group) return;
        if (this.backlog() > 0 && turns < this.window.turns && performance.now() - opened < this.window.ms) {
          turns++;
          setImmediate(closeWhenQuiet);
        } else this.commitGroup();
      };
      setImmediate(closeWhenQuiet);
    }
    for (const [kind, key, json] of staged) {
      let m = g.records.get(kind);
      if (!m) g.records.set(kind, (m = new Map()));
      m.set(key, json);
    }
    for (const [kind, rows] of index) {
      let m = g.index.get(kind);
      if (!m) g.index.set(kind, (m = new Map()));
      for (const [key, row] of rows) m.set(key, row);
    }
    Object.assign(g.meta, meta);
  }
}

/** What a failed command answers: a record over the limit is the client's fault (400), a store failure is not. */
export function commitFailure(err: unknown): unknown {
  if (err instanceof RecordTooLargeError) {
    const rec = err.record as { name?: unknown };
    const what =
      err.kind === 'variable' && typeof rec?.name === 'string'
        ? `variable '${rec.name}'`
        : `a ${err.kind} record`;
    return invalid(
      `${what} would be ${err.bytes} bytes, more than the limit of ${err.limit} bytes (ENGINE_MAX_MESSAGE_SIZE); the command was not applied`,
    );
  }
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const reason =
      code === 'SQLITE_FULL' ? "the engine's disk is full" : `the engine's store failed (${code})`;
    return new EngineError(500, 'INTERNAL', `${reason}; the command was not applied, retry it later`);
  }
  return err;
}
