import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEngineApp } from '../../engine/api/app';
import { Engine } from '../../engine/runtime/engine';
import { openSqliteStore, RecordStore } from '../../engine/store/sqlite-store';
import * as b from '../support/bpmn';

/**
 * Group commit: the commands of one event-loop turn are written in one SQLite transaction, their
 * answers (and jobs handed to waiting workers) leave only after it, and a failed write answers an
 * error to every command of the group and leaves none of them in memory or on disk.
 */

const USER = b.process(
  'group-user',
  [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'clerks' }), b.end('End')],
  ['Start > Task_Review > End'],
);
const JOB = b.process(
  'group-job',
  [b.start('Start'), b.service('Task_Work', 'group-work'), b.end('End')],
  ['Start > Task_Work > End'],
);

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'group-commit-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A store that counts transactions and fails them with SQLITE_FULL (a full disk) while `failing`. */
function countingStore(dir: string) {
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

async function groupEngine(dir: string, groupWindow?: { turns: number; ms: number }) {
  const { store, state } = countingStore(dir);
  const engine = new Engine({ store, lint: false, groupCommit: true, groupWindow });
  await engine.start();
  return { engine, state };
}

/** What a fresh engine finds on disk: the process instances that were written. */
async function storedInstances(dir: string): Promise<string[]> {
  const engine = new Engine({ store: openSqliteStore(dir), lint: false });
  await engine.start();
  const keys = engine.queries.processInstances().map((p) => p.key);
  engine.close();
  return keys;
}

test('several commands in one turn are written in one transaction, after the turn', async () => {
  const dir = tmpDir();
  const { engine, state } = await groupEngine(dir);
  await engine.deploy([{ name: 'group-user.bpmn', content: USER }]);
  await engine.durable();
  const before = state.commits;
  const keys = [1, 2, 3, 4, 5].map(
    (n) => engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { n } }).key,
  );
  // Run, not yet written: nothing acknowledged can rely on them yet.
  expect(state.commits).toBe(before);
  await engine.durable();
  expect(state.commits).toBe(before + 1);
  engine.close();
  expect((await storedInstances(dir)).sort()).toEqual([...keys].sort());
});

test('jobs reach a waiting worker only after the transaction that activated them', async () => {
  const { engine, state } = await groupEngine(tmpDir());
  await engine.deploy([{ name: 'group-job.bpmn', content: JOB }]);
  await engine.durable();
  const waiting = engine.activateJobs({
    type: 'group-work',
    worker: 'w',
    timeout: 60_000,
    maxJobsToActivate: 10,
    requestTimeout: 5_000,
  });
  let handedAt = -1;
  void waiting.then(() => (handedAt = state.commits));
  const before = state.commits;
  engine.createProcessInstance({ bpmnProcessId: 'group-job' });
  await Promise.resolve();
  expect(handedAt).toBe(-1);
  const jobs = await waiting;
  expect(jobs).toHaveLength(1);
  expect(handedAt).toBe(before + 1);
  engine.close();
});

test('a failed write (disk full) fails every command of the group and leaves no trace; the worker waits on', async () => {
  const dir = tmpDir();
  const logs: string[] = [];
  const { store, state } = countingStore(dir);
  const engine = new Engine({ store, lint: false, groupCommit: true, log: (m) => logs.push(m) });
  await engine.start();
  await engine.deploy([{ name: 'group-job.bpmn', content: JOB }]);
  await engine.durable();
  const kept = engine.createProcessInstance({ bpmnProcessId: 'group-job' }).key;
  await engine.durable();
  const first = await engine.activateJobs({
    type: 'group-work',
    worker: 'w',
    timeout: 60_000,
    maxJobsToActivate: 10,
  });
  expect(first).toHaveLength(1);
  const waiting = engine.activateJobs({
    type: 'group-work',
    worker: 'w',
    timeout: 60_000,
    maxJobsToActivate: 10,
    requestTimeout: 5_000,
  });

  state.failing = true;
  engine.completeJob(first[0].job.key, { done: true });
  const lost = [1, 2, 3].map(
    (n) => engine.createProcessInstance({ bpmnProcessId: 'group-job', variables: { n } }).key,
  );
  await expect(engine.durable()).rejects.toMatchObject({
    status: 500,
    message: expect.stringMatching(/disk is full/),
  });
  // Nothing of the group in memory: the new instances are gone, the completed job is active again.
  for (const k of lost) expect(engine.queries.processInstance(k)).toBeUndefined();
  expect(engine.queries.processInstance(kept)?.state).toBe('ACTIVE');
  expect(engine.queries.job(first[0].job.key)?.state).toBe('ACTIVATED');
  expect(logs.some((l) => l.startsWith('commit failed'))).toBe(true);

  // Space is back: the waiting worker, whose jobs were taken back, is served by the next command.
  state.failing = false;
  const again = engine.createProcessInstance({ bpmnProcessId: 'group-job' }).key;
  const jobs = await waiting;
  expect(jobs.map((j) => j.job.processInstanceKey)).toEqual([again]);
  engine.close();
  expect((await storedInstances(dir)).sort()).toEqual([kept, again].sort());
});

