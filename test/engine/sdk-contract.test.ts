import fs from 'node:fs';
import path from 'node:path';
import { deploy, NOW, startTestEngine, TestEngine } from '../support/engine-harness';

const xml = fs.readFileSync(path.join(__dirname, '../fixtures/engine/service-user-task.bpmn'), 'utf8');

describe('the official SDK against the embedded engine (strict request and response validation)', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.close());

  test('given a deployed diagram, when an instance runs through a job worker and a user task, then it completes with the variables of both', async () => {
    const { client } = t;
    const dep = await deploy(client, { 'service-user-task.bpmn': xml });
    expect(dep.deployments[0].processDefinition.processDefinitionId).toBe('service-user-task');
    const pi = await client.createProcessInstance({
      processDefinitionId: 'service-user-task',
      variables: { due: '2026-12-01T18:30:00+05:00' },
    } as any);
    const seen: any[] = [];
    const worker = client.createJobWorker({
      jobType: 'test-lookup',
      jobTimeoutMs: 10_000,
      maxParallelJobs: 2,
      pollTimeoutMs: 1000,
      jobHandler: async (job: any) => {
        seen.push({ headers: job.customHeaders, variables: job.variables });
        return job.complete({ found: true });
      },
    } as any);
    try {
      let tasks: any;
      const until = Date.now() + 5000;
      do {
        tasks = await client.searchUserTasks(
          { filter: { processInstanceKey: pi.processInstanceKey, state: 'CREATED' } } as any,
          NOW,
        );
        if (tasks.items.length === 0) await new Promise((r) => setTimeout(r, 20));
      } while (tasks.items.length === 0 && Date.now() < until);
      expect(seen).toEqual([
        { headers: { system: 'registry' }, variables: { due: '2026-12-01T18:30:00+05:00' } },
      ]);
      const [task] = tasks.items;
      expect(task).toMatchObject({
        elementId: 'Task_Review',
        candidateGroups: ['clerks'],
        dueDate: '2026-12-01T18:30:00+05:00',
      });
      await client.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'clerk-1' } as any);
      await client.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } } as any);
      const done = await client.getProcessInstance({ processInstanceKey: pi.processInstanceKey } as any, NOW);
      expect(done.state).toBe('COMPLETED');
      const vars = await client.searchVariables(
        { filter: { processInstanceKey: pi.processInstanceKey } } as any,
        NOW,
      );
      expect(Object.fromEntries(vars.items.map((v: any) => [v.name, JSON.parse(v.value)]))).toEqual({
        due: '2026-12-01T18:30:00+05:00',
        found: true,
        approved: true,
      });
    } finally {
      worker.stop();
    }
  });

  test('given an unknown process id, when an instance is created, then the SDK receives a 404 problem', async () => {
    await expect(
      t.client.createProcessInstance({ processDefinitionId: 'no-such-process' } as any),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('user task search filters as Camunda Tasklist uses them', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
    await deploy(t.client, { 'service-user-task.bpmn': xml });
  });
  afterAll(() => t.close());

  test('given tasks of group "clerks", when searching by candidateGroup, then only a matching group finds them', async () => {
    const { client } = t;
    const pi = await client.createProcessInstance({
      processDefinitionId: 'service-user-task',
      variables: { due: '2026-12-01T18:30:00+05:00' },
    } as any);
    const jobs = await client.activateJobs({
      type: 'test-lookup',
      maxJobsToActivate: 1,
      timeout: 10_000,
      worker: 'w',
    } as any);
    await client.completeJob({ jobKey: jobs.jobs[0].jobKey } as any);
    const mine = await client.searchUserTasks(
      { filter: { candidateGroup: 'clerks', processInstanceKey: pi.processInstanceKey } } as any,
      NOW,
    );
    const others = await client.searchUserTasks(
      { filter: { candidateGroup: 'police-head', processInstanceKey: pi.processInstanceKey } } as any,
      NOW,
    );
    expect(mine.items.map((x: any) => x.elementId)).toEqual(['Task_Review']);
    expect(others.items).toEqual([]);
  });
});
