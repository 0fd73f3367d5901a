import * as b from '../../support/bpmn';
import { complete, deployAll, jobs, piState, rejection, useEngine } from './support';

/**
 * Camunda 8.8 REST "Create process instance": with `awaitCompletion` the request waits for the
 * instance to complete and answers with its root-scope variables, or only `fetchVariables` when
 * given; if it does not complete within `requestTimeout` (0 or unset: the gateway's request
 * timeout) the answer is 504 and the instance runs on in the background.
 */
describe('createProcessInstance with awaitCompletion', () => {
  const e = useEngine();

  beforeAll(async () => {
    await deployAll(e.client, {
      'await-straight.bpmn': b.process(
        'await-straight',
        [b.start('Start'), b.script('Task_Fee', '=base * 2', 'fee'), b.end('End')],
        ['Start > Task_Fee > End'],
      ),
      'await-job.bpmn': b.process(
        'await-job',
        [b.start('Start'), b.service('Task_Check', 'await-check'), b.end('End')],
        ['Start > Task_Check > End'],
      ),
    });
  });

  test('given a process that runs straight through, when created with awaitCompletion, then the answer carries all root-scope variables', async () => {
    const r: any = await e.client.createProcessInstance({
      processDefinitionId: 'await-straight',
      variables: { base: 21, applicant: 'A-1' },
      awaitCompletion: true,
    } as any);
    expect(r.variables).toEqual({ base: 21, applicant: 'A-1', fee: 42 });
    expect(await piState(e.client, r.processInstanceKey)).toBe('COMPLETED');
  });

  test('given fetchVariables, when created with awaitCompletion, then only those variables are returned', async () => {
    const r: any = await e.client.createProcessInstance({
      processDefinitionId: 'await-straight',
      variables: { base: 5, applicant: 'A-2' },
      awaitCompletion: true,
      fetchVariables: ['fee'],
    } as any);
    expect(r.variables).toEqual({ fee: 10 });
  });

  test('given no awaitCompletion, when created, then the answer comes at once with no variables', async () => {
    const r: any = await e.client.createProcessInstance({
      processDefinitionId: 'await-straight',
      variables: { base: 1 },
    } as any);
    expect(r.variables).toEqual({});
  });

  test('given a wait state, when created with awaitCompletion, then the answer waits until the job is completed and carries its result', async () => {
    let answered = false;
    const pending = e.client
      .createProcessInstance({
        processDefinitionId: 'await-job',
        variables: { applicationNo: 'Z-7' },
        awaitCompletion: true,
        requestTimeout: 10_000,
      } as any)
      .then((r: any) => {
        answered = true;
        return r;
      });
    const [job] = await jobs(e.client, 'await-check');
    expect(answered).toBe(false);
    await complete(e.client, job, { checked: true });
    const r: any = await pending;
    expect(r.variables).toEqual({ applicationNo: 'Z-7', checked: true });
    expect(r.processInstanceKey).toBe(job.processInstanceKey);
  });

  test('given an instance that does not complete within requestTimeout, when created with awaitCompletion, then 504 and the instance runs on', async () => {
    const err = await rejection(
      e.client.createProcessInstance({
        processDefinitionId: 'await-job',
        variables: { applicationNo: 'Z-8' },
        awaitCompletion: true,
        requestTimeout: 300,
      } as any),
    );
    expect(err).toMatchObject({ status: 504 });
    const body = err.response?.json ? await err.response.json() : err;
    expect(body).toMatchObject({ status: 504, title: 'DEADLINE_EXCEEDED' });
    const [job] = await jobs(e.client, 'await-check');
    expect(job.variables).toEqual({ applicationNo: 'Z-8' });
    expect(await piState(e.client, job.processInstanceKey)).toBe('ACTIVE');
    await complete(e.client, job);
    expect(await piState(e.client, job.processInstanceKey)).toBe('COMPLETED');
  });

  test('given requestTimeout 0, when created with awaitCompletion, then the gateway default applies (it does not answer at once)', async () => {
    let answered = false;
    const pending = e.client
      .createProcessInstance({
        processDefinitionId: 'await-job',
        awaitCompletion: true,
        requestTimeout: 0,
      } as any)
      .then((r: any) => {
        answered = true;
        return r;
      });
    const [job] = await jobs(e.client, 'await-check');
    await new Promise((r) => setTimeout(r, 500));
    expect(answered).toBe(false);
    await complete(e.client, job, { done: 1 });
    expect(((await pending) as any).variables).toEqual({ done: 1 });
  });
});
