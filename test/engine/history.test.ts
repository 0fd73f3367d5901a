import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy, NOW, startTestEngine, TestEngine } from '../support/engine-harness';
import * as b from '../support/bpmn';
import { openSqliteStore } from '../../engine/store/sqlite-store';
import { TOTAL_CAP } from '../../engine/store/search-index';

/**
 * Primary and secondary state, as Camunda 8.8 keeps them: running instances in memory and the
 * running-state table; a finished instance (completed or terminated, with the processes it called)
 * leaves both and stays in the indexed history (search) tables, which every search and get-by-key
 * reads with SQL. A restart loads running state only.
 */

const diagrams = {
  'hist-review.bpmn': b.process(
    'hist-review',
    [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'hist-clerks' }), b.end('End')],
    ['Start > Task_Review > End'],
  ),
  'hist-child.bpmn': b.process(
    'hist-child',
    [b.start('Start'), b.userTask('Task_Child', { candidateGroups: 'hist-heads' }), b.end('End')],
    ['Start > Task_Child > End'],
  ),
  'hist-parent.bpmn': b.process(
    'hist-parent',
    [b.start('Start'), b.callActivity('Call_Child', 'hist-child'), b.end('End')],
    ['Start > Call_Child > End'],
  ),
  'hist-running.bpmn': b.process(
    'hist-running',
    [
      b.start('Start'),
      b.service('Work', 'hist-run-work', { inputs: [['=applicationNumber', 'request']] }),
      b.parallel('Fork'),
      b.throwEvent('Notify_A'),
      b.throwEvent('Notify_B'),
      b.parallel('Join'),
      b.userTask('Review', { candidateGroups: 'hist-clerks' }),
      b.end('End'),
    ],
    ['Start > Work > Fork > Notify_A > Join > Review > End', 'Fork > Notify_B > Join'],
  ),
  'hist-job.bpmn': b.process(
    'hist-job',
    [b.start('Start'), b.service('Work', 'hist-work'), b.end('End')],
    ['Start > Work > End'],
  ),
};

const T0 = Date.parse('2026-10-01T05:00:00.000Z');

/** Every record the engine holds in memory for one process instance. */
function inMemory(e: TestEngine, pik: string): string[] {
  const engine = e.running.engine;
  const found: string[] = [];
  if (engine.queries.processInstance(pik)) found.push(`processInstance ${pik}`);
  const q = engine.queries;
  for (const [kind, records] of [
    ['elementInstance', q.elementInstances()],
    ['variable', q.variables()],
    ['job', q.jobs()],
    ['userTask', q.userTasks()],
    ['incident', q.incidents()],
  ] as const)
    for (const r of records as Iterable<{ key: string; processInstanceKey: string }>)
      if (r.processInstanceKey === pik) found.push(`${kind} ${r.key}`);
  return found;
}