test('a command refused inside a group undoes only itself; the others of the group are written', async () => {
  const dir = tmpDir();
  const { store } = countingStore(dir);
  const engine = new Engine({ store, lint: false, groupCommit: true, limits: { maxMessageBytes: 5000 } });
  await engine.start();
  await engine.deploy([{ name: 'group-user.bpmn', content: USER }]);
  await engine.durable();
  const a = engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { n: 1 } }).key;
  // The variables pass the request check, but the stored variable record is over the limit.
  expect(() =>
    engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { big: 'x'.repeat(4985) } }),
  ).toThrow(/more than the limit of 5000 bytes/);
  const c = engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { n: 3 } }).key;
  expect(
    engine.queries
      .processInstances()
      .map((p) => p.key)
      .sort(),
  ).toEqual([a, c].sort());
  await engine.durable();
  engine.close();
  expect((await storedInstances(dir)).sort()).toEqual([a, c].sort());
});

test('over REST, requests of a group whose write fails are all answered 500 and none exists after restart', async () => {
  const dir = tmpDir();
  const { engine, state } = await groupEngine(dir);
  await engine.deploy([{ name: 'group-user.bpmn', content: USER }]);
  await engine.durable();
  const server = http.createServer(createEngineApp(engine));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/process-instances`;
  const create = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'group-user' }),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
  try {
    state.failing = true;
    const failed = await Promise.all([create(), create(), create(), create()]);
    // Without holding the answers these would be 200 for instances that were never written.
    expect(failed.map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect(failed[0].json.detail).toMatch(/disk is full; the command was not applied/);
    expect(engine.queries.processInstanceCount()).toBe(0);
    state.failing = false;
    const ok = await Promise.all([create(), create()]);
    expect(ok.map((r) => r.status)).toEqual([200, 200]);
    engine.close();
    expect((await storedInstances(dir)).sort()).toEqual(
      ok.map((r) => String(r.json.processInstanceKey)).sort(),
    );
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('a search reads what is written without writing the open group, and over REST every acknowledged command is found by the next search', async () => {
  const dir = tmpDir();
  const { engine, state } = await groupEngine(dir);
  await engine.deploy([{ name: 'group-user.bpmn', content: USER }]);
  await engine.durable();
  const running = (q: ReturnType<typeof engine.queries.searchTables>) =>
    q.search('processInstance', { filter: { state: 'ACTIVE' }, page: { limit: 0 } }, 'processInstanceKey')
      .page.totalItems;
  engine.createProcessInstance({ bpmnProcessId: 'group-user' });
  const before = state.commits;
  // The open group stays open: a reader neither splits it nor waits for it, and sees what was written.
  expect(running(engine.queries.searchTables('committed'))).toBe(0);
  expect(state.commits).toBe(before);
  await engine.durable();
  expect(running(engine.queries.searchTables('committed'))).toBe(1);

  const server = http.createServer(createEngineApp(engine));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  const post = (p: string, body: object) =>
    fetch(base + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
  try {
    // Clients writing and reading at once: each one's search after its acknowledged create finds it.
    await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        for (let i = 0; i < 5; i++) {
          const created = await post('/process-instances', {
            processDefinitionId: 'group-user',
            variables: { n, i },
          });
          expect(created.status).toBe(200);
          const found = await post('/process-instances/search', {
            filter: { processInstanceKey: String(created.json.processInstanceKey) },
          });
          expect(found.json.items.map((x: any) => x.processInstanceKey)).toEqual([
            String(created.json.processInstanceKey),
          ]);
          const tasks = await post('/user-tasks/search', {
            filter: { processInstanceKey: String(created.json.processInstanceKey), state: 'CREATED' },
          });
          expect(tasks.json.items).toHaveLength(1);
        }
      }),
    );
  } finally {
    engine.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

// ---- the commit path's cost: a group waits for requests queued to run (they join its transaction),
// meta values are written only when they change, a search index that a longer one covers is dropped.

/** The default window's turns; its 2 ms widened so that a slow test machine does not close groups early. */
async function userEngine(dir: string, groupWindow = { turns: 8, ms: 10_000 }) {
  const { engine, state } = await groupEngine(dir, groupWindow);
  await engine.deploy([{ name: 'group-user.bpmn', content: USER }]);
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

test('while requests wait to run, the open group waits for them: one transaction, written once none waits', async () => {
  const { engine, state } = await userEngine(tmpDir());
  const before = state.commits;
  const keys: string[] = [];
  const written = await commandsOverTurns(engine, 4, (n) => {
    keys.push(engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { n } }).key);
    // Answered only once the transaction that holds all four is written.
    return engine.durable()?.then(() => expect(state.commits).toBe(before + 1));
  });
  // Four commands in four turns, written in one transaction, none answered before it.
  expect(await Promise.all(written)).toEqual(['written', 'written', 'written', 'written']);
  expect(state.commits).toBe(before + 1);
  expect(engine.queries.searchTables('latest').count('processInstance')).toBe(4);
  engine.close();
});

test('a group is written after its window of turns even while requests keep waiting', async () => {
  const { engine, state } = await userEngine(tmpDir(), { turns: 2, ms: 10_000 });
  const before = state.commits;
  const written = await commandsOverTurns(engine, 6, (n) => {
    engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { n } });
    return engine.durable();
  });
  await Promise.all(written);
  // Opened in turn 1, it waits two turns (2 and 3) and is written in the next: turns 1-3, then 4-6.
  expect(state.commits).toBe(before + 2);
  engine.close();
});

test('with no request waiting, a group is written in the turn after the one that ran it', async () => {
  const { engine, state } = await userEngine(tmpDir());
  const before = state.commits;
  engine.createProcessInstance({ bpmnProcessId: 'group-user' });
  await nextTurn();
  expect(state.commits).toBe(before + 1);
  engine.close();
});

test('a group joined over several turns whose write fails answers every command with the failure and leaves none of them', async () => {
  const dir = tmpDir();
  const { engine, state } = await userEngine(dir);
  const written = await commandsOverTurns(engine, 3, (n) => {
    engine.createProcessInstance({ bpmnProcessId: 'group-user', variables: { n } });
    // The disk fills before the group is written.
    if (n === 2) state.failing = true;
    return engine.durable();
  });
  const answers = await Promise.all(written);
  expect(answers).toHaveLength(3);
  for (const a of answers) expect(a).toMatch(/disk is full/);
  // Nothing of the group is in memory, in the search tables, or on disk after a restart.
  expect(engine.queries.processInstances()).toEqual([]);
  expect(engine.queries.searchTables('latest').count('processInstance')).toBe(0);
  state.failing = false;
  engine.close();
  expect(await storedInstances(dir)).toEqual([]);
  const stored = openSqliteStore(dir);
  expect(stored.index.count('processInstance')).toBe(0);
  stored.close();
});

test('a command that leaves the clock and the deleted versions as they were writes only the key counter', async () => {
  const { engine, state } = await userEngine(tmpDir());
  engine.createProcessInstance({ bpmnProcessId: 'group-user' });
  await engine.durable();
  expect(Object.keys(state.metas.at(-1)!)).toEqual(['keyCounter']);
  engine.close();
});

test('after a failed write the next one carries every meta value again; a restart restores the pinned clock and keys', async () => {
  const dir = tmpDir();
  const { engine, state } = await userEngine(dir);
  const pinned = Date.parse('2026-03-02T09:00:00Z');
  engine.pinClock(pinned);
  await engine.durable();
  state.failing = true;
  engine.createProcessInstance({ bpmnProcessId: 'group-user' });
  await expect(engine.durable()).rejects.toThrow(/disk is full/);
  state.failing = false;
  const kept = engine.createProcessInstance({ bpmnProcessId: 'group-user' });
  await engine.durable();
  expect(Object.keys(state.metas.at(-1)!).sort()).toEqual(['deletedVersions', 'keyCounter', 'pinnedClock']);
  engine.close();

  const again = new Engine({ store: openSqliteStore(dir), lint: false, groupCommit: true });
  await again.start();
  expect(again.isClockPinned()).toBe(true);
  expect(again.now()).toBe(pinned);
  expect(again.queries.processInstances().map((p) => p.key)).toEqual([kept.key]);
  // New keys follow the last written one.
  const next = again.createProcessInstance({ bpmnProcessId: 'group-user' });
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
    { filter: { processDefinitionId: 'group-user', state: 'ACTIVE' } },
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
