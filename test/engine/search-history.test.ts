import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy, NOW, startTestEngine, TestEngine } from '../support/engine-harness';
import * as b from '../support/bpmn';

/**
 * Searches answer from the engine's indexed search tables (running and finished instances), as
 * Camunda's secondary storage does: filters by candidate group and `$in` on keys and names, cursor
 * paging, and finished instances that leave memory yet are still found, also after a restart.
 */

const diagrams = {
  'review-a.bpmn': b.process(
    'review-a',
    [b.start('Start'), b.userTask('Task_A', { candidateGroups: 'clerks-a' }), b.end('End')],
    ['Start > Task_A > End'],
  ),
  'review-b.bpmn': b.process(
    'review-b',
    [b.start('Start'), b.userTask('Task_B', { candidateGroups: 'clerks-b, heads' }), b.end('End')],
    ['Start > Task_B > End'],
  ),
};

describe('engine search tables', () => {
  let dir: string;
  let e: TestEngine;
  const keysA: string[] = [];
  const keysB: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-search-'));
    e = await startTestEngine({ dataDir: dir });
    await deploy(e.client, diagrams);
    for (let i = 0; i < 60; i++) {
      const a = e.running.engine.createProcessInstance({
        bpmnProcessId: 'review-a',
        variables: { applicationNumber: `A-${String(i).padStart(3, '0')}`, applicantName: `Applicant ${i}` },
      });
      keysA.push(a.key);
      if (i < 15) {
        const bi = e.running.engine.createProcessInstance({
          bpmnProcessId: 'review-b',
          variables: { applicationNumber: `B-${i}` },
        });
        keysB.push(bi.key);
      }
    }
  });
  afterAll(async () => {
    await e?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('given tasks of two groups, when searching by candidateGroup, then only that group’s open tasks come, counted in full', async () => {
    const r = await e.client.searchUserTasks(
      { filter: { candidateGroup: 'heads', state: 'CREATED' }, page: { limit: 50 } } as any,
      NOW,
    );
    expect(r.page.totalItems).toBe(15);
    expect(new Set(r.items.map((t: any) => t.processInstanceKey))).toEqual(new Set(keysB));
    const both = await e.client.searchUserTasks(
      { filter: { candidateGroup: { $in: ['clerks-a', 'heads'] } }, page: { limit: 1 } } as any,
      NOW,
    );
    expect(both.page.totalItems).toBe(75);
    expect(both.items).toHaveLength(1);
  });

  test('given 60 tasks, when paging 25 at a time with after/before cursors, then every task comes exactly once in creation order', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    const pages: any[] = [];
    for (;;) {
      const r: any = await e.client.searchUserTasks(
        {
          filter: { candidateGroup: 'clerks-a' },
          sort: [{ field: 'creationDate', order: 'ASC' }],
          page: { limit: 25, ...(after ? { after } : {}) },
        } as any,
        NOW,
      );
      pages.push(r);
      seen.push(...r.items.map((t: any) => t.processInstanceKey));
      if (r.items.length < 25) break;
      after = r.page.endCursor;
    }
    expect(pages.map((p) => p.items.length)).toEqual([25, 25, 10]);
    expect(seen).toEqual(keysA);
    const back: any = await e.client.searchUserTasks(
      {
        filter: { candidateGroup: 'clerks-a' },
        page: { limit: 25, before: pages[2].page.startCursor },
      } as any,
      NOW,
    );
    expect(back.items.map((t: any) => t.userTaskKey)).toEqual(pages[1].items.map((t: any) => t.userTaskKey));
  });

  test('given a page of instances, when variables are searched with $in on keys and names, then one query returns exactly those', async () => {
    const page = keysA.slice(10, 20);
    const r: any = await e.client.searchVariables(
      {
        filter: {
          processInstanceKey: { $in: page },
          name: { $in: ['applicationNumber', 'applicantName'] },
        },
        page: { limit: 100 },
      } as any,
      NOW,
    );
    expect(r.page.totalItems).toBe(20);
    const numbers = r.items
      .filter((v: any) => v.name === 'applicationNumber')
      .map((v: any) => JSON.parse(v.value))
      .sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `A-0${10 + i}`));
  });

  test('given any search, when it is answered as JSON text with the stored rows spliced in, then the text is exactly the serialised answer', () => {
    const index = e.running.engine.queries.searchTables('latest');
    const cases: [Parameters<typeof index.search>[0], any, string][] = [
      [
        'userTask',
        { filter: { candidateGroup: 'heads', state: 'CREATED' }, page: { from: 3, limit: 5 } },
        'creationDate',
      ],
      [
        'processInstance',
        { filter: { processDefinitionId: 'review-a' }, page: { limit: 7 } },
        'processInstanceKey',
      ],
      ['variable', { filter: { name: 'applicationNumber' }, page: { limit: 4 } }, 'variableKey'],
      ['elementInstance', { filter: { elementId: 'Task_A' }, page: { limit: 3 } }, 'elementInstanceKey'],
      ['incident', { filter: {} }, 'incidentKey'],
    ];
    for (const [kind, req, sort] of cases)
      expect(index.searchJson(kind, req, sort)).toBe(JSON.stringify(index.search(kind, req, sort)));
  });

  test('given a process-instance variable filter, when user tasks are searched, then only the matching instance’s task comes', async () => {
    const r: any = await e.client.searchUserTasks(
      { filter: { processInstanceVariables: [{ name: 'applicationNumber', value: '"A-007"' }] } } as any,
      NOW,
    );
    expect(r.items.map((t: any) => t.processInstanceKey)).toEqual([keysA[7]]);
  });

  test('given completed instances, when the engine restarts, then they are out of memory yet still found by key and by search', async () => {
    const engine = e.running.engine;
    const done = keysA.slice(0, 5);
    for (const pik of done) {
      const [task] = (await e.client.searchUserTasks({ filter: { processInstanceKey: pik } } as any, NOW))
        .items as any[];
      await e.client.completeUserTask({ userTaskKey: task.userTaskKey } as any);
    }
    for (const pik of done) {
      expect(engine.queries.processInstance(pik)).toBeUndefined();
      expect(engine.queries.variables().some((v) => v.processInstanceKey === pik)).toBe(false);
      expect(engine.queries.userTasks().some((t) => t.processInstanceKey === pik)).toBe(false);
    }
    expect(engine.queries.processInstanceCount()).toBe(70);

    await e.close();
    e = await startTestEngine({ dataDir: dir });
    expect(e.running.engine.queries.processInstanceCount()).toBe(70);
    const finished: any = await e.client.searchProcessInstances(
      { filter: { state: 'COMPLETED', processDefinitionId: 'review-a' } } as any,
      NOW,
    );
    expect(finished.items.map((p: any) => p.processInstanceKey).sort()).toEqual([...done].sort());
    const one: any = await e.client.getProcessInstance({ processInstanceKey: done[0] } as any, NOW);
    expect(one.state).toBe('COMPLETED');
    const vars: any = await e.client.searchVariables(
      { filter: { processInstanceKey: done[2], name: 'applicationNumber' } } as any,
      NOW,
    );
    expect(vars.items.map((v: any) => v.value)).toEqual(['"A-002"']);
    const tasks: any = await e.client.searchUserTasks(
      { filter: { processInstanceKey: { $in: done }, state: 'COMPLETED' } } as any,
      NOW,
    );
    expect(tasks.page.totalItems).toBe(5);
    const open: any = await e.client.searchUserTasks(
      { filter: { candidateGroup: 'clerks-a', state: 'CREATED' }, page: { limit: 0 } } as any,
      NOW,
    );
    expect(open.page.totalItems).toBe(55);
  });
});

