/**
 * The worklist's live refresh looks at the engine once per interval for all open event streams:
 * streams on the same view share its searches, so thirty clerks on one view do not make thirty times
 * the searches. Driven against the embedded engine over REST with the official client; the engine's
 * user-task searches are counted where it runs them (its search tables).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { Camunda8 } from '@camunda8/sdk';
import { startEmbeddedEngine, type RunningEngine } from '../../engine';
import { defaultLegalClock } from '../../domain/legal-clock';
import { createTaskDraftStore } from '../../ui/worklist/drafts';
import { worklistRoutes } from '../../ui/routes/worklist';
import type { Session } from '../../ui/auth';
import { waitFor } from '../support/system-harness';

jest.setTimeout(60_000);

const WORKLIST = fs.readFileSync(path.join(__dirname, '../../bench/fixtures/worklist.bpmn'), 'utf8');
const INTERVAL_MS = 600;

let running: RunningEngine;
let server: http.Server;
let base = '';
/** When the engine ran each user-task search. */
const userTaskSearches: number[] = [];

/** Invented clerks of one police unit; the header names who is signed in. */
const clerks: Record<string, Session> = {
  aigerim: { userId: 'aigerim', groups: ['police-clerks'] } as Session,
  nurlan: { userId: 'nurlan', groups: ['police-clerks'] } as Session,
};

beforeAll(async () => {
  running = await startEmbeddedEngine({ dataDir: ':memory:', port: 0, lint: false });
  await running.engine.deploy([{ name: 'worklist.bpmn', content: WORKLIST }]);
  const index = running.engine.queries.searchTables('latest');
  const searchJson = index.searchJson.bind(index);
  index.searchJson = ((kind: Parameters<typeof searchJson>[0], ...rest: any[]) => {
    if (kind === 'userTask') userTaskSearches.push(performance.now());
    return (searchJson as any)(kind, ...rest);
  }) as typeof index.searchJson;
  const camunda = new Camunda8({
    ZEEBE_REST_ADDRESS: running.address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  } as any).getOrchestrationClusterApiClient();
  const app = express();
  app.use(
    worklistRoutes({
      camunda,
      legalClock: defaultLegalClock,
      engineTime: async () => new Date(running.engine.now()),
      drafts: createTaskDraftStore(':memory:'),
      guard: (req, _res, next) => {
        (req as any).session = clerks[String(req.headers['x-clerk'])];
        next();
      },
      now: () => new Date(),
      eventsIntervalMs: INTERVAL_MS,
    }),
  );
  server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await running?.close();
});

