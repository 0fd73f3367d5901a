import { Camunda8 } from '@camunda8/sdk';
import * as b from '../../support/bpmn';
import { deployAll, jobs, rejection, useEngine, NOW } from './support';

/**
 * Camunda 8.8 process-instance tags: given on create (a set of at most 10 tags, each starting with a
 * letter followed by up to 99 alphanumerics, `_`, `-`, `:` or `.`), returned on the instance, on its
 * jobs and in searches, and filterable (an instance matches when it carries every given tag).
 */
describe('process-instance tags', () => {
  const e = useEngine();

  beforeAll(async () => {
    await deployAll(e.client, {
      'tags.bpmn': b.process(
        'tags-process',
        [b.start('Start'), b.service('Task_Review', 'tags-review'), b.end('End')],
        ['Start > Task_Review > End'],
      ),
    });
  });

  const create = (tags?: string[]) =>
    e.client.createProcessInstance({ processDefinitionId: 'tags-process', tags } as any) as Promise<any>;

  test('given tags on create, when the instance is read and its job activated, then both carry the tags', async () => {
    const r = await create(['service:A', 'region.Almaty', 'urgent']);
    expect([...r.tags].sort()).toEqual(['region.Almaty', 'service:A', 'urgent']);
    const pi: any = await e.client.getProcessInstance(
      { processInstanceKey: r.processInstanceKey } as any,
      NOW,
    );
    expect([...pi.tags].sort()).toEqual(['region.Almaty', 'service:A', 'urgent']);
    const [job] = await jobs(e.client, 'tags-review');
    expect(job.processInstanceKey).toBe(r.processInstanceKey);
    expect([...job.tags].sort()).toEqual(['region.Almaty', 'service:A', 'urgent']);
  });

  test('given instances with different tags, when searched by tags, then only those carrying every given tag match', async () => {
    const a = await create(['filter-A', 'filter-common']);
    const bKey = await create(['filter-B', 'filter-common']);
    await create();
    const search = async (tags: string[]) =>
      ((await e.client.searchProcessInstances({ filter: { tags } } as any, NOW)) as any).items
        .map((i: any) => i.processInstanceKey)
        .sort();
    expect(await search(['filter-common'])).toEqual([a.processInstanceKey, bKey.processInstanceKey].sort());
    expect(await search(['filter-common', 'filter-A'])).toEqual([a.processInstanceKey]);
    expect(await search(['filter-missing'])).toEqual([]);
  });

  test('given an instance without tags, when read, then its tags are empty', async () => {
    const r = await create();
    const pi: any = await e.client.getProcessInstance(
      { processInstanceKey: r.processInstanceKey } as any,
      NOW,
    );
    expect(pi.tags ?? []).toEqual([]);
  });

  test('given duplicate tags, when created, then they collapse into one (tags are a set)', async () => {
    const r = await create(['dup', 'dup']);
    expect(r.tags).toEqual(['dup']);
  });

  describe('invalid tags are rejected by the engine as Zeebe does (the request is sent unvalidated)', () => {
    let raw: any;
    beforeAll(() => {
      raw = new Camunda8({
        ZEEBE_REST_ADDRESS: e.t.running.address,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_SDK_VALIDATION: 'req:none,res:none',
        CAMUNDA_SDK_LOG_LEVEL: 'error',
      } as any).getOrchestrationClusterApiClient();
    });
    const detail = async (err: any) => (err.response?.json ? (await err.response.json()).detail : err.detail);

    test('given a tag that does not start with a letter, when created, then 400 names the tag and the format', async () => {
      const err = await rejection(
        raw.createProcessInstance({ processDefinitionId: 'tags-process', tags: ['1abc'] }),
      );
      expect(err).toMatchObject({ status: 400 });
      expect(await detail(err)).toMatch(
        /The provided tag '1abc' is not valid\. Tags must start with a letter/,
      );
    });

    test('given eleven tags, when created, then 400 says at most 10 tags', async () => {
      const tags = Array.from({ length: 11 }, (_, i) => `t${i}`);
      const err = await rejection(raw.createProcessInstance({ processDefinitionId: 'tags-process', tags }));
      expect(err).toMatchObject({ status: 400 });
      expect(await detail(err)).toMatch(/number of tags '11' is not supported.*more than 10 tags/);
    });

    test('given a tag of 101 characters, when created, then it is rejected; 100 characters are accepted', async () => {
      const long = 'a'.repeat(101);
      expect(
        await rejection(raw.createProcessInstance({ processDefinitionId: 'tags-process', tags: [long] })),
      ).toMatchObject({ status: 400 });
      const ok: any = await raw.createProcessInstance({
        processDefinitionId: 'tags-process',
        tags: ['a'.repeat(100)],
      });
      expect(ok.tags).toEqual(['a'.repeat(100)]);
    });
  });
});