describe('a candidate group’s worklist', () => {
  let dir: string;
  let e: TestEngine;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-worklist-'));
    e = await startTestEngine({ dataDir: dir });
    await deploy(e.client, diagrams);
  });
  afterAll(async () => {
    await e?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const page = async (filter: Record<string, unknown>, from = 0, limit = 50) =>
    (await e.client.searchUserTasks(
      {
        filter,
        sort: [
          { field: 'dueDate', order: 'ASC' },
          { field: 'creationDate', order: 'ASC' },
        ],
        page: { from, limit },
      } as any,
      NOW,
    )) as any;

  test('given due dates set and changed and a task completed, when one group’s open tasks are paged by due date, then the order, the count and the states follow the tasks', async () => {
    const engine = e.running.engine;
    const keys: string[] = [];
    for (let i = 0; i < 6; i++)
      keys.push(engine.createProcessInstance({ bpmnProcessId: 'review-b', variables: { n: i } }).key);
    const taskOf = async (pik: string) =>
      (
        (await e.client.searchUserTasks({ filter: { processInstanceKey: pik } } as any, NOW)).items as any[]
      )[0].userTaskKey as string;
    const tasks = await Promise.all(keys.map(taskOf));
    // Due dates in reverse creation order; task 5 has none (it comes last), task 0's moves first.
    for (let i = 0; i < 5; i++)
      engine.updateUserTask(tasks[i], {
        dueDate: `2026-12-${String(20 - i).padStart(2, '0')}T13:30:00.000Z`,
      });
    engine.updateUserTask(tasks[0], { dueDate: '2026-12-01T13:30:00.000Z' });
    engine.completeUserTask(tasks[3], {});

    for (const filter of [
      { candidateGroup: 'heads', state: 'CREATED' },
      { candidateGroup: { $in: ['heads'] }, state: 'CREATED' },
      // Two groups: the same tasks (each once), through the general path.
      { candidateGroup: { $in: ['heads', 'clerks-b'] }, state: 'CREATED' },
    ]) {
      const open = await page(filter);
      expect(open.page.totalItems).toBe(5);
      expect(open.items.map((t: any) => t.userTaskKey)).toEqual([
        tasks[0],
        tasks[4],
        tasks[2],
        tasks[1],
        tasks[5],
      ]);
      const second = await page(filter, 2, 2);
      expect(second.items.map((t: any) => t.userTaskKey)).toEqual([tasks[2], tasks[1]]);
    }
    const done = await page({ candidateGroup: 'heads', state: 'COMPLETED' });
    expect(done.items.map((t: any) => [t.userTaskKey, t.state])).toEqual([[tasks[3], 'COMPLETED']]);
    expect((await page({ candidateGroup: 'clerks-a', state: 'CREATED' })).page.totalItems).toBe(0);
    // Another filter with the group (the general count over the joined rows).
    const one = await page({ candidateGroup: 'heads', state: 'CREATED', processInstanceKey: keys[2] });
    expect(one.page.totalItems).toBe(1);
    expect(one.items[0].userTaskKey).toBe(tasks[2]);
  });

  test('given a data file written with the earlier group table, when the engine opens it, then the groups are indexed again from the tasks', async () => {
    const engine = e.running.engine;
    engine.createProcessInstance({ bpmnProcessId: 'review-a', variables: {} });
    const before = (await page({ candidateGroup: 'clerks-a', state: 'CREATED' })).page.totalItems;
    expect(before).toBeGreaterThan(0);
    await e.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'engine.sqlite'));
    db.exec(`DROP TABLE s_userTask_candidate;
      CREATE TABLE s_userTask_group (grp TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (grp, key)) WITHOUT ROWID;`);
    db.close();
    e = await startTestEngine({ dataDir: dir });
    expect((await page({ candidateGroup: 'clerks-a', state: 'CREATED' })).page.totalItems).toBe(before);
    expect((await page({ candidateGroup: 'heads', state: 'CREATED' })).page.totalItems).toBe(5);
    const db2 = new Database(path.join(dir, 'engine.sqlite'), { readonly: true });
    expect(
      db2.prepare(`SELECT name FROM sqlite_master WHERE name = 's_userTask_group'`).get(),
    ).toBeUndefined();
    db2.close();
  });
});