/** An open event stream: how many `changed` events it has had. */
async function openStream(clerk: string, query: string) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/tasks/events?${query}`, {
    headers: { 'x-clerk': clerk },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  let text = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      text += decoder.decode(chunk, { stream: true });
  })().catch(() => undefined);
  return {
    changes: () => text.split('event: changed').length - 1,
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The user-task searches of each look while the streams stay open for `looks` intervals: searches
 * closer together than a third of the interval belong to one look; the first and last look of the
 * window may be cut, so only the looks between them are counted.
 */
async function searchesPerLook(looks: number): Promise<number[]> {
  const from = userTaskSearches.length;
  await sleep(INTERVAL_MS * (looks + 2));
  const times = userTaskSearches.slice(from);
  const bursts: number[] = [];
  times.forEach((t, i) => {
    if (i === 0 || t - times[i - 1] > INTERVAL_MS / 2) bursts.push(1);
    else bursts[bursts.length - 1]++;
  });
  return bursts.slice(1, -1);
}

function createTask(n: number) {
  running.engine.createProcessInstance({
    bpmnProcessId: 'bench-worklist',
    variables: { applicationNumber: `SEC-2026-${String(n).padStart(6, '0')}`, serviceId: 'security-licence' },
  });
}

test('given ten streams of one clerk on one view, then each look makes the searches of one stream, and every stream says "changed" when a task comes in', async () => {
  createTask(1);
  const one = await openStream('aigerim', 'view=unassigned');
  // A look of one stream: the page and the four views' counts.
  const single = await searchesPerLook(4);
  expect(single.length).toBeGreaterThanOrEqual(3);
  expect(new Set(single)).toEqual(new Set([5]));
  const more = await Promise.all(Array.from({ length: 9 }, () => openStream('aigerim', 'view=unassigned')));
  const all = [one, ...more];
  try {
    const ten = await searchesPerLook(4);
    expect(ten.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ten)).toEqual(new Set([5]));
    createTask(2);
    await waitFor(
      '"changed" on every stream',
      async () => (all.every((s) => s.changes() === 1) ? true : undefined),
      10_000,
    );
  } finally {
    await Promise.all(all.map((s) => s.close()));
  }
  // With no stream open, nobody looks.
  await sleep(INTERVAL_MS);
  const before = userTaskSearches.length;
  await sleep(INTERVAL_MS * 3);
  expect(userTaskSearches.length).toBe(before);
});

test("given two clerks of one group on the same view, then the searches of their group are shared and only each one's own counts are not", async () => {
  const a = await openStream('aigerim', 'view=unassigned');
  const b = await openStream('nurlan', 'view=unassigned');
  try {
    // Shared: the page, "not taken" and "all of my groups"; per clerk: "mine" and "completed by me".
    const looks = await searchesPerLook(4);
    expect(looks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(looks)).toEqual(new Set([3 + 2 * 2]));
    createTask(3);
    await waitFor(
      '"changed" on both streams',
      async () => (a.changes() === 1 && b.changes() === 1 ? true : undefined),
      10_000,
    );
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('given a clerk who leaves while the view of a new stream is still being read, then that stream is not kept and nothing goes on looking at the engine for it', async () => {
  // Its own routes, so that no other stream shares their look; the engine answers only when let.
  let entered!: () => void;
  const reading = new Promise<void>((resolve) => (entered = resolve));
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  const camunda = new Camunda8({
    ZEEBE_REST_ADDRESS: running.address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  } as any).getOrchestrationClusterApiClient();
  const slow = {
    searchUserTasks: async (...args: Parameters<typeof camunda.searchUserTasks>) => {
      entered();
      await held;
      return camunda.searchUserTasks(...args);
    },
    searchVariables: camunda.searchVariables.bind(camunda),
    getUserTask: camunda.getUserTask.bind(camunda),
  };
  const app = express().use(
    worklistRoutes({
      camunda: slow as never,
      legalClock: defaultLegalClock,
      engineTime: async () => new Date(running.engine.now()),
      drafts: createTaskDraftStore(':memory:'),
      guard: (req, _res, next) => {
        (req as any).session = clerks.aigerim;
        next();
      },
      now: () => new Date(),
      eventsIntervalMs: INTERVAL_MS,
      // Long enough to see; short enough that a stream kept by mistake cannot hold the test run.
      eventsMaxMs: 20 * INTERVAL_MS,
    }),
  );
  const own = http.createServer(app);
  await new Promise<void>((r) => own.listen(0, '127.0.0.1', r));
  try {
    const abort = new AbortController();
    const opening = fetch(
      `http://127.0.0.1:${(own.address() as AddressInfo).port}/api/tasks/events?view=group`,
      {
        signal: abort.signal,
      },
    ).catch(() => undefined);
    await reading;
    // The clerk goes away before the first answer; the server sees the connection closed.
    abort.abort();
    await opening;
    await waitFor('the connection to close', async () =>
      (await new Promise<number>((r) => own.getConnections((_e, n) => r(n)))) === 0 ? true : undefined,
    );
    answer();
    await sleep(INTERVAL_MS);
    const from = userTaskSearches.length;
    await sleep(INTERVAL_MS * 4);
    // Before, the stream was kept: the engine was asked every interval for a page no one had open.
    expect(userTaskSearches.length - from).toBe(0);
  } finally {
    answer();
    own.closeAllConnections();
    await new Promise((r) => own.close(r));
  }
});
