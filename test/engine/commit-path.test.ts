import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../../engine/runtime/engine';
import { openSqliteStore, RecordStore } from '../../engine/store/sqlite-store';
import * as b from '../support/bpmn';

/**
 * The commit path's cost without loss of its guarantees: a group of commands stays open while
 * requests wait to run (a backlog: they join its one transaction), yet every answer still waits for
 * the write and a failed write leaves none of the group's commands; meta values are written only
 * when they change; a search index that a longer one covers is not kept.
 */

const USER = b.process(
  'commit-user',
  [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'clerks' }), b.end('End')],
  ['Start > Task_Review > End'],
);

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'commit-path-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A store that records each transaction's meta values and fails with SQLITE_FULL while `failing`. */
function recordingStore(dir: string) {
  const inner = openSqliteStore(dir);
  const state = { commits: 0, failing: false, metas: [] as Record<string, string>[] };
  const store: RecordStore = {
    ...inner,
    commit(changes, meta, index) {
      if (state.failing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      inner.commit(changes, meta, index);
      state.commits++;
      state.metas.push({ ...meta });
    },
  };
  return { store, state };
}

/** The default window's turns; its 2 ms widened so that a slow test machine does not close groups early. */
async function groupEngine(dir: string, groupWindow = { turns: 8, ms: 10_000 }) {
  const { store, state } = recordingStore(dir);
  const engine = new Engine({ store, lint: false, groupCommit: true, groupWindow });
  await engine.start();
  await engine.deploy([{ name: 'commit-user.bpmn', content: USER }]);
  await engine.durable();
  return { engine, state };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `create` once per event-loop turn, `turns` times, as requests of a backlog arrive: until the
 * last one the engine is told that more wait to run (as the REST layer's command queue tells it).
 */
async function commandsOverTurns(
  engine: Engine,
  turns: number,
  create: (n: number) => Promise<void> | undefined,
) {
  const written: Promise<unknown>[] = [];
  let remaining = turns;
  engine.setBacklog(() => remaining);
  for (let n = 0; n < turns; n++) {
    remaining--;
    const w = create(n);
    if (w)
      written.push(
        w.then(
          () => 'written',
          (e: Error) => e.message,
        ),
      );
    await nextTurn();
  }
  return written;
}

async function storedInstances(dir: string): Promise<{ running: string[]; searchRows: number }> {
  const engine = new Engine({ store: openSqliteStore(dir), lint: false });
  await engine.start();
  const running = engine.queries.processInstances().map((p) => p.key);
  const searchRows = engine.index.count('processInstance');
  engine.close();
  return { running, searchRows };
}

test('while requests wait to run, the open group waits for them: one transaction, written once none waits', async () => {
  const { engine, state } = await groupEngine(tmpDir());
  const before = state.commits;
  const keys: string[] = [];
  const written = await commandsOverTurns(engine, 4, (n) => {
    keys.push(engine.createProcessInstance({ bpmnProcessId: 'commit-user', variables: { n } }).key);
    // Answered only once the transaction that holds all four is written.
    return engine.durable()?.then(() => expect(state.commits).toBe(before + 1));
  });
  // Four commands in four turns, written in one transaction, none answered before it.
  expect(await Promise.all(written)).toEqual(['written', 'written', 'written', 'written']);
  expect(state.commits).toBe(before + 1);
  expect(engine.index.count('processInstance')).toBe(4);
  engine.close();
});

test('a group is written after its window of turns even while requests keep waiting', async () => {
  const { engine, state } = await groupEngine(tmpDir(), { turns: 2, ms: 10_000 });
  const before = state.commits;
  const written = await commandsOverTurns(engine, 6, (n) => {
    engine.createProcessInstance({ bpmnProcessId: 'commit-user', variables: { n } });
    return engine.durable();
  });
  await Promise.all(written);
  // Opened in turn 1, it waits two turns (2 and 3) and is written in the next: turns 1-3, then 4-6.
  expect(state.commits).toBe(before + 2);
  engine.close();
});

test('with no request waiting, a group is written in the turn after the one that ran it', async () => {
  const { engine, state } = await groupEngine(tmpDir());
  const before = state.commits;
  engine.createProcessInstance({ bpmnProcessId: 'commit-user' });
  await nextTurn();
  expect(state.commits).toBe(before + 1);
  engine.close();
});

test('a group joined over several turns whose write fails answers every command with the failure and leaves none of them', async () => {
  const dir = tmpDir();
  const { engine, state } = await groupEngine(dir);
  const written = await commandsOverTurns(engine, 3, (n) => {
    engine.createProcessInstance({ bpmnProcessId: 'commit-user', variables: { n } });
    // The disk fills before the group is written.
    if (n === 2) state.failing = true;
    return engine.durable();
  });
  const answers = await Promise.all(written);
  expect(answers).toHaveLength(3);
  for (const a of answers) expect(a).toMatch(/disk is full/);
  // Nothing of the group is in memory, in the search tables, or on disk after a restart.
  expect(engine.queries.processInstances()).toEqual([]);
  expect(engine.index.count('processInstance')).toBe(0);
  state.failing = false;
  engine.close();
  expect(await storedInstances(dir)).toEqual({ running: [], searchRows: 0 });
});

test('a command that leaves the clock and the deleted versions as they were writes only the key counter', async () => {
  const { engine, state } = await groupEngine(tmpDir());
  engine.createProcessInstance({ bpmnProcessId: 'commit-user' });
  await engine.durable();
  expect(Object.keys(state.metas.at(-1)!)).toEqual(['keyCounter']);
  engine.close();
});

test('after a failed write the next one carries every meta value again; a restart restores the pinned clock and keys', async () => {
  const dir = tmpDir();
  const { engine, state } = await groupEngine(dir);
  const pinned = Date.parse('2026-03-02T09:00:00Z');
  engine.pinClock(pinned);
  await engine.durable();
  state.failing = true;
  engine.createProcessInstance({ bpmnProcessId: 'commit-user' });
  await expect(engine.durable()).rejects.toThrow(/disk is full/);
  state.failing = false;
  const kept = engine.createProcessInstance({ bpmnProcessId: 'commit-user' });
  await engine.durable();
  expect(Object.keys(state.metas.at(-1)!).sort()).toEqual(['deletedVersions', 'keyCounter', 'pinnedClock']);
  engine.close();

  const again = new Engine({ store: openSqliteStore(dir), lint: false, groupCommit: true });
  await again.start();
  expect(again.isClockPinned()).toBe(true);
  expect(again.now()).toBe(pinned);
  expect(again.queries.processInstances().map((p) => p.key)).toEqual([kept.key]);
  // New keys follow the last written one.
  const next = again.createProcessInstance({ bpmnProcessId: 'commit-user' });
  expect(BigInt(next.key)).toBeGreaterThan(BigInt(kept.key));
  again.close();
});

test("a store with the process instances' (definition, state) index loses it; its searches read the longer index", () => {
  const dir = tmpDir();
  openSqliteStore(dir).close();
  const file = path.join(dir, 'engine.sqlite');
  const db = new Database(file);
  // As an earlier version left the store.
  db.exec(
    'CREATE INDEX ix_processInstance_processDefinitionId_state ON s_processInstance ("processDefinitionId", "state")',
  );
  db.close();
  const store = openSqliteStore(dir);
  const plan = store.index.plan(
    'processInstance',
    { filter: { processDefinitionId: 'commit-user', state: 'ACTIVE' } },
    'startDate',
  );
  for (const lines of [plan.count, plan.page])
    expect(lines.join('\n')).toMatch(
      /USING (COVERING )?INDEX ix_processInstance_processDefinitionId_state__s_startDate_key \(processDefinitionId=\? AND state=\?\)/,
    );
  store.close();
  const check = new Database(file, { readonly: true });
  const names = check
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 's_processInstance'")
    .all()
    .map((r) => (r as { name: string }).name);
  check.close();
  expect(names).not.toContain('ix_processInstance_processDefinitionId_state');
});
