import * as b from '../../support/bpmn';
import {
  activate,
  active,
  complete,
  deployAll,
  incidents,
  jobs,
  piState,
  pin,
  startInstance,
  trail,
  userTasks,
  useEngine,
  variables,
} from './support';

describe('gateways', () => {
  const e = useEngine();
  const exclusive = b.process(
    'gw-exclusive',
    [b.start('Start'), b.exclusive('Gw_Fee'), b.end('End_High'), b.end('End_Low'), b.end('End_Default')],
    [
      'Start > Gw_Fee',
      'Gw_Fee > End_High : =fee > 1000',
      'Gw_Fee > End_Low : =fee > 0',
      'Gw_Fee > End_Default : default',
    ],
  );

  test.each([
    [5000, 'End_High'],
    [10, 'End_Low'],
    [0, 'End_Default'],
  ])(
    'given an exclusive gateway, when fee is %p, then only the first matching flow (or the default) is taken: %s',
    async (fee, endId) => {
      await deployAll(e.client, { 'gw-exclusive.bpmn': exclusive });
      const pik = await startInstance(e.client, 'gw-exclusive', { fee });
      expect(await trail(e.client, pik)).toEqual([
        'Start:COMPLETED',
        'Gw_Fee:COMPLETED',
        `${endId}:COMPLETED`,
      ]);
    },
  );

  test('given an exclusive gateway without default, when no condition matches, then a CONDITION_ERROR incident is raised and resolved after the variable is set', async () => {
    await deployAll(e.client, {
      'gw-nomatch.bpmn': b.process(
        'gw-nomatch',
        [b.start('Start'), b.exclusive('Gw_Decision'), b.end('End_Yes'), b.end('End_No')],
        [
          'Start > Gw_Decision',
          'Gw_Decision > End_Yes : =approved = true',
          'Gw_Decision > End_No : =approved = false',
        ],
      ),
    });
    const pik = await startInstance(e.client, 'gw-nomatch');
    const [inc] = await incidents(e.client, pik);
    expect(inc).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'Gw_Decision' });
    await e.client.createElementInstanceVariables({
      elementInstanceKey: pik,
      variables: { approved: false },
    } as any);
    await e.client.resolveIncident({ incidentKey: inc.incidentKey } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toContain('End_No:COMPLETED');
    expect(await incidents(e.client, pik)).toEqual([]);
  });

  test('given a parallel fork and join, when both branch jobs complete, then the join fires once and the instance completes', async () => {
    await deployAll(e.client, {
      'gw-parallel.bpmn': b.process(
        'gw-parallel',
        [
          b.start('Start'),
          b.parallel('Fork'),
          b.service('Task_A', 'gw-a'),
          b.service('Task_B', 'gw-b'),
          b.parallel('Join'),
          b.service('Task_After', 'gw-after'),
          b.end('End'),
        ],
        ['Start > Fork', 'Fork > Task_A > Join', 'Fork > Task_B > Join', 'Join > Task_After > End'],
      ),
    });
    const pik = await startInstance(e.client, 'gw-parallel');
    const [a] = await jobs(e.client, 'gw-a');
    const [bb] = await jobs(e.client, 'gw-b');
    await complete(e.client, a, { a: 1 });
    expect(await activate(e.client, 'gw-after')).toEqual([]);
    await complete(e.client, bb, { b: 2 });
    const after = await jobs(e.client, 'gw-after');
    expect(after).toHaveLength(1);
    await complete(e.client, after[0]);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect((await trail(e.client, pik)).filter((s) => s.startsWith('Join'))).toEqual(['Join:COMPLETED']);
  });

  test('given an inclusive fork, when two of three conditions hold, then exactly those two branches are taken', async () => {
    await deployAll(e.client, {
      'gw-inclusive.bpmn': b.process(
        'gw-inclusive',
        [
          b.start('Start'),
          b.inclusive('Gw_Checks'),
          b.service('Task_Police', 'gw-police'),
          b.service('Task_Health', 'gw-health'),
          b.service('Task_Tax', 'gw-tax'),
          b.end('End_Police'),
          b.end('End_Health'),
          b.end('End_Tax'),
        ],
        [
          'Start > Gw_Checks',
          'Gw_Checks > Task_Police : =needsPolice',
          'Gw_Checks > Task_Health : =needsHealth',
          'Gw_Checks > Task_Tax : =needsTax',
          'Task_Police > End_Police',
          'Task_Health > End_Health',
          'Task_Tax > End_Tax',
        ],
      ),
    });
    const pik = await startInstance(e.client, 'gw-inclusive', {
      needsPolice: true,
      needsHealth: false,
      needsTax: true,
    });
    expect((await active(e.client, pik)).sort()).toEqual(['Task_Police', 'Task_Tax']);
  });

  const eventBased = b.process(
    'gw-event',
    [
      b.start('Start'),
      b.eventGateway('Gw_Wait'),
      b.catchEvent('Msg_Answer', { message: 'answer', correlationKey: '=caseNo' }),
      b.catchEvent('Timer_Deadline', { timer: { duration: 'P3D' } }),
      b.end('End_Answered'),
      b.end('End_Late'),
    ],
    ['Start > Gw_Wait', 'Gw_Wait > Msg_Answer > End_Answered', 'Gw_Wait > Timer_Deadline > End_Late'],
  );

  test('given an event-based gateway, when the message comes first, then the message path is taken and the timer is gone', async () => {
    await pin(e.client, '2026-05-01T00:00:00Z');
    await deployAll(e.client, { 'gw-event.bpmn': eventBased });
    const pik = await startInstance(e.client, 'gw-event', { caseNo: 'E-1' });
    await e.client.publishMessage({
      name: 'answer',
      correlationKey: 'E-1',
      variables: { text: 'ok' },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    await pin(e.client, '2026-05-10T00:00:00Z');
    expect(await trail(e.client, pik)).toEqual([
      'Start:COMPLETED',
      'Gw_Wait:COMPLETED',
      'Msg_Answer:COMPLETED',
      'End_Answered:COMPLETED',
    ]);
    expect((await variables(e.client, pik)).text).toBe('ok');
  });

  test('given an event-based gateway, when the timer fires first, then the timer path is taken and the subscription is closed', async () => {
    await pin(e.client, '2026-05-01T00:00:00Z');
    await deployAll(e.client, { 'gw-event.bpmn': eventBased });
    const pik = await startInstance(e.client, 'gw-event', { caseNo: 'E-2' });
    await pin(e.client, '2026-05-04T00:00:01Z');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toContain('End_Late:COMPLETED');
    await expect(
      e.client.correlateMessage({ name: 'answer', correlationKey: 'E-2' } as any),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('boundary events', () => {
  const e = useEngine();

  test('given an interrupting timer boundary event, when the clock passes it, then the task is terminated (its job cancelled) and the timer path is taken', async () => {
    await pin(e.client, '2026-06-01T00:00:00Z');
    await deployAll(e.client, {
      'bd-timer.bpmn': b.process(
        'bd-timer',
        [
          b.start('Start'),
          b.service('Task_Check', 'bd-check'),
          b.boundary('Timer_Overdue', 'Task_Check', { timer: { duration: 'PT2H' } }),
          b.end('End'),
          b.end('End_Overdue'),
        ],
        ['Start > Task_Check > End', 'Timer_Overdue > End_Overdue'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-timer');
    const [job] = await jobs(e.client, 'bd-check');
    await pin(e.client, '2026-06-01T02:00:00Z');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining(['Task_Check:TERMINATED', 'Timer_Overdue:COMPLETED', 'End_Overdue:COMPLETED']),
    );
    await expect(complete(e.client, job)).rejects.toMatchObject({ status: 404 });
  });

  test('given a non-interrupting timer cycle R3/PT1H on a user task, when the task waits five hours, then the reminder path runs three times and the task stays open', async () => {
    await pin(e.client, '2026-06-01T00:00:00Z');
    await deployAll(e.client, {
      'bd-cycle.bpmn': b.process(
        'bd-cycle',
        [
          b.start('Start'),
          b.userTask('Task_Sign'),
          b.boundary('Timer_Remind', 'Task_Sign', { timer: { cycle: 'R3/PT1H' }, interrupting: false }),
          b.service('Task_Remind', 'bd-remind'),
          b.end('End'),
          b.end('End_Reminded'),
        ],
        ['Start > Task_Sign > End', 'Timer_Remind > Task_Remind > End_Reminded'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-cycle');
    await pin(e.client, '2026-06-01T01:00:00Z');
    expect(await jobs(e.client, 'bd-remind', 1, 86_400_000)).toHaveLength(1);
    await pin(e.client, '2026-06-01T05:00:00Z');
    expect(await activate(e.client, 'bd-remind')).toHaveLength(2);
    expect((await trail(e.client, pik)).filter((s) => s.startsWith('Timer_Remind'))).toHaveLength(3);
    expect(await userTasks(e.client, pik)).toHaveLength(1);
  });

  test('given an interrupting message boundary event, when the message is published, then the task is terminated', async () => {
    await deployAll(e.client, {
      'bd-msg.bpmn': b.process(
        'bd-msg',
        [
          b.start('Start'),
          b.userTask('Task_Review'),
          b.boundary('Msg_Withdrawn', 'Task_Review', {
            message: 'withdrawn',
            correlationKey: '=applicationNo',
          }),
          b.end('End'),
          b.end('End_Withdrawn'),
        ],
        ['Start > Task_Review > End', 'Msg_Withdrawn > End_Withdrawn'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-msg', { applicationNo: 'W-1' });
    await e.client.publishMessage({
      name: 'withdrawn',
      correlationKey: 'W-1',
      variables: { reason: 'moved' },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await userTasks(e.client, pik, 'CANCELED')).toHaveLength(1);
    expect((await variables(e.client, pik)).reason).toBe('moved');
  });

  test('given a non-interrupting message boundary event, when two messages arrive, then each starts the side path and the task keeps waiting', async () => {
    await deployAll(e.client, {
      'bd-msg-ni.bpmn': b.process(
        'bd-msg-ni',
        [
          b.start('Start'),
          b.userTask('Task_Review'),
          b.boundary('Msg_Note', 'Task_Review', {
            message: 'note',
            correlationKey: '=applicationNo',
            interrupting: false,
          }),
          b.service('Task_File', 'bd-file'),
          b.end('End'),
          b.end('End_Note'),
        ],
        ['Start > Task_Review > End', 'Msg_Note > Task_File > End_Note'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-msg-ni', { applicationNo: 'N-1' });
    await e.client.publishMessage({ name: 'note', correlationKey: 'N-1' } as any);
    await e.client.publishMessage({ name: 'note', correlationKey: 'N-1' } as any);
    expect(await jobs(e.client, 'bd-file', 2)).toHaveLength(2);
    expect(await userTasks(e.client, pik)).toHaveLength(1);
  });

  test('given an error boundary event, when the job throws a matching error, then the error path is taken and the error variables stay on the catch event unless mapped', async () => {
    await deployAll(e.client, {
      'bd-error.bpmn': b.process(
        'bd-error',
        [
          b.start('Start'),
          b.service('Task_Fee', 'bd-fee'),
          b.boundary('Error_Unpaid', 'Task_Fee', {
            error: 'FEE_NOT_PAID',
            outputs: [['=missing', 'missingAmount']],
          }),
          b.end('End'),
          b.end('End_Refused'),
        ],
        ['Start > Task_Fee > End', 'Error_Unpaid > End_Refused'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-error');
    const [job] = await jobs(e.client, 'bd-fee');
    await e.client.throwJobError({
      jobKey: job.jobKey,
      errorCode: 'FEE_NOT_PAID',
      errorMessage: 'no payment',
      variables: { missing: 500, detail: 'x' },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining(['Task_Fee:TERMINATED', 'Error_Unpaid:COMPLETED', 'End_Refused:COMPLETED']),
    );
    expect(await variables(e.client, pik)).toEqual({ missingAmount: 500 });
  });

  test('given no catch for the error code, when the job throws it, then an UNHANDLED_ERROR_EVENT incident is raised on the task', async () => {
    await deployAll(e.client, {
      'bd-error-other.bpmn': b.process(
        'bd-error-other',
        [
          b.start('Start'),
          b.service('Task_Fee', 'bd-fee2'),
          b.boundary('Error_Other', 'Task_Fee', { error: 'OTHER' }),
          b.end('End'),
          b.end('End_Other'),
        ],
        ['Start > Task_Fee > End', 'Error_Other > End_Other'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-error-other');
    const [job] = await jobs(e.client, 'bd-fee2');
    await e.client.throwJobError({ jobKey: job.jobKey, errorCode: 'FEE_NOT_PAID' } as any);
    expect((await incidents(e.client, pik))[0]).toMatchObject({
      errorType: 'UNHANDLED_ERROR_EVENT',
      elementId: 'Task_Fee',
    });
  });

  test('given a catch-all error boundary event, when any error is thrown, then it is caught', async () => {
    await deployAll(e.client, {
      'bd-error-all.bpmn': b.process(
        'bd-error-all',
        [
          b.start('Start'),
          b.service('Task_Fee', 'bd-fee3'),
          b.boundary('Error_Any', 'Task_Fee', { error: null }),
          b.end('End'),
          b.end('End_Any'),
        ],
        ['Start > Task_Fee > End', 'Error_Any > End_Any'],
      ),
    });
    const pik = await startInstance(e.client, 'bd-error-all');
    const [job] = await jobs(e.client, 'bd-fee3');
    await e.client.throwJobError({ jobKey: job.jobKey, errorCode: 'WHATEVER' } as any);
    expect(await trail(e.client, pik)).toContain('End_Any:COMPLETED');
  });
});

describe('sub-processes', () => {
  const e = useEngine();

  test('given an embedded sub-process, when its inner job completes, then the sub-process completes and local variables stay inside', async () => {
    await deployAll(e.client, {
      'sp-embedded.bpmn': b.process(
        'sp-embedded',
        [
          b.start('Start'),
          b.subProcess(
            'Sub_Check',
            [b.start('Sub_Start'), b.service('Task_Inner', 'sp-inner'), b.end('Sub_End')],
            ['Sub_Start > Task_Inner > Sub_End'],
            { inputs: [['="local"', 'scratch']] },
          ),
          b.end('End'),
        ],
        ['Start > Sub_Check > End'],
      ),
    });
    const pik = await startInstance(e.client, 'sp-embedded');
    const [job] = await jobs(e.client, 'sp-inner');
    expect(job.variables).toEqual({ scratch: 'local' });
    await complete(e.client, job, { checked: true });
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await variables(e.client, pik)).toEqual({ checked: true });
  });

  test('given an error end event inside a sub-process, when reached, then the error boundary event on the sub-process catches it', async () => {
    await deployAll(e.client, {
      'sp-error.bpmn': b.process(
        'sp-error',
        [
          b.start('Start'),
          b.subProcess(
            'Sub_Check',
            [b.start('Sub_Start'), b.end('Sub_Fail', { error: 'REJECTED' })],
            ['Sub_Start > Sub_Fail'],
          ),
          b.boundary('Error_Rejected', 'Sub_Check', { error: 'REJECTED' }),
          b.end('End'),
          b.end('End_Rejected'),
        ],
        ['Start > Sub_Check > End', 'Error_Rejected > End_Rejected'],
      ),
    });
    const pik = await startInstance(e.client, 'sp-error');
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining(['Sub_Check:TERMINATED', 'Error_Rejected:COMPLETED', 'End_Rejected:COMPLETED']),
    );
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given an interrupting timer event sub-process, when the clock passes it, then the main flow is terminated and the event sub-process completes the instance', async () => {
    await pin(e.client, '2026-07-01T00:00:00Z');
    await deployAll(e.client, {
      'esp-timer.bpmn': b.process(
        'esp-timer',
        [
          b.start('Start'),
          b.userTask('Task_Review'),
          b.end('End'),
          b.eventSubProcess(
            'Esp_Deadline',
            [
              b.start('Esp_Start', { timer: { duration: 'P10D' } }),
              b.service('Task_Escalate', 'esp-escalate'),
              b.end('Esp_End'),
            ],
            ['Esp_Start > Task_Escalate > Esp_End'],
          ),
        ],
        ['Start > Task_Review > End'],
      ),
    });
    const pik = await startInstance(e.client, 'esp-timer');
    await pin(e.client, '2026-07-11T00:00:00Z');
    const [job] = await jobs(e.client, 'esp-escalate');
    expect(await userTasks(e.client, pik, 'CANCELED')).toHaveLength(1);
    await complete(e.client, job);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given a non-interrupting message event sub-process, when the message arrives, then it runs beside the main flow, which still waits', async () => {
    await deployAll(e.client, {
      'esp-msg.bpmn': b.process(
        'esp-msg',
        [
          b.start('Start'),
          b.userTask('Task_Review'),
          b.end('End'),
          b.eventSubProcess(
            'Esp_Query',
            [
              b.start('Esp_Start', {
                message: 'status-query',
                correlationKey: '=applicationNo',
                interrupting: false,
              }),
              b.service('Task_Answer', 'esp-answer'),
              b.end('Esp_End'),
            ],
            ['Esp_Start > Task_Answer > Esp_End'],
          ),
        ],
        ['Start > Task_Review > End'],
      ),
    });
    const pik = await startInstance(e.client, 'esp-msg', { applicationNo: 'Q-1' });
    await e.client.publishMessage({
      name: 'status-query',
      correlationKey: 'Q-1',
      variables: { asked: true },
    } as any);
    const [job] = await jobs(e.client, 'esp-answer');
    await complete(e.client, job);
    expect(await userTasks(e.client, pik)).toHaveLength(1);
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    const [task] = await userTasks(e.client, pik);
    await e.client.completeUserTask({ userTaskKey: task.userTaskKey } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given an interrupting message event sub-process, when the message arrives, then the main flow is cancelled', async () => {
    await deployAll(e.client, {
      'esp-msg-int.bpmn': b.process(
        'esp-msg-int',
        [
          b.start('Start'),
          b.service('Task_Work', 'esp-work'),
          b.end('End'),
          b.eventSubProcess(
            'Esp_Cancel',
            [
              b.start('Esp_Start', { message: 'cancel-request', correlationKey: '=applicationNo' }),
              b.end('Esp_End'),
            ],
            ['Esp_Start > Esp_End'],
          ),
        ],
        ['Start > Task_Work > End'],
      ),
    });
    const pik = await startInstance(e.client, 'esp-msg-int', { applicationNo: 'X-1' });
    const [job] = await jobs(e.client, 'esp-work');
    await e.client.publishMessage({ name: 'cancel-request', correlationKey: 'X-1' } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining(['Task_Work:TERMINATED', 'Esp_End:COMPLETED']),
    );
    await expect(complete(e.client, job)).rejects.toMatchObject({ status: 404 });
  });

  test('given an error event sub-process, when a job throws the error, then the event sub-process handles it with the error variables', async () => {
    await deployAll(e.client, {
      'esp-error.bpmn': b.process(
        'esp-error',
        [
          b.start('Start'),
          b.service('Task_Work', 'esp-err-work'),
          b.end('End'),
          b.eventSubProcess(
            'Esp_Error',
            [
              b.start('Esp_Start', { error: 'BROKEN', outputs: [['=why', 'failure']] }),
              b.service('Task_Handle', 'esp-handle'),
              b.end('Esp_End'),
            ],
            ['Esp_Start > Task_Handle > Esp_End'],
          ),
        ],
        ['Start > Task_Work > End'],
      ),
    });
    const pik = await startInstance(e.client, 'esp-error');
    const [job] = await jobs(e.client, 'esp-err-work');
    await e.client.throwJobError({
      jobKey: job.jobKey,
      errorCode: 'BROKEN',
      variables: { why: 'disk' },
    } as any);
    const [h] = await jobs(e.client, 'esp-handle');
    expect(h.variables).toMatchObject({ failure: 'disk' });
    await complete(e.client, h);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });
});
