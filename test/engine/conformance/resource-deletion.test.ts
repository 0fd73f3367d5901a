import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as b from '../../support/bpmn';
import { startTestEngine, TestEngine } from '../../support/engine-harness';
import { deployAll, jobs, complete, rejection, useEngine, NOW, pin } from './support';

/**
 * Camunda 8.8 REST "Delete resource" (POST /v2/resources/{resourceKey}/deletion) and the
 * "Resource deletion" concept: a process definition or form is deleted from the runtime state; no
 * new instance can be created for a deleted definition (NOT_FOUND); deleting the latest version makes
 * the previous one the latest again; a version number is never reused; a definition with running
 * instances cannot be deleted (INVALID_STATE); an unknown key is NOT_FOUND.
 */
describe('resource deletion', () => {
  const e = useEngine();

  const proc = (id: string, task: string) =>
    b.process(
      id,
      [b.start('Start'), b.service('Task_Work', task), b.end('End')],
      ['Start > Task_Work > End'],
    );

  const versions = async (id: string) =>
    (
      (await e.client.searchProcessDefinitions({ filter: { processDefinitionId: id } } as any, NOW)) as any
    ).items
      .map((p: any) => p.version)
      .sort();

  const keyOf = (d: any) =>
    (d.processes ?? d.deployments.map((x: any) => x.processDefinition))[0].processDefinitionKey;

  test('given a deployed definition without running instances, when deleted, then it is gone and instances of it cannot be created', async () => {
    const d = await deployAll(e.client, { 'del-a.bpmn': proc('del-a', 'del-a-work') });
    const key = keyOf(d);
    await e.client.deleteResource({ resourceKey: key } as any);
    expect(await versions('del-a')).toEqual([]);
    const err = await rejection(e.client.createProcessInstance({ processDefinitionKey: key } as any));
    expect(err).toMatchObject({ status: 404 });
    const byId = await rejection(e.client.createProcessInstance({ processDefinitionId: 'del-a' } as any));
    expect(byId).toMatchObject({ status: 404 });
  });

  test('given two versions, when the latest is deleted, then the previous one is the latest again and a redeploy gets a new version number', async () => {
    await deployAll(e.client, { 'del-b.bpmn': proc('del-b', 'del-b-v1') });
    const v2 = keyOf(await deployAll(e.client, { 'del-b.bpmn': proc('del-b', 'del-b-v2') }));
    expect(await versions('del-b')).toEqual([1, 2]);
    await e.client.deleteResource({ resourceKey: v2 } as any);
    expect(await versions('del-b')).toEqual([1]);
    const pi: any = await e.client.createProcessInstance({ processDefinitionId: 'del-b' } as any);
    expect(pi.processDefinitionVersion).toBe(1);
    const [job] = await jobs(e.client, 'del-b-v1');
    await complete(e.client, job);
    // The same XML as the deleted version 2 is deployed as version 3: versions are never reused.
    await deployAll(e.client, { 'del-b.bpmn': proc('del-b', 'del-b-v2') });
    expect(await versions('del-b')).toEqual([1, 3]);
  });

  test('given a running instance of a definition, when it is deleted, then 409 INVALID_STATE and nothing is deleted', async () => {
    const key = keyOf(await deployAll(e.client, { 'del-c.bpmn': proc('del-c', 'del-c-work') }));
    await e.client.createProcessInstance({ processDefinitionId: 'del-c' } as any);
    const err = await rejection(e.client.deleteResource({ resourceKey: key } as any));
    expect(err).toMatchObject({ status: 409 });
    expect(await versions('del-c')).toEqual([1]);
    const [job] = await jobs(e.client, 'del-c-work');
    await complete(e.client, job);
    await e.client.deleteResource({ resourceKey: key } as any);
    expect(await versions('del-c')).toEqual([]);
  });

  test("given the latest version with a timer start event is deleted, then the previous version's timer start event is armed again", async () => {
    await pin(e.client, '2026-05-01T00:00:00Z');
    const timerProc = (task: string) =>
      b.process(
        'del-timer',
        [
          b.start('Start', { timer: { date: '2026-05-02T00:00:00Z' } }),
          b.service('Task_Work', task),
          b.end('End'),
        ],
        ['Start > Task_Work > End'],
      );
    await deployAll(e.client, { 'del-timer.bpmn': timerProc('del-timer-v1') });
    const v2 = keyOf(await deployAll(e.client, { 'del-timer.bpmn': timerProc('del-timer-v2') }));
    await e.client.deleteResource({ resourceKey: v2 } as any);
    await pin(e.client, '2026-05-02T00:00:01Z');
    const [job] = await jobs(e.client, 'del-timer-v1');
    expect(job.processDefinitionVersion).toBe(1);
  });

  test('given a deployed form, when deleted, then it is no longer found', async () => {
    const d = await deployAll(e.client, { 'del-form.form': b.form('del-form') });
    const formKey = (d.forms ?? d.deployments.map((x: any) => x.form))[0].formKey;
    await e.client.deleteResource({ resourceKey: formKey } as any);
    const again = await rejection(e.client.deleteResource({ resourceKey: formKey } as any));
    expect(again).toMatchObject({ status: 404 });
  });

  test('given an unknown key, when deleted, then 404', async () => {
    expect(
      await rejection(e.client.deleteResource({ resourceKey: '2251799813699999' } as any)),
    ).toMatchObject({
      status: 404,
    });
  });
});

describe('resource deletion across a restart', () => {
  test('given a deleted latest version, when the engine restarts and the process is deployed again, then the deleted version number is not reused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'engine-deletion-'));
    const proc = (task: string) =>
      b.process(
        'del-restart',
        [b.start('Start'), b.service('Task_Work', task), b.end('End')],
        ['Start > Task_Work > End'],
      );
    const versionsOf = async (t: TestEngine) =>
      (
        (await t.client.searchProcessDefinitions(
          { filter: { processDefinitionId: 'del-restart' } } as any,
          NOW,
        )) as any
      ).items
        .map((p: any) => p.version)
        .sort();
    try {
      let t = await startTestEngine({ dataDir: dir });
      await deployAll(t.client, { 'r.bpmn': proc('del-restart-v1') });
      const d2: any = await deployAll(t.client, { 'r.bpmn': proc('del-restart-v2') });
      await t.client.deleteResource({
        resourceKey: (d2.processes ?? d2.deployments.map((x: any) => x.processDefinition))[0]
          .processDefinitionKey,
      } as any);
      await t.close();
      t = await startTestEngine({ dataDir: dir });
      expect(await versionsOf(t)).toEqual([1]);
      await deployAll(t.client, { 'r.bpmn': proc('del-restart-v3') });
      expect(await versionsOf(t)).toEqual([1, 3]);
      await t.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
