import type {
  ElementInstanceFilter,
  IncidentFilter,
  ProcessInstanceFilter,
  UserTaskFilter,
  VariableFilter,
} from '@camunda8/orchestration-cluster-api';
import * as b from '../support/bpmn';
import { deploy, startTestEngine, type TestEngine } from '../support/engine-harness';
import {
  childInstancesOf,
  elementInstancesOf,
  incidentsOf,
  PER_INSTANCE_CONCURRENCY,
  rootVariablesOf,
  userTasksOf,
} from '../../ui/engine-search';

/**
 * Which filter fields take a list (`$in`) in Camunda 8.8, read from the official client's own 8.8
 * types: `tsc` fails here when the table and the types disagree, and the test below fails when a
 * search sends `$in` on a field whose 8.8 type is one key (a cluster rejects it; the embedded
 * engine would not).
 */
type KeysOf<T> = T extends object ? keyof T : never;
type HasIn<F, K extends keyof F> = '$in' extends KeysOf<Exclude<NonNullable<F[K]>, string>> ? true : false;
const TAKES_A_LIST: {
  searchElementInstances: { processInstanceKey: HasIn<ElementInstanceFilter, 'processInstanceKey'> };
  searchIncidents: { processInstanceKey: HasIn<IncidentFilter, 'processInstanceKey'> };
  searchUserTasks: { processInstanceKey: HasIn<UserTaskFilter, 'processInstanceKey'> };
  searchProcessInstances: {
    parentProcessInstanceKey: HasIn<ProcessInstanceFilter, 'parentProcessInstanceKey'>;
  };
  searchVariables: {
    processInstanceKey: HasIn<VariableFilter, 'processInstanceKey'>;
    scopeKey: HasIn<VariableFilter, 'scopeKey'>;
    name: HasIn<VariableFilter, 'name'>;
  };
} = {
  searchElementInstances: { processInstanceKey: false },
  searchIncidents: { processInstanceKey: false },
  searchUserTasks: { processInstanceKey: false },
  searchProcessInstances: { parentProcessInstanceKey: true },
  searchVariables: { processInstanceKey: true, scopeKey: true, name: true },
};

describe('searches over several instances, as Camunda 8.8 takes them (ui/engine-search.ts)', () => {
  let e: TestEngine;
  const sent: { method: string; filter: Record<string, unknown> }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let camunda: TestEngine['client'];
  const parents: string[] = [];

  beforeAll(async () => {
    e = await startTestEngine();
    await deploy(e.client, {
      'review.bpmn': b.process(
        'review',
        [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'police-clerks' }), b.end('End')],
        ['Start > Task_Review > End'],
      ),
      'case.bpmn': b.process(
        'case',
        [b.start('Start'), b.callActivity('Call_Review', 'review'), b.end('End')],
        ['Start > Call_Review > End'],
      ),
    });
    for (let i = 0; i < 20; i++)
      parents.push(
        e.running.engine.createProcessInstance({
          bpmnProcessId: 'case',
          variables: { applicationNumber: `SEC-2026-${String(i).padStart(6, '0')}` },
        }).key,
      );
    // The official client, every search's filter recorded as sent, with the searches in flight counted.
    camunda = new Proxy(e.client, {
      get(target, prop, recv) {
        const v: unknown = Reflect.get(target, prop, recv);
        if (typeof v !== 'function' || !String(prop).startsWith('search')) return v;
        return async (query: { filter?: Record<string, unknown> }, ...rest: unknown[]) => {
          sent.push({ method: String(prop), filter: query.filter ?? {} });
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          try {
            return await (v as (...a: unknown[]) => Promise<unknown>).apply(target, [query, ...rest]);
          } finally {
            inFlight--;
          }
        };
      },
    });
  });
  afterAll(() => e?.close());
  beforeEach(() => {
    sent.length = 0;
    mostInFlight = 0;
  });
  afterEach(() => {
    // No search carries `$in` on a field whose 8.8 type is one key.
    for (const { method, filter } of sent) {
      const fields: Record<string, boolean> = TAKES_A_LIST[method as keyof typeof TAKES_A_LIST] ?? {};
      for (const [field, value] of Object.entries(filter))
        if (value !== null && typeof value === 'object' && '$in' in value)
          expect(`${method}.${field} takes a list: ${fields[field] === true}`).toBe(
            `${method}.${field} takes a list: true`,
          );
    }
  });

  test('given 20 cases that each called a review, then their children are found in one search with a list of parents', async () => {
    const children = await childInstancesOf(camunda, parents);
    expect(children.map((c) => String(c.parentProcessInstanceKey)).sort()).toEqual([...parents].sort());
    expect(sent.map((s) => s.method)).toEqual(['searchProcessInstances']);
  });

  test('given 20 instances, then their elements, user tasks and incidents are searched once per instance, at most 8 at a time, and every instance answers', async () => {
    const children = (await childInstancesOf(camunda, parents)).map((c) => String(c.processInstanceKey));
    sent.length = 0;
    const active = await elementInstancesOf(camunda, [...parents, parents[0]!], { state: 'ACTIVE' });
    expect(
      new Set(active.filter((x) => x.elementId === 'Call_Review').map((x) => String(x.processInstanceKey))),
    ).toEqual(new Set(parents));
    const tasks = await userTasksOf(camunda, children);
    expect(tasks.map((t) => t.elementId)).toEqual(children.map(() => 'Task_Review'));
    expect(await incidentsOf(camunda, children, { state: 'ACTIVE' })).toEqual([]);
    const perMethod = (m: string) => sent.filter((s) => s.method === m);
    expect(perMethod('searchElementInstances')).toHaveLength(20);
    expect(perMethod('searchUserTasks')).toHaveLength(20);
    expect(perMethod('searchIncidents')).toHaveLength(20);
    expect(mostInFlight).toBeLessThanOrEqual(PER_INSTANCE_CONCURRENCY);
    expect(mostInFlight).toBeGreaterThan(1);
  });

  test('given 20 instances, then their root variables come in one search with lists of instances, scopes and names', async () => {
    const vars = await rootVariablesOf(camunda, parents, ['applicationNumber']);
    expect(vars.get(parents[7]!)).toEqual({ applicationNumber: 'SEC-2026-000007' });
    expect(sent.map((s) => s.method)).toEqual(['searchVariables']);
  });
});
