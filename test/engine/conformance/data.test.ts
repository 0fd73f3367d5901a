import * as b from '../../support/bpmn';
import {
  allVariables,
  complete,
  deployAll,
  elementKey,
  incidents,
  jobs,
  piState,
  startInstance,
  trail,
  useEngine,
  userTasks,
  variables,
  NOW,
} from './support';

describe('call activities', () => {
  const e = useEngine();
  const child = b.process(
    'ca-child',
    [b.start('Start'), b.service('Task_Child', 'ca-child-work'), b.end('End')],
    ['Start > Task_Child > End'],
  );

  test('given a call activity, when the child completes, then parent variables went in and child variables come out', async () => {
    await deployAll(e.client, {
      'ca-child.bpmn': child,
      'ca-parent.bpmn': b.process(
        'ca-parent',
        [b.start('Start'), b.callActivity('Call_Child', 'ca-child'), b.end('End')],
        ['Start > Call_Child > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ca-parent', { applicant: 'P' });
    const [job] = await jobs(e.client, 'ca-child-work');
    expect(job.variables).toEqual({ applicant: 'P' });
    expect(job.processInstanceKey).not.toBe(pik);
    const childPi: any = await e.client.getProcessInstance(
      { processInstanceKey: job.processInstanceKey } as any,
      NOW,
    );
    expect(childPi.parentProcessInstanceKey).toBe(pik);
    await complete(e.client, job, { outcome: 'granted', extra: 1 });
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await variables(e.client, pik)).toEqual({ applicant: 'P', outcome: 'granted', extra: 1 });
  });

  test('given propagateAllChildVariables=false and an output mapping, when the child completes, then only the mapped variable reaches the parent', async () => {
    await deployAll(e.client, {
      'ca-child.bpmn': child,
      'ca-parent2.bpmn': b.process(
        'ca-parent2',
        [
          b.start('Start'),
          b.callActivity('Call_Child', 'ca-child', {
            propagateAllChildVariables: false,
            outputs: [['=outcome', 'childOutcome']],
          }),
          b.end('End'),
        ],
        ['Start > Call_Child > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ca-parent2', { applicant: 'P' });
    const [job] = await jobs(e.client, 'ca-child-work');
    await complete(e.client, job, { outcome: 'refused', extra: 1 });
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await variables(e.client, pik)).toEqual({ applicant: 'P', childOutcome: 'refused' });
  });

  test('given propagateAllChildVariables=false without output mappings, when the child completes, then no child variable reaches the parent', async () => {
    await deployAll(e.client, {
      'ca-child.bpmn': child,
      'ca-parent3.bpmn': b.process(
        'ca-parent3',
        [
          b.start('Start'),
          b.callActivity('Call_Child', 'ca-child', { propagateAllChildVariables: false }),
          b.end('End'),
        ],
        ['Start > Call_Child > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ca-parent3', { applicant: 'P' });
    const [job] = await jobs(e.client, 'ca-child-work');
    await complete(e.client, job, { outcome: 'refused' });
    expect(await variables(e.client, pik)).toEqual({ applicant: 'P' });
  });

  test('given an error thrown in the child, when the parent has an error boundary on the call activity, then the parent catches it and the child is terminated', async () => {
    await deployAll(e.client, {
      'ca-child.bpmn': child,
      'ca-parent4.bpmn': b.process(
        'ca-parent4',
        [
          b.start('Start'),
          b.callActivity('Call_Child', 'ca-child'),
          b.boundary('Error_Child', 'Call_Child', { error: 'CHILD_FAILED' }),
          b.end('End'),
          b.end('End_Failed'),
        ],
        ['Start > Call_Child > End', 'Error_Child > End_Failed'],
      ),
    });
    const pik = await startInstance(e.client, 'ca-parent4');
    const [job] = await jobs(e.client, 'ca-child-work');
    await e.client.throwJobError({ jobKey: job.jobKey, errorCode: 'CHILD_FAILED' } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toContain('End_Failed:COMPLETED');
    expect(await piState(e.client, job.processInstanceKey)).toBe('TERMINATED');
  });

  test('given a call activity to an undeployed process, when reached, then a CALLED_ELEMENT_ERROR incident is raised', async () => {
    await deployAll(e.client, {
      'ca-missing.bpmn': b.process(
        'ca-missing',
        [b.start('Start'), b.callActivity('Call_Missing', 'ca-not-deployed'), b.end('End')],
        ['Start > Call_Missing > End'],
      ),
    });
    const pik = await startInstance(e.client, 'ca-missing');
    expect((await incidents(e.client, pik))[0]).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR',
      elementId: 'Call_Missing',
    });
  });
});

describe('multi-instance', () => {
  const e = useEngine();

  test.each([false, true])(
    'given a multi-instance service task (sequential=%p), when each job completes, then the output collection holds every result in input order',
    async (sequential) => {
      const id = `mi-${sequential ? 'seq' : 'par'}`;
      await deployAll(e.client, {
        [`${id}.bpmn`]: b.process(
          id,
          [
            b.start('Start'),
            b.service('Task_Check', `${id}-check`, {
              multiInstance: {
                sequential,
                inputCollection: '=members',
                inputElement: 'member',
                outputCollection: 'results',
                outputElement: '=verdict',
              },
            }),
            b.end('End'),
          ],
          ['Start > Task_Check > End'],
        ),
      });
      const pik = await startInstance(e.client, id, { members: ['a', 'b', 'c'] });
      const first = await jobs(e.client, `${id}-check`, sequential ? 1 : 3);
      expect(first.map((j) => j.variables.member)).toEqual(sequential ? ['a'] : ['a', 'b', 'c']);
      const seen: string[] = [];
      let pending = first;
      while (pending.length) {
        // Complete in reverse so the collection order cannot come from completion order.
        for (const j of [...pending].reverse()) {
          seen.push(j.variables.member);
          expect(j.variables.loopCounter).toBe(['a', 'b', 'c'].indexOf(j.variables.member) + 1);
          await complete(e.client, j, { verdict: `ok-${j.variables.member}` });
        }
        pending = seen.length < 3 ? await jobs(e.client, `${id}-check`, 1) : [];
      }
      expect(await piState(e.client, pik)).toBe('COMPLETED');
      expect((await variables(e.client, pik)).results).toEqual(['ok-a', 'ok-b', 'ok-c']);
      if (sequential) expect(seen).toEqual(['a', 'b', 'c']);
    },
  );

  test('given an empty input collection, when reached, then the multi-instance activity completes at once with an empty output', async () => {
    await deployAll(e.client, {
      'mi-empty.bpmn': b.process(
        'mi-empty',
        [
          b.start('Start'),
          b.service('Task_Check', 'mi-empty-check', {
            multiInstance: {
              inputCollection: '=members',
              inputElement: 'member',
              outputCollection: 'results',
              outputElement: '=verdict',
            },
          }),
          b.end('End'),
        ],
        ['Start > Task_Check > End'],
      ),
    });
    const pik = await startInstance(e.client, 'mi-empty', { members: [] });
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect((await variables(e.client, pik)).results).toEqual([]);
  });

  test('given an input collection that is not a list, when reached, then an EXTRACT_VALUE_ERROR incident is raised', async () => {
    await deployAll(e.client, {
      'mi-bad.bpmn': b.process(
        'mi-bad',
        [
          b.start('Start'),
          b.service('Task_Check', 'mi-bad-check', {
            multiInstance: { inputCollection: '=members', inputElement: 'member' },
          }),
          b.end('End'),
        ],
        ['Start > Task_Check > End'],
      ),
    });
    const pik = await startInstance(e.client, 'mi-bad', { members: 'nope' });
    expect((await incidents(e.client, pik))[0]).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      elementId: 'Task_Check',
    });
  });
});

describe('variables, mappings and scopes', () => {
  const e = useEngine();

  test('given input and output mappings with nested targets, when the job runs, then the worker sees only mapped inputs and outputs land under nested targets', async () => {
    await deployAll(e.client, {
      'var-io.bpmn': b.process(
        'var-io',
        [
          b.start('Start'),
          b.service('Task_Lookup', 'var-lookup', {
            inputs: [
              ['=applicant.iin', 'request.iin'],
              ['="kz"', 'request.country'],
            ],
            outputs: [
              ['=response.name', 'applicant.name'],
              ['=response.ok', 'checks.registry'],
            ],
          }),
          b.end('End'),
        ],
        ['Start > Task_Lookup > End'],
      ),
    });
    const pik = await startInstance(e.client, 'var-io', { applicant: { iin: '900101300123' } });
    const [job] = await jobs(e.client, 'var-lookup');
    expect(job.variables).toEqual({
      applicant: { iin: '900101300123' },
      request: { iin: '900101300123', country: 'kz' },
    });
    await complete(e.client, job, { response: { name: 'Aida', ok: true } });
    const root = await variables(e.client, pik);
    expect(root.checks).toEqual({ registry: true });
    expect(root).not.toHaveProperty('response');
    expect(root).not.toHaveProperty('request');
    // A nested target sets one property of an existing context and keeps the others.
    expect(root.applicant).toEqual({ iin: '900101300123', name: 'Aida' });
  });

  test('given a variable that exists in an enclosing sub-process, when a job inside sets it, then it is updated there and not created at the root', async () => {
    await deployAll(e.client, {
      'var-scope.bpmn': b.process(
        'var-scope',
        [
          b.start('Start'),
          b.subProcess(
            'Sub_Scope',
            [b.start('Sub_Start'), b.service('Task_Inner', 'var-inner'), b.end('Sub_End')],
            ['Sub_Start > Task_Inner > Sub_End'],
            { inputs: [['=0', 'attempts']] },
          ),
          b.service('Task_After', 'var-after'),
          b.end('End'),
        ],
        ['Start > Sub_Scope > Task_After > End'],
      ),
    });
    const pik = await startInstance(e.client, 'var-scope');
    const [job] = await jobs(e.client, 'var-inner');
    const subKey = await elementKey(e.client, pik, 'Sub_Scope');
    await complete(e.client, job, { attempts: 1, fresh: 'x' });
    const all = await allVariables(e.client, pik);
    expect(all).toEqual(
      expect.arrayContaining([
        { name: 'attempts', value: 1, scopeKey: subKey },
        { name: 'fresh', value: 'x', scopeKey: pik },
      ]),
    );
    expect(all.filter((v) => v.name === 'attempts')).toHaveLength(1);
    const [after] = await jobs(e.client, 'var-after');
    expect(after.variables).toEqual({ fresh: 'x' });
  });

  test('given a user task inside a sub-process, when it is completed and the sub-process goes on, then its variable search still sees its scope chain, inner scopes first', async () => {
    await deployAll(e.client, {
      'var-task-chain.bpmn': b.process(
        'var-task-chain',
        [
          b.start('Start'),
          b.subProcess(
            'Sub_Review',
            [
              b.start('Sub_Start'),
              b.userTask('Task_First', { inputs: [['="first-local"', 'note']] }),
              b.userTask('Task_Second'),
              b.end('Sub_End'),
            ],
            ['Sub_Start > Task_First > Task_Second > Sub_End'],
            { inputs: [['="review"', 'stage']] },
          ),
          b.end('End'),
        ],
        ['Start > Sub_Review > End'],
      ),
    });
    const pik = await startInstance(e.client, 'var-task-chain', { stage: 'intake', applicant: 'A-1' });
    const [first] = await userTasks(e.client, pik);
    const seen = async () => {
      const r: any = await e.client.searchUserTaskVariables({ userTaskKey: first.userTaskKey } as any, NOW);
      return Object.fromEntries(r.items.map((v: any) => [v.name, JSON.parse(v.value)]));
    };
    const whileOpen = await seen();
    await e.client.completeUserTask({ userTaskKey: first.userTaskKey, variables: { decision: 'ok' } } as any);
    expect(await userTasks(e.client, pik)).toHaveLength(1);
    // The sub-process's `stage` shadows the instance's, as it did while the task was open.
    expect(whileOpen).toEqual({ stage: 'review', applicant: 'A-1', note: 'first-local' });
    expect(await seen()).toEqual({ ...whileOpen, decision: 'ok' });
  });

  test('given an input-mapped local variable on a task, when the job completes with the same name, then the local variable is updated and the outer one is untouched', async () => {
    await deployAll(e.client, {
      'var-local.bpmn': b.process(
        'var-local',
        [
          b.start('Start'),
          b.service('Task_Count', 'var-count', { inputs: [['=10', 'limit']] }),
          b.end('End'),
        ],
        ['Start > Task_Count > End'],
      ),
    });
    const pik = await startInstance(e.client, 'var-local', { limit: 1 });
    const [job] = await jobs(e.client, 'var-count');
    expect(job.variables.limit).toBe(10);
    await complete(e.client, job, { limit: 11 });
    expect((await variables(e.client, pik)).limit).toBe(1);
  });

  test('given variables set on the instance via the API, when a later job runs, then it sees them', async () => {
    await deployAll(e.client, {
      'var-api.bpmn': b.process(
        'var-api',
        [b.start('Start'), b.userTask('Task_Wait'), b.service('Task_Use', 'var-use'), b.end('End')],
        ['Start > Task_Wait > Task_Use > End'],
      ),
    });
    const pik = await startInstance(e.client, 'var-api', { a: 1 });
    await e.client.createElementInstanceVariables({
      elementInstanceKey: pik,
      variables: { a: 2, b: 'x' },
    } as any);
    const [task] = (await e.client.searchUserTasks({ filter: { processInstanceKey: pik } } as any, NOW))
      .items as any[];
    await e.client.completeUserTask({ userTaskKey: task.userTaskKey } as any);
    const [job] = await jobs(e.client, 'var-use');
    expect(job.variables).toEqual({ a: 2, b: 'x' });
  });

  test('given instances with different variable values, when searching process instances by variables, then only the matching instance is found', async () => {
    await deployAll(e.client, {
      'var-search.bpmn': b.process(
        'var-search',
        [b.start('Start'), b.userTask('Task_Wait'), b.end('End')],
        ['Start > Task_Wait > End'],
      ),
    });
    const first = await startInstance(e.client, 'var-search', { applicationNumber: 'SEC-2026-000001' });
    await startInstance(e.client, 'var-search', { applicationNumber: 'SEC-2026-000002' });
    const found: any = await e.client.searchProcessInstances(
      {
        filter: {
          processDefinitionId: 'var-search',
          variables: [{ name: 'applicationNumber', value: JSON.stringify('SEC-2026-000001') }],
        },
      } as any,
      NOW,
    );
    expect(found.items.map((p: any) => p.processInstanceKey)).toEqual([first]);
  });

  // Camunda 8.8 REST API, POST /variables/search: "When true (default), long variable values in the
  // response are truncated. When false, full variable values are returned."
  test('given a short and a long variable, when searching variables, then the long value is truncated unless truncateValues is false', async () => {
    await deployAll(e.client, {
      'var-trunc.bpmn': b.process(
        'var-trunc',
        [b.start('Start'), b.userTask('Task_Wait'), b.end('End')],
        ['Start > Task_Wait > End'],
      ),
    });
    const long = 'ә'.repeat(9000);
    const pik = await startInstance(e.client, 'var-trunc', { short: 'Қорған', long });
    const search = async (truncateValues?: boolean) => {
      const found = await e.client.searchVariables(
        { filter: { processInstanceKey: pik }, sort: [{ field: 'name' }], truncateValues } as any,
        NOW,
      );
      return Object.fromEntries(found.items.map((v: any) => [v.name, v]));
    };
    const cut = await search();
    expect(cut.short).toMatchObject({ value: '"Қорған"', isTruncated: false, processInstanceKey: pik });
    expect(cut.long.isTruncated).toBe(true);
    expect(cut.long.value).toBe(JSON.stringify(long).slice(0, 8192));
    const full = await search(false);
    expect(full.long.value).toBe(JSON.stringify(long));
    expect(full.short.value).toBe('"Қорған"');
  });
});
