import { both } from '../../i18n';
import { makeBin } from '../../domain/identifiers';
import * as b from '../support/bpmn';
import { deploy, startTestEngine, type TestEngine } from '../support/engine-harness';
import { client, startApp } from './support/harness';

/**
 * The worklist and the operations lists read one page from the embedded engine with a fixed number
 * of queries (the session's groups and the filters in the engine query, then one batched variable
 * search), never one query per row and never the whole set.
 */

const OTHER = makeBin('2021-02', 'resident-legal-entity', 3131);

describe('paged lists on the embedded engine', () => {
  let e: TestEngine;
  let ctx: Awaited<ReturnType<typeof startApp>>;
  const calls: string[] = [];
  const tally = () =>
    Object.fromEntries([...new Set(calls)].sort().map((c) => [c, calls.filter((x) => x === c).length]));

  beforeAll(async () => {
    e = await startTestEngine();
    await deploy(e.client, {
      'police-review.bpmn': b.process(
        'police-review',
        [b.start('Start'), b.userTask('Task_Study', { candidateGroups: 'police-clerks' }), b.end('End')],
        ['Start > Task_Study > End'],
      ),
      'fire-review.bpmn': b.process(
        'fire-review',
        [b.start('Start'), b.userTask('Task_Check', { candidateGroups: 'fire-clerks' }), b.end('End')],
        ['Start > Task_Check > End'],
      ),
    });
    for (let i = 0; i < 120; i++)
      e.running.engine.createProcessInstance({
        bpmnProcessId: 'police-review',
        variables: {
          serviceId: 'security-licence',
          applicationNumber: `SEC-2026-${String(i).padStart(6, '0')}`,
          applicant: { bin: i % 10 === 0 ? OTHER : '000000000000', name: `ТОО Қорған ${i}` },
        },
      });
    for (let i = 0; i < 10; i++)
      e.running.engine.createProcessInstance({
        bpmnProcessId: 'fire-review',
        variables: { serviceId: 'fire-automation-permit', applicationNumber: `FIRE-2026-${i}` },
      });
    // The official client, with every call counted.
    const counted = new Proxy(e.client as object, {
      get(target, prop, recv) {
        const v = Reflect.get(target, prop, recv);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return v.apply(target, args);
        };
      },
    });
    ctx = await startApp({ camunda: counted as never });
  });
  afterAll(async () => {
    await ctx?.close();
    await e?.close();
  });

  test('given 120 open tasks of a clerk’s group and 10 of another, when the worklist is paged, then each page is one task search and one variable search and every task comes once', async () => {
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const seen: string[] = [];
    const sizes: number[] = [];
    for (let page = 1; ; page++) {
      calls.length = 0;
      const r = await police('GET', `/api/tasks?page=${page}`);
      expect(r.status).toBe(200);
      // Engine queries only (reading the engine's clock is not one).
      expect(calls.filter((c) => c.startsWith('search')).sort()).toEqual([
        'searchUserTasks',
        'searchVariables',
      ]);
      sizes.push(r.json.items.length);
      for (const t of r.json.items) {
        expect(t.applicationNumber).toMatch(/^SEC-2026-\d{6}$/);
        expect(t.processDefinitionId).toBe('security-licence');
        seen.push(t.applicationNumber);
      }
      expect(r.json.page).toMatchObject({ number: page, size: 50, totalItems: 120, totalPages: 3 });
      if (!r.json.page.hasNext) break;
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
  });

  test('given the search box, when it holds an application number or a BIN, then the engine query finds exactly those', async () => {
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const one = await police('GET', '/api/tasks?q=SEC-2026-000077');
    expect(one.json.items.map((t: any) => t.applicationNumber)).toEqual(['SEC-2026-000077']);
    const byBin = await police('GET', `/api/tasks?q=${OTHER}`);
    expect(byBin.json.page.totalItems).toBe(12);
    const fire = await police('GET', '/api/tasks?service=fire-automation-permit');
    expect(fire.json.items).toEqual([]);
  });

  test('given a page number that is not a positive integer, then the answer is 400 naming the field in Kazakh and Russian', async () => {
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const r = await police('GET', '/api/tasks?page=0');
    expect(r.status).toBe(400);
    expect(r.json.error.kk).toContain('page');
    expect(r.json.error.ru).toContain('page');
    // The texts are the catalogue's, one per language.
    expect(r.json.error).toMatchObject(both('error.paging.pageInvalid', { field: 'page' }));
  });

  test('given 130 running instances, when operations and the deadline board are paged, then a page costs one instance search and one variable search (the board reads its index instead), plus one element search per instance on it, as the 8.8 element-instance filter takes one instance key', async () => {
    const op = client(ctx.base, await ctx.as('operator'));
    calls.length = 0;
    const r = await op('GET', '/api/ops/instances?page=3');
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(30);
    expect(tally()).toEqual({ searchElementInstances: 30, searchProcessInstances: 1, searchVariables: 1 });
    expect(r.json.page).toMatchObject({ totalItems: 130, totalPages: 3, hasNext: false });
    expect(r.json.items.every((i: any) => i.applicationNumber && i.stages.length === 1)).toBe(true);
    // The board's first read builds its index of running terms (pages of 50); a page then costs two.
    const board = await op('GET', '/api/ops/deadlines');
    expect(board.status).toBe(200);
    expect(board.json.page.totalItems).toBe(130);
    calls.length = 0;
    const next = await op('GET', '/api/ops/deadlines?page=2');
    expect(next.status).toBe(200);
    // ...and the engine's clock, which decides what is overdue, is read once (GET /v2/clock).
    expect(tally()).toEqual({
      getAuthHeaders: 1,
      getConfig: 1,
      searchElementInstances: 50,
      searchVariables: 1,
    });
    const incidents = await op('GET', '/api/ops/incidents');
    expect(incidents.json).toMatchObject({ items: [], page: { totalItems: 0 } });
  });
});
