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
  const state = { commits: 0, failing: false };
  const store: RecordStore = {
    ...inner,
    commit(changes, meta, index) {
      if (state.failing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      inner.commit(changes, meta, index);
      state.commits++;
    },
  };
  return { store, state };
}

async function groupEngine(dir: string) {
  const { store, state } = countingStore(dir);
  const engine = new Engine({ store, lint: false, groupCommit: true });
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
  const running = (q: typeof engine.committedIndex) =>
    q.search('processInstance', { filter: { state: 'ACTIVE' }, page: { limit: 0 } }, 'processInstanceKey')
      .page.totalItems;
  engine.createProcessInstance({ bpmnProcessId: 'group-user' });
  const before = state.commits;
  // The open group stays open: a reader neither splits it nor waits for it, and sees what was written.
  expect(running(engine.committedIndex)).toBe(0);
  expect(state.commits).toBe(before);
  await engine.durable();
  expect(running(engine.committedIndex)).toBe(1);

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
