import * as b from '../../support/bpmn';
import {
  activate,
  complete,
  deployAll,
  eventually,
  incidents,
  jobs,
  piState,
  pin,
  startInstance,
  trail,
  useEngine,
  NOW,
} from './support';

describe('start and end events', () => {
  const e = useEngine();

  test('given a none start event, when an instance is created, then it runs to the none end event and completes', async () => {
    await deployAll(e.client, {
      'none.bpmn': b.process(
        'ev-none',
        [b.start('Start'), b.manual('Task_Manual'), b.end('End')],
        ['Start > Task_Manual > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ev-none');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toEqual(['Start:COMPLETED', 'Task_Manual:COMPLETED', 'End:COMPLETED']);
  });

  test('given a message start event, when the message is published, then a new instance starts with the message variables', async () => {
    await deployAll(e.client, {
      'msg-start.bpmn': b.process(
        'ev-msg-start',
        [
          b.start('Start', { message: 'application-received' }),
          b.service('Task_Intake', 'ev-intake'),
          b.end('End'),
        ],
        ['Start > Task_Intake > End'],
      ),
    });
    await e.client.publishMessage({
      name: 'application-received',
      correlationKey: '',
      variables: { applicationNo: 'A-1' },
    } as any);
    const [job] = await jobs(e.client, 'ev-intake');
    expect(job.variables).toEqual({ applicationNo: 'A-1' });
    expect(job.processDefinitionId).toBe('ev-msg-start');
  });

  test('given a message start event, when correlateMessage is called, then it answers with the started instance', async () => {
    await deployAll(e.client, {
      'msg-start2.bpmn': b.process(
        'ev-msg-start2',
        [b.start('Start', { message: 'complaint-filed' }), b.end('End')],
        ['Start > End'],
      ),
    });
    const r: any = await e.client.correlateMessage({
      name: 'complaint-filed',
      correlationKey: 'C-1',
      variables: { c: 1 },
    } as any);
    expect(await piState(e.client, r.processInstanceKey)).toBe('COMPLETED');
  });

  test('given a timer start event with timeDate, when the pinned clock passes it, then exactly one instance starts', async () => {
    await pin(e.client, '2026-03-01T00:00:00Z');
    await deployAll(e.client, {
      'timer-start.bpmn': b.process(
        'ev-timer-start',
        [
          b.start('Start', { timer: { date: '2026-03-02T09:00:00+05:00' } }),
          b.service('Task_Daily', 'ev-daily'),
          b.end('End'),
        ],
        ['Start > Task_Daily > End'],
      ),
    });
    const count = async () =>
      (
        (await e.client.searchProcessInstances(
          { filter: { processDefinitionId: 'ev-timer-start' } } as any,
          NOW,
        )) as any
      ).page.totalItems;
    expect(await count()).toBe(0);
    await pin(e.client, '2026-03-02T04:00:01Z');
    expect(await count()).toBe(1);
    await pin(e.client, '2026-03-10T00:00:00Z');
    expect(await count()).toBe(1);
  });

  test('given a timer start event with a cycle R2/PT1H, when the clock passes three hours, then two instances start', async () => {
    await pin(e.client, '2026-03-01T00:00:00Z');
    await deployAll(e.client, {
      'timer-cycle-start.bpmn': b.process(
        'ev-timer-cycle',
        [b.start('Start', { timer: { cycle: 'R2/PT1H' } }), b.end('End')],
        ['Start > End'],
      ),
    });
    await pin(e.client, '2026-03-01T03:30:00Z');
    const r: any = await e.client.searchProcessInstances(
      { filter: { processDefinitionId: 'ev-timer-cycle' } } as any,
      NOW,
    );
    expect(r.page.totalItems).toBe(2);
  });

  test('given a terminate end event on one parallel branch, when it is reached, then the other branch is terminated and the instance completes', async () => {
    await deployAll(e.client, {
      'terminate.bpmn': b.process(
        'ev-terminate',
        [
          b.start('Start'),
          b.parallel('Fork'),
          b.service('Task_Slow', 'ev-slow'),
          b.end('End_Slow'),
          b.end('End_Terminate', { terminate: true }),
        ],
        ['Start > Fork', 'Fork > Task_Slow > End_Slow', 'Fork > End_Terminate'],
      ),
    });
    const pik = await startInstance(e.client, 'ev-terminate');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toContain('Task_Slow:TERMINATED');
    expect(await activate(e.client, 'ev-slow')).toEqual([]);
  });

  test('given an error end event without a catch, when it is reached, then an UNHANDLED_ERROR_EVENT incident is raised', async () => {
    await deployAll(e.client, {
      'error-end.bpmn': b.process(
        'ev-error-end',
        [b.start('Start'), b.end('End_Error', { error: 'NOT_CAUGHT' })],
        ['Start > End_Error'],
      ),
    });
    const pik = await startInstance(e.client, 'ev-error-end');
    const [inc] = await incidents(e.client, pik);
    expect(inc).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'End_Error' });
    expect(await piState(e.client, pik)).toBe('ACTIVE');
  });

  test('given a message end event implemented by a job, when the job completes, then the instance completes', async () => {
    await deployAll(e.client, {
      'msg-end.bpmn': b.process(
        'ev-msg-end',
        [b.start('Start'), b.end('End_Notify', { messageJobType: 'ev-notify' })],
        ['Start > End_Notify'],
      ),
    });
    const pik = await startInstance(e.client, 'ev-msg-end', { to: 'applicant' });
    const [job] = await jobs(e.client, 'ev-notify');
    expect(job).toMatchObject({ elementId: 'End_Notify', variables: { to: 'applicant' } });
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    await complete(e.client, job, { sent: true });
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given an intermediate timer catch event, when the pinned clock passes its duration, then the flow continues', async () => {
    await pin(e.client, '2026-04-01T00:00:00Z');
    await deployAll(e.client, {
      'timer-catch.bpmn': b.process(
        'ev-timer-catch',
        [b.start('Start'), b.catchEvent('Timer_Wait', { timer: { duration: 'PT10M' } }), b.end('End')],
        ['Start > Timer_Wait > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ev-timer-catch');
    await pin(e.client, '2026-04-01T00:09:59Z');
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    await pin(e.client, '2026-04-01T00:10:00Z');
    await eventually(
      () => piState(e.client, pik),
      (s) => s === 'COMPLETED',
    );
  });

  test('given an intermediate message catch event, when the message with the instance correlation key is published, then its variables reach the instance', async () => {
    await deployAll(e.client, {
      'msg-catch.bpmn': b.process(
        'ev-msg-catch',
        [
          b.start('Start'),
          b.catchEvent('Msg_Paid', { message: 'fee-paid', correlationKey: '=applicationNo' }),
          b.end('End'),
        ],
        ['Start > Msg_Paid > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ev-msg-catch', { applicationNo: 'A-7' });
    await e.client.publishMessage({
      name: 'fee-paid',
      correlationKey: 'A-8',
      variables: { amount: 1 },
    } as any);
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    await e.client.publishMessage({
      name: 'fee-paid',
      correlationKey: 'A-7',
      variables: { amount: 5000 },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    const vars: any = await e.client.searchVariables(
      { filter: { processInstanceKey: pik, name: 'amount' } } as any,
      NOW,
    );
    expect(vars.items.map((v: any) => v.value)).toEqual(['5000']);
  });
});