/** Rows of the running-state table (what a restart loads) that belong to one process instance. */
function stored(dir: string, pik: string): number {
  const db = new Database(path.join(dir, 'engine.sqlite'), { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM records WHERE key = ? OR json_extract(data, '$.processInstanceKey') = ?`,
        )
        .get(pik, pik) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

describe('history: finished instances leave memory for the indexed history tables', () => {
  let dir: string;
  let e: TestEngine;
  const engine = () => e.running.engine;
  const queries = () => engine().queries;
  const taskOf = (pik: string) =>
    queries()
      .userTasks()
      .find((t) => t.processInstanceKey === pik)!;

  /** An instance's element instances from history, in key order. */
  const elementsOf = (pik: string): Promise<any> =>
    e.client.searchElementInstances(
      { filter: { processInstanceKey: pik }, sort: [{ field: 'elementInstanceKey' }] } as any,
      NOW,
    );

  /** Starts an instance of a process with one service task and takes that task's job. */
  const startWithJob = async (processId: string, type: string, applicationNumber: string) => {
    const pik = engine().createProcessInstance({
      bpmnProcessId: processId,
      variables: { applicationNumber },
    }).key;
    const [activated] = await engine().activateJobs({
      type,
      worker: 'w',
      timeout: 60_000,
      maxJobsToActivate: 1,
    } as any);
    return { pik, activated };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-history-'));
    e = await startTestEngine({ dataDir: dir });
    await deploy(e.client, diagrams);
  });
  afterAll(async () => {
    await e?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('given a completed instance, then its records leave memory and the running-state table, and every search and get-by-key still finds them', async () => {
    engine().pinClock(T0);
    const pik = engine().createProcessInstance({
      bpmnProcessId: 'hist-review',
      variables: { applicationNumber: 'H-1' },
    }).key;
    const task = taskOf(pik);
    expect(inMemory(e, pik).length).toBeGreaterThan(0);
    engine().completeUserTask(task.key, { decision: 'approved' });

    expect(inMemory(e, pik)).toEqual([]);
    expect(stored(dir, pik)).toBe(0);
    const pi: any = await e.client.getProcessInstance({ processInstanceKey: pik } as any, NOW);
    expect([pi.state, pi.endDate]).toEqual(['COMPLETED', new Date(T0).toISOString()]);
    const t: any = await e.client.getUserTask({ userTaskKey: task.key } as any, NOW);
    expect([t.state, t.candidateGroups]).toEqual(['COMPLETED', ['hist-clerks']]);
    const els = await elementsOf(pik);
    expect(els.items.map((x: any) => [x.elementId, x.state])).toEqual([
      ['Start', 'COMPLETED'],
      ['Task_Review', 'COMPLETED'],
      ['End', 'COMPLETED'],
    ]);
    const one: any = await e.client.getElementInstance(
      { elementInstanceKey: els.items[1].elementInstanceKey } as any,
      NOW,
    );
    expect(one.elementId).toBe('Task_Review');
    const vars: any = await e.client.searchVariables(
      { filter: { processInstanceKey: pik }, sort: [{ field: 'name' }] } as any,
      NOW,
    );
    expect(vars.items.map((v: any) => [v.name, v.value])).toEqual([
      ['applicationNumber', '"H-1"'],
      ['decision', '"approved"'],
    ]);
    const v: any = await e.client.getVariable({ variableKey: vars.items[1].variableKey } as any, NOW);
    expect(v.value).toBe('"approved"');
  });

  test('given a running instance, when it has done part of its work, then memory and the running-state table hold only what it waits in, and history holds what it did', async () => {
    const { pik, activated } = await startWithJob('hist-running', 'hist-run-work', 'H-4');
    engine().completeJob(activated.job.key, { checked: true });

    // As Zeebe's state: the instance, the element it waits in, its task and its own variables; the
    // finished elements, the completed job and the service task's local variable are gone.
    const elements = queries()
      .elementInstances()
      .filter((x) => x.processInstanceKey === pik)
      .map((x) => x.elementId);
    expect(elements.sort()).toEqual(['Review', 'hist-running']);
    expect(
      queries()
        .jobs()
        .filter((j) => j.processInstanceKey === pik),
    ).toEqual([]);
    const names = queries()
      .variables()
      .filter((v) => v.processInstanceKey === pik)
      .map((v) => v.name);
    expect(names.sort()).toEqual(['applicationNumber', 'checked']);
    expect(stored(dir, pik)).toBe(inMemory(e, pik).length);

    const els = await elementsOf(pik);
    expect(els.items.map((x: any) => [x.elementId, x.state])).toEqual([
      ['Start', 'COMPLETED'],
      ['Work', 'COMPLETED'],
      ['Fork', 'COMPLETED'],
      ['Notify_A', 'COMPLETED'],
      ['Notify_B', 'COMPLETED'],
      ['Join', 'COMPLETED'],
      ['Review', 'ACTIVE'],
    ]);
    const jobs: any = await e.client.searchJobs({ filter: { processInstanceKey: pik } } as any, NOW);
    expect(jobs.items.map((j: any) => j.state)).toEqual(['COMPLETED']);
    const local: any = await e.client.searchVariables(
      { filter: { processInstanceKey: pik, name: 'request' } } as any,
      NOW,
    );
    expect(local.items.map((v: any) => [v.value, v.scopeKey])).toEqual([
      ['"H-4"', els.items[1].elementInstanceKey],
    ]);
    // The finished job is unknown to job commands, as in Zeebe: completing it again is NOT_FOUND.
    await expect(e.client.completeJob({ jobKey: activated.job.key } as any)).rejects.toMatchObject({
      status: 404,
    });
  });

  test('given an instance with an incident that is cancelled, then it leaves memory and its job and incident stay found, also by key', async () => {
    const { pik, activated } = await startWithJob('hist-job', 'hist-work', 'H-2');
    engine().failJob(activated.job.key, { retries: 0, errorMessage: 'the state system answered 503' });
    const [incident] = queries()
      .incidents()
      .filter((i) => i.processInstanceKey === pik);
    expect(incident.state).toBe('ACTIVE');
    await e.client.cancelProcessInstance({ processInstanceKey: pik } as any);

    expect(inMemory(e, pik)).toEqual([]);
    expect(stored(dir, pik)).toBe(0);
    const pi: any = await e.client.getProcessInstance({ processInstanceKey: pik } as any, NOW);
    expect([pi.state, pi.hasIncident]).toEqual(['TERMINATED', false]);
    const inc: any = await e.client.getIncident({ incidentKey: incident.key } as any, NOW);
    expect([inc.state, inc.errorType, inc.errorMessage]).toEqual([
      'RESOLVED',
      'JOB_NO_RETRIES',
      'the state system answered 503',
    ]);
    const jobs: any = await e.client.searchJobs({ filter: { processInstanceKey: pik } } as any, NOW);
    expect(jobs.items.map((j: any) => [j.jobKey, j.state])).toEqual([[activated.job.key, 'CANCELED']]);
    const incidents: any = await e.client.searchIncidents(
      { filter: { processInstanceKey: pik, state: 'RESOLVED' } } as any,
      NOW,
    );
    expect(incidents.page.totalItems).toBe(1);
  });

  test('given parents that call a child, when a child completes and when a parent is cancelled, then each leaves memory with what it called', async () => {
    const parent = () =>
      engine().createProcessInstance({
        bpmnProcessId: 'hist-parent',
        variables: { applicationNumber: 'H-3' },
      }).key;
    const childOf = (p: string) =>
      queries()
        .processInstances()
        .find((c) => c.parentProcessInstanceKey === p)!.key;
    const completed = parent();
    const completedChild = childOf(completed);
    const cancelled = parent();
    const cancelledChild = childOf(cancelled);

    engine().completeUserTask(taskOf(completedChild).key, {});
    await e.client.cancelProcessInstance({ processInstanceKey: cancelled } as any);

    for (const pik of [completed, completedChild, cancelled, cancelledChild]) {
      expect(inMemory(e, pik)).toEqual([]);
      expect(stored(dir, pik)).toBe(0);
    }
    const children: any = await e.client.searchProcessInstances(
      {
        filter: { parentProcessInstanceKey: { $in: [completed, cancelled] } },
        sort: [{ field: 'processInstanceKey' }],
      } as any,
      NOW,
    );
    expect(
      children.items.map((c: any) => [c.processInstanceKey, c.parentProcessInstanceKey, c.state]),
    ).toEqual([
      [completedChild, completed, 'COMPLETED'],
      [cancelledChild, cancelled, 'TERMINATED'],
    ]);
    const parents: any = await e.client.searchProcessInstances(
      {
        filter: { processInstanceKey: { $in: [completed, cancelled] } },
        sort: [{ field: 'processInstanceKey' }],
      } as any,
      NOW,
    );
    expect(parents.items.map((p: any) => p.state)).toEqual(['COMPLETED', 'TERMINATED']);
    const childTask: any = await e.client.searchUserTasks(
      { filter: { processInstanceKey: cancelledChild } } as any,
      NOW,
    );
    expect(childTask.items.map((t: any) => t.state)).toEqual(['CANCELED']);
  });

  describe('searches over running and finished instances together', () => {
    /** 30 applications, one a minute; every other one finished (so pages cross the boundary). */
    const keys: string[] = [];
    const finished = new Set<string>();
    beforeAll(() => {
      for (let i = 0; i < 30; i++) {
        engine().pinClock(T0 + 3_600_000 + i * 60_000);
        keys.push(
          engine().createProcessInstance({
            bpmnProcessId: 'hist-review',
            variables: { applicationNumber: `M-${String(i).padStart(2, '0')}` },
          }).key,
        );
      }
      engine().pinClock(T0 + 7_200_000);
      keys.forEach((k, i) => {
        if (i % 2 === 1) {
          engine().completeUserTask(taskOf(k).key, {});
          finished.add(k);
        }
      });
    });

    const taskPage = (page: Record<string, unknown>, order: 'ASC' | 'DESC' = 'DESC') =>
      e.client.searchUserTasks(
        {
          filter: { candidateGroup: 'hist-clerks', processInstanceKey: { $in: keys } },
          sort: [{ field: 'creationDate', order }],
          page,
        } as any,
        NOW,
      ) as Promise<any>;

    test('given 15 running and 15 finished, when one group’s tasks are paged newest first with after cursors, then each comes once in order, counted in full', async () => {
      expect(keys.filter((k) => inMemory(e, k).length > 0)).toHaveLength(15);
      const seen: any[] = [];
      const pages: any[] = [];
      let after: string | undefined;
      for (;;) {
        const r = await taskPage({ limit: 7, ...(after ? { after } : {}) });
        pages.push(r);
        expect(r.page.totalItems).toBe(30);
        seen.push(...r.items);
        if (r.items.length < 7) break;
        after = r.page.endCursor;
      }
      expect(pages.map((p) => p.items.length)).toEqual([7, 7, 7, 7, 2]);
      expect(seen.map((t) => t.processInstanceKey)).toEqual([...keys].reverse());
      expect(seen.map((t) => t.state)).toEqual(
        [...keys].reverse().map((k) => (finished.has(k) ? 'COMPLETED' : 'CREATED')),
      );
      // Back one page from the third, and a page by offset.
      const back = await taskPage({ limit: 7, before: pages[2].page.startCursor });
      expect(back.items.map((t: any) => t.userTaskKey)).toEqual(
        pages[1].items.map((t: any) => t.userTaskKey),
      );
      const byOffset = await taskPage({ from: 12, limit: 5 }, 'ASC');
      expect(byOffset.items.map((t: any) => t.processInstanceKey)).toEqual(keys.slice(12, 17));
    });

    test('given the same instances, when process instances are searched by state and sorted by start, then running and finished come from one ordered answer with their totals', async () => {
      const search = (filter: Record<string, unknown>, page: Record<string, unknown>) =>
        e.client.searchProcessInstances(
          {
            filter: { processDefinitionId: 'hist-review', processInstanceKey: { $in: keys }, ...filter },
            sort: [{ field: 'startDate', order: 'DESC' }],
            page,
          } as any,
          NOW,
        ) as Promise<any>;
      const all = await search({}, { limit: 10, from: 10 });
      expect(all.page.totalItems).toBe(30);
      expect(all.items.map((p: any) => p.processInstanceKey)).toEqual([...keys].reverse().slice(10, 20));
      const done = await search({ state: 'COMPLETED' }, { limit: 4 });
      expect(done.page.totalItems).toBe(15);
      expect(done.items.map((p: any) => p.processInstanceKey)).toEqual([
        keys[29],
        keys[27],
        keys[25],
        keys[23],
      ]);
      const both = await search(
        { state: { $in: ['ACTIVE', 'COMPLETED'] } },
        { limit: 3, after: done.page.endCursor },
      );
      expect(both.items.map((p: any) => p.processInstanceKey)).toEqual([keys[25], keys[24], keys[23]]);
      const running = await search({ state: 'ACTIVE' }, { limit: 100 });
      expect(running.items.map((p: any) => p.processInstanceKey)).toEqual(
        [...keys].reverse().filter((k) => !finished.has(k)),
      );
      // A variable filter finds a finished application and a running one alike.
      for (const i of [7, 8]) {
        const r: any = await e.client.searchProcessInstances(
          {
            filter: { variables: [{ name: 'applicationNumber', value: JSON.stringify(`M-0${i}`) }] },
          } as any,
          NOW,
        );
        expect(r.items.map((p: any) => [p.processInstanceKey, p.state])).toEqual([
          [keys[i], finished.has(keys[i]) ? 'COMPLETED' : 'ACTIVE'],
        ]);
      }
    });

    test('given history, when the engine restarts, then it loads running state only and searches still span both', async () => {
      const runningBefore = queries().processInstanceCount();
      const tasksBefore = queries().userTasks().length;
      await e.close();
      e = await startTestEngine({ dataDir: dir });
      const all = queries().processInstances();
      expect(all.length).toBe(runningBefore);
      expect(all.every((p) => p.state === 'ACTIVE')).toBe(true);
      expect(queries().userTasks().length).toBe(tasksBefore);
      expect(
        queries()
          .userTasks()
          .every((t) => t.state === 'CREATED'),
      ).toBe(true);
      for (const k of finished) expect(inMemory(e, k)).toEqual([]);
      const r = await taskPage({ limit: 50 });
      expect(r.page.totalItems).toBe(30);
      expect(r.items.map((t: any) => t.processInstanceKey)).toEqual([...keys].reverse());
    });
  });
});

describe('history: a data directory written before the history tables', () => {
  /**
   * `fixtures/pre-history-store.json` is the running-state table and metadata that the engine of
   * commit d0d067d (every record of every instance kept in memory and in `records`, no search
   * tables) wrote for: 5 reviews (3 completed), 3 parents calling a child (one completed, one
   * cancelled with its child, one running), 2 job instances with incidents (one cancelled).
   */
  const fixture = JSON.parse(
    fs.readFileSync(path.join(__dirname, 'fixtures/pre-history-store.json'), 'utf8'),
  ) as { records: { kind: string; key: string; data: string }[]; meta: { name: string; value: string }[] };
  const old = fixture.records
    .filter((r) => r.kind === 'processInstance')
    .map((r) => JSON.parse(r.data) as { key: string; state: string; bpmnProcessId: string });
  let dir: string;
  let e: TestEngine;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-history-old-'));
    const db = new Database(path.join(dir, 'engine.sqlite'));
    db.exec(`CREATE TABLE records (kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
      CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);`);
    const put = db.prepare('INSERT INTO records (kind, key, data) VALUES (?, ?, ?)');
    for (const r of fixture.records) put.run(r.kind, r.key, r.data);
    for (const m of fixture.meta)
      db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)').run(m.name, m.value);
    db.close();
    e = await startTestEngine({ dataDir: dir });
  });
  afterAll(async () => {
    await e?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('given the old state, when the engine first starts on it, then finished instances move into history and running ones stay in memory', async () => {
    const running = old.filter((p) => p.state === 'ACTIVE').map((p) => p.key);
    const done = old.filter((p) => p.state !== 'ACTIVE').map((p) => p.key);
    expect([running.length, done.length]).toEqual([5, 8]);
    expect(
      e.running.engine.queries
        .processInstances()
        .map((p) => p.key)
        .sort(),
    ).toEqual([...running].sort());
    for (const k of done) {
      expect(inMemory(e, k)).toEqual([]);
      expect(stored(dir, k)).toBe(0);
    }
    for (const p of old) {
      const got: any = await e.client.getProcessInstance({ processInstanceKey: p.key } as any, NOW);
      expect([got.processInstanceKey, got.state]).toEqual([p.key, p.state]);
    }
    const byState: any = await e.client.searchProcessInstances(
      { filter: { state: { $in: ['COMPLETED', 'TERMINATED'] } }, page: { limit: 0 } } as any,
      NOW,
    );
    expect(byState.page.totalItems).toBe(8);
    const oldVars = fixture.records.filter((r) => r.kind === 'variable');
    const vars: any = await e.client.searchVariables({ page: { limit: 100 } } as any, NOW);
    expect(vars.page.totalItems).toBe(oldVars.length);
    const incidents: any = await e.client.searchIncidents({ sort: [{ field: 'incidentKey' }] } as any, NOW);
    expect(incidents.items.map((i: any) => i.state)).toEqual(['RESOLVED', 'ACTIVE']);
    const openTasks: any = await e.client.searchUserTasks(
      { filter: { state: 'CREATED' }, page: { limit: 0 } } as any,
      NOW,
    );
    expect(openTasks.page.totalItems).toBe(3);
  });

  test('given the migrated directory, when a running instance goes on and the engine restarts, then nothing is moved twice and it works as before', async () => {
    const review = e.running.engine.queries.userTasks().find((t) => t.bpmnProcessId === 'hist-review')!;
    e.running.engine.completeUserTask(review.key, {});
    await e.close();
    e = await startTestEngine({ dataDir: dir });
    expect(e.running.engine.queries.processInstanceCount()).toBe(4);
    const done: any = await e.client.searchProcessInstances(
      { filter: { processDefinitionId: 'hist-review', state: 'COMPLETED' }, page: { limit: 0 } } as any,
      NOW,
    );
    expect(done.page.totalItems).toBe(4);
  });
});

describe('history: the searches the web app and the SDK send are answered from indexes', () => {
  /**
   * SQLite's plan for each search's count and page query (EXPLAIN QUERY PLAN): no full scan of a
   * table, and for a sort on an indexed sort column no sort step (the page is read in index order).
   */
  const store = openSqliteStore(':memory:');
  afterAll(() => store.close());
  const fullScan = (lines: string[]) =>
    lines.filter(
      (l) => /^SCAN [a-z]+$/.test(l) || (/^SCAN [a-z]+ /.test(l) && !/USING (COVERING )?INDEX/.test(l)),
    );
  const sorts = (lines: string[]) => lines.filter((l) => /TEMP B-TREE FOR .*ORDER BY/.test(l));
  const ROOTS = ['fire-automation-permit', 'security-licence', 'training-centre', 'national-company'];

  test.each([
    [
      'one candidate group’s open tasks by creation',
      { candidateGroup: 'police-clerks', state: 'CREATED' },
      [{ field: 'creationDate', order: 'ASC' }],
    ],
    [
      'newest first',
      { candidateGroup: { $in: ['police-clerks'] }, state: 'CREATED' },
      [{ field: 'creationDate', order: 'DESC' }],
    ],
    [
      'the worklist: by due date, then creation',
      { candidateGroup: { $in: ['police-clerks'] }, state: 'CREATED' },
      [
        { field: 'dueDate', order: 'ASC' },
        { field: 'creationDate', order: 'ASC' },
      ],
    ],
  ])('given a user-task search (%s), then it reads one index range in order', (_name, filter, sort) => {
    const plan = store.index.plan('userTask', { filter, sort, page: { limit: 50 } } as any, 'creationDate');
    expect(fullScan([...plan.count, ...plan.page])).toEqual([]);
    expect(sorts(plan.page)).toEqual([]);
    expect(plan.page[0]).toMatch(
      /^SEARCH g USING COVERING INDEX ix_userTask_candidate_\w+ \(grp=\? AND state=\?\)$/,
    );
  });

  test.each([
    ['operations: every service, newest first', { processDefinitionId: { $in: ROOTS } }],
    [
      'operations: by state and start period',
      {
        processDefinitionId: { $in: ROOTS },
        state: 'COMPLETED',
        startDate: { $gte: '2026-01-01T00:00:00.000Z', $lt: '2026-02-01T00:00:00.000Z' },
      },
    ],
    ['operations: one service’s finished', { processDefinitionId: 'security-licence', state: 'COMPLETED' }],
    ['running instances of a service', { processDefinitionId: 'security-licence', state: 'ACTIVE' }],
  ])(
    'given a process-instance search (%s) sorted by start date, then it is read in index order',
    (_name, filter) => {
      for (const order of ['ASC', 'DESC']) {
        const plan = store.index.plan(
          'processInstance',
          { filter, sort: [{ field: 'startDate', order }], page: { limit: 50 } } as any,
          'processInstanceKey',
        );
        expect(fullScan([...plan.count, ...plan.page])).toEqual([]);
        expect(sorts(plan.page)).toEqual([]);
      }
    },
  );

  test.each([
    [
      'an application by its number (intake, portal)',
      'processInstance',
      {
        processDefinitionId: 'security-licence',
        variables: [{ name: 'applicationNumber', value: '"SEC-2026-000001"' }],
      },
    ],
    [
      'the processes an instance called',
      'processInstance',
      { parentProcessInstanceKey: { $in: ['2251799813685249', '2251799813685250'] } },
    ],
    [
      'tasks by an instance variable',
      'userTask',
      {
        state: 'CREATED',
        processInstanceVariables: [{ name: 'applicationNumber', value: '"SEC-2026-000001"' }],
      },
    ],
    [
      'one page’s variables',
      'variable',
      {
        processInstanceKey: { $in: ['1', '2'] },
        scopeKey: { $in: ['1', '2'] },
        name: { $in: ['applicationNumber', 'serviceId'] },
      },
    ],
    ['an instance’s element instances', 'elementInstance', { processInstanceKey: '1' }],
    ['an instance’s incidents', 'incident', { processInstanceKey: '1' }],
    ['an instance’s jobs', 'job', { processInstanceKey: '1' }],
  ] as const)('given a search for %s, then no table is scanned in full', (_name, kind, filter) => {
    const plan = store.index.plan(kind, { filter, page: { limit: 50 } } as any, 'processInstanceKey');
    expect(fullScan([...plan.count, ...plan.page])).toEqual([]);
  });

  test.each([
    ['every decision instance', {}],
    ['failed decision instances', { state: 'FAILED' }],
    ['a decision’s instances by id', { decisionDefinitionId: 'permit-fee' }],
    ['a decision version’s instances by key', { decisionDefinitionKey: '2251799813685249' }],
  ])(
    'given a decision-instance search (%s) sorted by evaluation date, then it is read in index order',
    (_name, filter) => {
      for (const order of ['ASC', 'DESC']) {
        const plan = store.index.plan(
          'decisionInstance',
          { filter, sort: [{ field: 'evaluationDate', order }], page: { limit: 50 } } as any,
          'evaluationDate',
        );
        expect(fullScan([...plan.count, ...plan.page])).toEqual([]);
        expect(sorts(plan.page)).toEqual([]);
      }
    },
  );

  test.each([
    ['an instance’s decisions', { processInstanceKey: '1' }],
    ['an element instance’s decisions', { elementInstanceKey: '1' }],
    ['one evaluation’s decisions', { decisionEvaluationKey: '1' }],
  ])('given a decision-instance search for %s, then no table is scanned in full', (_name, filter) => {
    const plan = store.index.plan(
      'decisionInstance',
      { filter, page: { limit: 50 } } as any,
      'evaluationDate',
    );
    expect(fullScan([...plan.count, ...plan.page])).toEqual([]);
  });

  test('given a search by a variable’s value, then the instances are found through the variables’ (name, value) index, not by reading every instance of the service', () => {
    for (const [kind, filter] of [
      [
        'processInstance',
        {
          processDefinitionId: 'security-licence',
          variables: [{ name: 'applicationNumber', value: '"SEC-2026-000001"' }],
        },
      ],
      [
        'userTask',
        {
          state: 'CREATED',
          processInstanceVariables: [{ name: 'applicationNumber', value: '"SEC-2026-000001"' }],
        },
      ],
    ] as const) {
      const plan = store.index.plan(kind, { filter } as any, 'processInstanceKey');
      for (const lines of [plan.count, plan.page]) {
        // The rows are looked up by the keys the variable index gave, not read per service or state.
        expect(lines.find((l) => l.startsWith('SEARCH t '))).toMatch(
          /^SEARCH t USING INDEX (sqlite_autoindex_s_processInstance_1 \(key=\?\)|ix_userTask_processInstanceKey \(processInstanceKey=\?\))$/,
        );
        expect(lines.join('\n')).toMatch(
          /SEARCH v USING COVERING INDEX ix_variable_name_value_scopeKey \(name=\? AND value=\?\)/,
        );
      }
    }
  });

  test('given more matches than the count cap, then the total is the cap and hasMoreTotalItems says so, as Camunda 8.8 answers', () => {
    const rows = new Map<'variable', Map<string, Record<string, unknown> | null>>([['variable', new Map()]]);
    for (let i = 0; i < TOTAL_CAP + 5; i++)
      rows.get('variable')!.set(String(10_000_000 + i), {
        variableKey: String(10_000_000 + i),
        name: 'n',
        value: '1',
        scopeKey: '1',
        processInstanceKey: '1',
      });
    store.commit(new Map(), {}, rows);
    const r = store.index.search('variable', { filter: { name: 'n' }, page: { limit: 2 } }, 'variableKey');
    expect(r.page).toMatchObject({ totalItems: TOTAL_CAP, hasMoreTotalItems: true });
    const few = store.index.search(
      'variable',
      { filter: { name: 'n', variableKey: { $lt: '10000003' } } },
      'variableKey',
    );
    expect(few.page).toMatchObject({ totalItems: 3, hasMoreTotalItems: false });
  });
});
