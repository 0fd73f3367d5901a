import * as b from '../../support/bpmn';
import {
  active,
  complete,
  deployAll,
  elementKey,
  jobs,
  piState,
  rejection,
  startInstance,
  trail,
  useEngine,
  variables,
} from './support';

/**
 * Camunda 8.8 "Process instance modification" (REST POST /v2/process-instances/{key}/modification):
 * activate instructions (with variable instructions) and terminate instructions in one command;
 * "moving the token" is an activation plus a termination; a flow scope left without active element
 * instances is terminated (the process instance too); an invalid instruction rejects the whole
 * command and changes nothing.
 */
describe('process-instance modification', () => {
  const e = useEngine();

  beforeAll(async () => {
    await deployAll(e.client, {
      'mod.bpmn': b.process(
        'mod',
        [
          b.start('Start'),
          b.service('Task_A', 'mod-a'),
          b.catchEvent('Catch_B', { message: 'mod-b', correlationKey: '=applicationNo' }),
          b.service('Task_C', 'mod-c'),
          b.end('End'),
        ],
        ['Start > Task_A > Catch_B > Task_C > End'],
      ),
    });
  });

  const modify = (processInstanceKey: string, body: Record<string, unknown>) =>
    e.client.modifyProcessInstance({ processInstanceKey, ...body } as any);

  test('given an instance stuck at a catch event, when the token is moved to the next task, then the catch event is terminated and the task is active', async () => {
    const pik = await startInstance(e.client, 'mod', { applicationNo: 'M-1' });
    await complete(e.client, (await jobs(e.client, 'mod-a'))[0]);
    expect(await active(e.client, pik)).toEqual(['Catch_B']);
    const catchKey = await elementKey(e.client, pik, 'Catch_B');
    await modify(pik, {
      activateInstructions: [
        { elementId: 'Task_C', variableInstructions: [{ variables: { skipped: true } }] },
      ],
      terminateInstructions: [{ elementInstanceKey: catchKey }],
    });
    expect(await active(e.client, pik)).toEqual(['Task_C']);
    expect(await trail(e.client, pik)).toContain('Catch_B:TERMINATED');
    const [job] = await jobs(e.client, 'mod-c');
    expect(job.variables).toEqual({ applicationNo: 'M-1', skipped: true });
    await complete(e.client, job);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await variables(e.client, pik)).toEqual({ applicationNo: 'M-1', skipped: true });
  });

  test('given a step to repeat, when it is activated again, then a second instance of it runs beside the first', async () => {
    const pik = await startInstance(e.client, 'mod', { applicationNo: 'M-2' });
    await modify(pik, { activateInstructions: [{ elementId: 'Task_A' }] });
    expect(await active(e.client, pik)).toEqual(['Task_A', 'Task_A']);
  });

  test('given the only active element, when it is terminated, then the process instance is terminated', async () => {
    const pik = await startInstance(e.client, 'mod', { applicationNo: 'M-3' });
    await modify(pik, {
      terminateInstructions: [{ elementInstanceKey: await elementKey(e.client, pik, 'Task_A') }],
    });
    expect(await piState(e.client, pik)).toBe('TERMINATED');
  });

  test('given an unknown element among the instructions, when modified, then 400 and nothing changes', async () => {
    const pik = await startInstance(e.client, 'mod', { applicationNo: 'M-4' });
    const taskA = await elementKey(e.client, pik, 'Task_A');
    const err = await rejection(
      modify(pik, {
        activateInstructions: [{ elementId: 'No_Such_Element' }],
        terminateInstructions: [{ elementInstanceKey: taskA }],
      }),
    );
    expect(err).toMatchObject({ status: 400 });
    expect(await active(e.client, pik)).toEqual(['Task_A']);
  });

  test('given a finished instance, when modified, then 404', async () => {
    const pik = await startInstance(e.client, 'mod', { applicationNo: 'M-5' });
    await e.client.cancelProcessInstance({ processInstanceKey: pik } as any);
    expect(await rejection(modify(pik, { activateInstructions: [{ elementId: 'Task_C' }] }))).toMatchObject({
      status: 404,
    });
  });
});
