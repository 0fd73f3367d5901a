import * as b from '../../support/bpmn';
import {
  active,
  complete,
  deployAll,
  jobs,
  piState,
  rejection,
  startInstance,
  useEngine,
  NOW,
} from './support';

/**
 * Camunda 8.8 "Process instance migration" (REST POST /v2/process-instances/{key}/migration): every
 * active element is mapped to an element of the same type in the target definition; the instance
 * then continues on the target; a missing mapping, a non-existing target element or a different
 * element type rejects the command and changes nothing.
 */
describe('process-instance migration', () => {
  const e = useEngine();
  let v1: string;
  let v2: string;

  const keyOf = (d: any) =>
    (d.processes ?? d.deployments.map((x: any) => x.processDefinition))[0].processDefinitionKey;

  beforeAll(async () => {
    v1 = keyOf(
      await deployAll(e.client, {
        'mig.bpmn': b.process(
          'mig',
          [b.start('Start'), b.service('Task_Check', 'mig-check'), b.end('End')],
          ['Start > Task_Check > End'],
        ),
      }),
    );
    v2 = keyOf(
      await deployAll(e.client, {
        'mig.bpmn': b.process(
          'mig',
          [b.start('Start'), b.service('Task_Verify', 'mig-check'), b.userTask('Task_Approve'), b.end('End')],
          ['Start > Task_Verify > Task_Approve > End'],
        ),
      }),
    );
  });

  const migrate = (processInstanceKey: string, mappingInstructions: unknown[], target = v2) =>
    e.client.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: target,
      mappingInstructions,
    } as any);

  test('given an instance waiting at a mapped task, when migrated, then its job belongs to the target and the instance continues on the target', async () => {
    const pik = (
      (await e.client.createProcessInstance({ processDefinitionKey: v1, variables: { a: 1 } } as any)) as any
    ).processInstanceKey;
    await migrate(pik, [{ sourceElementId: 'Task_Check', targetElementId: 'Task_Verify' }]);
    const pi: any = await e.client.getProcessInstance({ processInstanceKey: pik } as any, NOW);
    expect(pi).toMatchObject({ processDefinitionKey: v2, processDefinitionVersion: 2 });
    expect(await active(e.client, pik)).toEqual(['Task_Verify']);
    const [job] = await jobs(e.client, 'mig-check');
    expect(job).toMatchObject({
      elementId: 'Task_Verify',
      processDefinitionKey: v2,
      processDefinitionVersion: 2,
    });
    await complete(e.client, job);
    expect(await active(e.client, pik)).toEqual(['Task_Approve']);
    expect(await piState(e.client, pik)).toBe('ACTIVE');
  });

  test('given an active element without a mapping, when migrated, then 400 and the instance stays on its definition', async () => {
    const pik = ((await e.client.createProcessInstance({ processDefinitionKey: v1 } as any)) as any)
      .processInstanceKey;
    const err = await rejection(migrate(pik, []));
    expect(err).toMatchObject({ status: 400 });
    const pi: any = await e.client.getProcessInstance({ processInstanceKey: pik } as any, NOW);
    expect(pi.processDefinitionKey).toBe(v1);
  });

  test('given a mapping to an element of another type, when migrated, then 400', async () => {
    const pik = ((await e.client.createProcessInstance({ processDefinitionKey: v1 } as any)) as any)
      .processInstanceKey;
    const err = await rejection(
      migrate(pik, [{ sourceElementId: 'Task_Check', targetElementId: 'Task_Approve' }]),
    );
    expect(err).toMatchObject({ status: 400 });
  });

  test('given a non-existing target element or definition, when migrated, then 400 or 404', async () => {
    const pik = await startInstance(e.client, 'mig');
    expect(
      await rejection(migrate(pik, [{ sourceElementId: 'Task_Verify', targetElementId: 'No_Such' }])),
    ).toMatchObject({ status: 400 });
    expect(
      await rejection(
        migrate(
          pik,
          [{ sourceElementId: 'Task_Verify', targetElementId: 'Task_Verify' }],
          '2251799813699999',
        ),
      ),
    ).toMatchObject({ status: 404 });
  });
});
