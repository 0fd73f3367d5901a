import * as b from '../../support/bpmn';
import {
  activate,
  complete,
  deployAll,
  incidents,
  jobs,
  piState,
  startInstance,
  trail,
  userTasks,
  useEngine,
  variables,
  NOW,
} from './support';

describe('tasks', () => {
  const e = useEngine();

  test.each([
    ['service', b.service('Task_Job', 'tk-service', { headers: { system: 'registry', mode: 'strict' } })],
    ['send', b.send('Task_Job', 'tk-send', { headers: { system: 'registry', mode: 'strict' } })],
    [
      'business-rule',
      b.businessRule('Task_Job', 'tk-business-rule', { headers: { system: 'registry', mode: 'strict' } }),
    ],
  ])(
    'given a %s task, when its job is completed, then the job carried the task headers and the result variables reach the instance',
    async (kind, task) => {
      const id = `tk-${kind}`;
      await deployAll(e.client, {
        [`${id}.bpmn`]: b.process(id, [b.start('Start'), task, b.end('End')], ['Start > Task_Job > End']),
      });
      const pik = await startInstance(e.client, id, { applicant: 'A' });
      const [job] = await jobs(e.client, `tk-${kind}`);
      expect(job).toMatchObject({
        type: `tk-${kind}`,
        elementId: 'Task_Job',
        retries: 3,
        customHeaders: { system: 'registry', mode: 'strict' },
        variables: { applicant: 'A' },
        processInstanceKey: pik,
      });
      await complete(e.client, job, { result: kind });
      expect(await piState(e.client, pik)).toBe('COMPLETED');
      expect(await variables(e.client, pik)).toEqual({ applicant: 'A', result: kind });
    },
  );

  test('given a script task with zeebe:script, when it is reached, then the FEEL result is stored in its resultVariable', async () => {
    await deployAll(e.client, {
      'script.bpmn': b.process(
        'tk-script',
        [b.start('Start'), b.script('Task_Fee', '=baseFee * count + 100', 'fee'), b.end('End')],
        ['Start > Task_Fee > End'],
      ),
    });
    const pik = await startInstance(e.client, 'tk-script', { baseFee: 1000, count: 3 });
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect((await variables(e.client, pik)).fee).toBe(3100);
  });

  test('given a script task whose expression reads a missing variable, when it is reached, then the result is null as in FEEL and the flow goes on', async () => {
    await deployAll(e.client, {
      'script-null.bpmn': b.process(
        'tk-script-null',
        [b.start('Start'), b.script('Task_Null', '=missing.field + 1', 'x'), b.end('End')],
        ['Start > Task_Null > End'],
      ),
    });
    const pik = await startInstance(e.client, 'tk-script-null');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await variables(e.client, pik)).toEqual({ x: null });
  });

  test('given a receive task, when the message arrives, then the task completes with the message variables', async () => {
    await deployAll(e.client, {
      'receive.bpmn': b.process(
        'tk-receive',
        [b.start('Start'), b.receive('Task_Receive', 'documents-uploaded', '=applicationNo'), b.end('End')],
        ['Start > Task_Receive > End'],
      ),
    });
    const pik = await startInstance(e.client, 'tk-receive', { applicationNo: 'R-1' });
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    await e.client.publishMessage({
      name: 'documents-uploaded',
      correlationKey: 'R-1',
      variables: { files: 2 },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect((await variables(e.client, pik)).files).toBe(2);
  });

  test('given a manual task and an undefined task, when reached, then they pass through', async () => {
    await deployAll(e.client, {
      'manual.bpmn': b.process(
        'tk-manual',
        [b.start('Start'), b.manual('Task_Manual'), { kind: 'task', id: 'Task_Plain' }, b.end('End')],
        ['Start > Task_Manual > Task_Plain > End'],
      ),
    });
    const pik = await startInstance(e.client, 'tk-manual');
    expect(await trail(e.client, pik)).toEqual([
      'Start:COMPLETED',
      'Task_Manual:COMPLETED',
      'Task_Plain:COMPLETED',
      'End:COMPLETED',
    ]);
  });
});

describe('Camunda user tasks', () => {
  const e = useEngine();
  const diagram = b.process(
    'ut-review',
    [
      b.start('Start'),
      b.userTask('Task_Review', {
        formId: 'ut-review-form',
        candidateGroups: '=groups',
        dueDate: '=deadline',
        priority: '=if urgent then 80 else 20',
      }),
      b.end('End'),
    ],
    ['Start > Task_Review > End'],
  );

  test('given a user task with a linked form, candidate groups, a due date expression and a priority, when it is created, then Tasklist sees all of them', async () => {
    await deployAll(e.client, {
      'ut-review.bpmn': diagram,
      'ut-review.form': b.form('ut-review-form', ['decision']),
    });
    const pik = await startInstance(e.client, 'ut-review', {
      groups: ['clerks', 'heads'],
      deadline: '2026-12-01T18:30:00+05:00',
      urgent: true,
    });
    const [task] = await userTasks(e.client, pik);
    expect(task).toMatchObject({
      elementId: 'Task_Review',
      candidateGroups: ['clerks', 'heads'],
      dueDate: '2026-12-01T18:30:00+05:00',
      priority: 80,
      state: 'CREATED',
    });
    const f: any = await e.client.getUserTaskForm({ userTaskKey: task.userTaskKey } as any, NOW);
    expect(f.formId).toBe('ut-review-form');
    expect(f.schema.components.map((c: any) => c.key)).toEqual(['decision']);
  });

  test('given an open user task, when it is assigned, reassigned and unassigned, then its assignee follows, and completion carries its variables', async () => {
    await deployAll(e.client, {
      'ut-review.bpmn': diagram,
      'ut-review.form': b.form('ut-review-form', ['decision']),
    });
    const pik = await startInstance(e.client, 'ut-review', {
      groups: 'clerks',
      deadline: '2026-12-01T18:30:00+05:00',
      urgent: false,
    });
    const [task] = await userTasks(e.client, pik);
    expect(task).toMatchObject({ candidateGroups: ['clerks'], priority: 20 });
    const assignee = async () =>
      ((await e.client.getUserTask({ userTaskKey: task.userTaskKey } as any, NOW)) as any).assignee;
    await e.client.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'clerk-1' } as any);
    expect(await assignee()).toBe('clerk-1');
    await e.client.assignUserTask({
      userTaskKey: task.userTaskKey,
      assignee: 'clerk-2',
      allowOverride: true,
    } as any);
    expect(await assignee()).toBe('clerk-2');
    await e.client.unassignUserTask({ userTaskKey: task.userTaskKey } as any);
    expect(await assignee()).toBeUndefined();
    await e.client.completeUserTask({
      userTaskKey: task.userTaskKey,
      variables: { decision: 'approve' },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect((await variables(e.client, pik)).decision).toBe('approve');
    expect(await userTasks(e.client, pik, 'COMPLETED')).toHaveLength(1);
  });

  test('given a user task assigned to someone, when another assignment disallows override, then it is rejected with 409', async () => {
    await deployAll(e.client, {
      'ut-review.bpmn': diagram,
      'ut-review.form': b.form('ut-review-form', ['decision']),
    });
    const pik = await startInstance(e.client, 'ut-review', {
      groups: 'clerks',
      deadline: '2026-12-01T18:30:00+05:00',
      urgent: false,
    });
    const [task] = await userTasks(e.client, pik);
    await e.client.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'clerk-1' } as any);
    await expect(
      e.client.assignUserTask({
        userTaskKey: task.userTaskKey,
        assignee: 'clerk-2',
        allowOverride: false,
      } as any),
    ).rejects.toMatchObject({ status: 409 });
  });

  test('given a user task whose form was not deployed, when it is reached, then a FORM_NOT_FOUND incident is raised', async () => {
    await deployAll(e.client, {
      'ut-noform.bpmn': b.process(
        'ut-noform',
        [b.start('Start'), b.userTask('Task_Review', { formId: 'ut-missing-form' }), b.end('End')],
        ['Start > Task_Review > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ut-noform');
    expect((await incidents(e.client, pik))[0]).toMatchObject({
      errorType: 'FORM_NOT_FOUND',
      elementId: 'Task_Review',
    });
  });

  test('given a completed user task, when it is completed again, then the request is rejected and nothing changes', async () => {
    await deployAll(e.client, {
      'ut-twice.bpmn': b.process(
        'ut-twice',
        [b.start('Start'), b.userTask('Task_Review'), b.end('End')],
        ['Start > Task_Review > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ut-twice');
    const [task] = await userTasks(e.client, pik);
    await e.client.completeUserTask({ userTaskKey: task.userTaskKey } as any);
    await expect(e.client.completeUserTask({ userTaskKey: task.userTaskKey } as any)).rejects.toMatchObject({
      status: 409,
    });
    expect(await activate(e.client, 'none')).toEqual([]);
  });
});
