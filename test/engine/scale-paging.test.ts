import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { startEmbeddedEngine, type RunningEngine } from '../../engine';
import { HISTORY_KEY_BASE, seedHistory } from '../../bench/fixtures/history';
import { openEngine, seedOpenTasks, worklistPage } from '../../bench/scale';

/**
 * The bench's data at a test's size (2,000 open tasks, 5,000 finished applications): the paged
 * worklist queries are checked for correctness, not timing; finished applications stay out of memory.
 */
const OPEN = 2000;
const FINISHED = 5000;

describe('paged queries with history (bench data, small)', () => {
  let dir: string;
  let running: RunningEngine;
  let client: any;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-scale-test-'));
    const { engine, store } = await openEngine(dir);
    seedHistory(engine, store, FINISHED);
    seedOpenTasks(engine, OPEN);
    engine.close();
    running = await startEmbeddedEngine({ dataDir: dir, port: 0, lint: false });
    client = new Camunda8({
      ZEEBE_REST_ADDRESS: running.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_VALIDATION: 'req:strict,res:strict',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as any).getOrchestrationClusterApiClient();
  }, 300_000);
  afterAll(async () => {
    await running?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('given a restart on that history, then memory holds the open instances only', () => {
    expect(running.engine.queries.processInstanceCount()).toBe(OPEN);
    expect(running.engine.queries.userTasks().length).toBe(OPEN);
  });

  test('given 2,000 open tasks and 5,000 finished, when the worklist is paged 50 at a time, then all 2,000 open tasks come once, oldest first, each with its application number', async () => {
    const seen = new Set<string>();
    const numbers: string[] = [];
    for (let page = 1; page <= OPEN / 50; page++) {
      const r = await worklistPage(client, page);
      expect(r.total).toBe(OPEN);
      expect(r.items).toHaveLength(50);
      for (const t of r.items) {
        expect(t.state).toBe('CREATED');
        seen.add(t.userTaskKey);
        numbers.push(t.applicationNumber);
      }
    }
    expect(seen.size).toBe(OPEN);
    expect(numbers).toEqual(Array.from({ length: OPEN }, (_, i) => `SEC-2026-${String(i).padStart(6, '0')}`));
    expect((await worklistPage(client, OPEN / 50 + 1)).items).toEqual([]);
  });

  test('given the history, when finished instances and their variables are searched, then the seeded ones are found by state, key and name', async () => {
    const NOW = { consistency: { waitUpToMs: 0 } } as any;
    const done = await client.searchProcessInstances(
      { filter: { state: 'COMPLETED' }, page: { limit: 1 } },
      NOW,
    );
    expect(done.page.totalItems).toBe(FINISHED);
    const key = (HISTORY_KEY_BASE + 8n * 4321n).toString();
    const vars = await client.searchVariables(
      { filter: { processInstanceKey: { $in: [key] }, name: { $in: ['applicationNumber'] } } },
      NOW,
    );
    expect(vars.items.map((v: any) => JSON.parse(v.value))).toEqual(['SEC-2025-004321']);
    const tasks = await client.searchUserTasks(
      { filter: { state: 'COMPLETED', candidateGroup: 'police-clerks' }, page: { limit: 0 } },
      NOW,
    );
    expect(tasks.page.totalItems).toBe(FINISHED);
  });
});
