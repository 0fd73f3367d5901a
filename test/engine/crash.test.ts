import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import * as b from '../support/bpmn';
import { killProcess, startEngineProcess } from '../../tools/engine-process';
import { CamundaClient, deploy, eventually, NOW } from '../support/engine-harness';

const CRASH_ENGINE_TOKEN = 'crash-test-engine-token-0123456789';

interface EngineProcess {
  child: ChildProcess;
  client: CamundaClient;
}

async function startEngine(dataDir: string): Promise<EngineProcess> {
  const { child, address } = await startEngineProcess(dataDir, { ENGINE_TOKEN: CRASH_ENGINE_TOKEN });
  const c8 = new Camunda8({
    ZEEBE_REST_ADDRESS: address,
    // The engine's token, sent as the password of the SDK's BASIC strategy.
    CAMUNDA_AUTH_STRATEGY: 'BASIC',
    CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
    CAMUNDA_BASIC_AUTH_PASSWORD: CRASH_ENGINE_TOKEN,
    CAMUNDA_SDK_VALIDATION: 'req:strict,res:strict',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  } as any);
  return { child, client: c8.getOrchestrationClusterApiClient() };
}

const kill = (p: EngineProcess | undefined) => killProcess(p?.child);

const diagrams = {
  'crash-job.bpmn': b.process(
    'crash-job',
    [b.start('Start'), b.service('Task_Lookup', 'crash-lookup'), b.end('End')],
    ['Start > Task_Lookup > End'],
  ),
  'crash-user.bpmn': b.process(
    'crash-user',
    [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'clerks' }), b.end('End')],
    ['Start > Task_Review > End'],
  ),
  'crash-timer.bpmn': b.process(
    'crash-timer',
    [b.start('Start'), b.catchEvent('Timer_Wait', { timer: { duration: 'PT1H' } }), b.end('End')],
    ['Start > Timer_Wait > End'],
  ),
  'crash-message.bpmn': b.process(
    'crash-message',
    [
      b.start('Start'),
      b.userTask('Task_Before'),
      b.catchEvent('Msg_Reply', { message: 'crash-reply', correlationKey: '=caseNo' }),
      b.end('End'),
    ],
    ['Start > Task_Before > Msg_Reply > End'],
  ),
  'crash-incident.bpmn': b.process(
    'crash-incident',
    [b.start('Start'), b.exclusive('Gw_Route'), b.end('End_A'), b.end('End_B')],
    ['Start > Gw_Route', 'Gw_Route > End_A : =route = "a"', 'Gw_Route > End_B : =route = "b"'],
  ),
};

describe('the engine process killed with SIGKILL', () => {
  let dataDir: string;
  let first: EngineProcess | undefined;
  let second: EngineProcess | undefined;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-crash-'));
  });
  afterAll(async () => {
    await kill(first);
    await kill(second);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('given instances waiting at an in-flight job, a user task, a timer, a buffered message and an incident, when the engine is killed and restarted on the same data, then every one of them resumes', async () => {
    first = await startEngine(dataDir);
    let c = first.client;
    const t0 = Date.parse('2026-11-02T09:00:00+05:00');
    await c.pinClock({ timestamp: t0 } as any);
    await deploy(c, diagrams);
    const create = async (id: string, variables: Record<string, unknown> = {}) =>
      ((await c.createProcessInstance({ processDefinitionId: id, variables } as any)) as any)
        .processInstanceKey as string;
    const keys = {
      job: await create('crash-job', { applicant: 'A' }),
      user: await create('crash-user'),
      timer: await create('crash-timer'),
      message: await create('crash-message', { caseNo: 'CR-1' }),
      incident: await create('crash-incident', { route: 'none' }),
    };
    const activated: any = await c.activateJobs({
      type: 'crash-lookup',
      maxJobsToActivate: 1,
      timeout: 300_000,
      worker: 'before-crash',
      requestTimeout: -1,
    } as any);
    expect(activated.jobs).toHaveLength(1);
    const inFlight = activated.jobs[0];
    await c.publishMessage({
      name: 'crash-reply',
      correlationKey: 'CR-1',
      timeToLive: 86_400_000,
      variables: { replied: true },
    } as any);

    await kill(first);
    second = await startEngine(dataDir);
    c = second.client;

    // Every instance is still there and still waiting.
    for (const key of Object.values(keys)) {
      expect(((await c.getProcessInstance({ processInstanceKey: key } as any, NOW)) as any).state).toBe(
        'ACTIVE',
      );
    }
    const tasks: any = await c.searchUserTasks(
      { filter: { processInstanceKey: keys.user, state: 'CREATED' } } as any,
      NOW,
    );
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({ elementId: 'Task_Review', candidateGroups: ['clerks'] });
    const incidents: any = await c.searchIncidents(
      { filter: { processInstanceKey: keys.incident, state: 'ACTIVE' } } as any,
      NOW,
    );
    expect(incidents.items).toHaveLength(1);
    expect(incidents.items[0]).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'Gw_Route' });

    // The in-flight job is not offered while its timeout runs (the clock pin survived), then it is.
    const offer = async () =>
      (
        (await c.activateJobs({
          type: 'crash-lookup',
          maxJobsToActivate: 1,
          timeout: 60_000,
          worker: 'after-crash',
          requestTimeout: -1,
        } as any)) as any
      ).jobs;
    expect(await offer()).toEqual([]);

    // The buffered message correlates once its subscription opens.
    const [before] = (
      (await c.searchUserTasks(
        { filter: { processInstanceKey: keys.message, state: 'CREATED' } } as any,
        NOW,
      )) as any
    ).items;
    await c.completeUserTask({ userTaskKey: before.userTaskKey } as any);
    expect(
      ((await c.getProcessInstance({ processInstanceKey: keys.message } as any, NOW)) as any).state,
    ).toBe('COMPLETED');

    // The timer fires when the clock passes it.
    await c.pinClock({ timestamp: t0 + 3_600_000 } as any);
    await eventually(
      async () => ((await c.getProcessInstance({ processInstanceKey: keys.timer } as any, NOW)) as any).state,
      (s) => s === 'COMPLETED',
    );

    // Past the job timeout the job is offered again, with the same key and variables.
    const [again] = await offer();
    expect(again).toMatchObject({ jobKey: inFlight.jobKey, variables: { applicant: 'A' } });
    await c.completeJob({ jobKey: again.jobKey } as any);
    expect(((await c.getProcessInstance({ processInstanceKey: keys.job } as any, NOW)) as any).state).toBe(
      'COMPLETED',
    );

    // The incident can still be resolved.
    await c.createElementInstanceVariables({
      elementInstanceKey: keys.incident,
      variables: { route: 'b' },
    } as any);
    await c.resolveIncident({ incidentKey: incidents.items[0].incidentKey } as any);
    expect(
      ((await c.getProcessInstance({ processInstanceKey: keys.incident } as any, NOW)) as any).state,
    ).toBe('COMPLETED');
  }, 90_000);
});
