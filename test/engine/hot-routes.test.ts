import { Camunda8 } from '@camunda8/sdk';
import { startEmbeddedEngine, RunningEngine } from '../../engine';
import * as b from '../support/bpmn';
import { CamundaClient, deploy, eventually, NOW } from '../support/engine-harness';

/**
 * The lean route (engine/api/hot-routes.ts) answers create instance, activate and complete jobs,
 * search and complete user tasks, and the variable and process-instance searches without Express. It must keep what Express applies to them: the
 * engine token, JSON only, the body limit and the same problem answers (back-pressure and answers
 * held until written are covered in limits.test.ts and group-commit.test.ts).
 */

const TOKEN = 'hot-routes-test-token-0123456789';
const LIMIT = 16 * 1024;
const ENVELOPE = 64 * 1024;

const diagrams = {
  'hot-job.bpmn': b.process(
    'hot-job',
    [b.start('Start'), b.service('Task_Work', 'hot-work'), b.end('End')],
    ['Start > Task_Work > End'],
  ),
  'hot-user.bpmn': b.process(
    'hot-user',
    [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'clerks' }), b.end('End')],
    ['Start > Task_Review > End'],
  ),
};

let engine: RunningEngine;
let client: CamundaClient;
const auth = { authorization: `Bearer ${TOKEN}` };
const json = { 'content-type': 'application/json', ...auth };

beforeAll(async () => {
  engine = await startEmbeddedEngine({
    dataDir: ':memory:',
    port: 0,
    token: TOKEN,
    limits: { maxMessageBytes: LIMIT },
  });
  client = new Camunda8({
    ZEEBE_REST_ADDRESS: engine.address,
    CAMUNDA_AUTH_STRATEGY: 'BASIC',
    CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
    CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  } as any).getOrchestrationClusterApiClient();
  await deploy(client, diagrams);
});
afterAll(() => engine?.close());

async function post(
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<{ status: number; type: string | null; json: any }> {
  const res = await fetch(`${engine.address}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: text ? JSON.parse(text) : undefined,
  };
}

/** An open job of `hot-job`, activated through the SDK. */
async function openJob(): Promise<string> {
  await client.createProcessInstance({ processDefinitionId: 'hot-job' } as any);
  const { jobs } = await client.activateJobs({
    type: 'hot-work',
    worker: 'hot-test',
    timeout: 60_000,
    maxJobsToActivate: 1,
  } as any);
  expect(jobs).toHaveLength(1);
  return String(jobs[0].jobKey);
}

const instances = () => engine.engine.queries.processInstanceCount();

describe('the lean route keeps what Express applies to the hot endpoints', () => {
  test('without the engine token, creating an instance or completing a job is refused 401 and changes nothing', async () => {
    const before = instances();
    const body = JSON.stringify({ processDefinitionId: 'hot-job' });
    const anonymous = await post('/v2/process-instances', body, { 'content-type': 'application/json' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ title: 'UNAUTHENTICATED', status: 401 });
    const wrong = await post('/v2/process-instances', body, {
      'content-type': 'application/json',
      authorization: 'Bearer not-the-token',
    });
    expect(wrong.status).toBe(401);
    expect(instances()).toBe(before);
    const job = await openJob();
    const complete = await post(`/v2/jobs/${job}/completion`, '{}', { 'content-type': 'application/json' });
    expect(complete.status).toBe(401);
    expect(engine.engine.queries.job(job)?.state).toBe('ACTIVATED');
  });

  test('a write that is not JSON is refused 415 and changes nothing', async () => {
    const before = instances();
    const body = JSON.stringify({ processDefinitionId: 'hot-job' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await post('/v2/process-instances', body, { ...auth, 'content-type': type });
      expect(res.status).toBe(415);
      expect(res.json.title).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(instances()).toBe(before);
    const job = await openJob();
    const res = await post(`/v2/jobs/${job}/completion`, '{}', { ...auth, 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(engine.engine.queries.job(job)?.state).toBe('ACTIVATED');
  });

  test('a body over the limit is refused 413 and creates nothing', async () => {
    const before = instances();
    const big = JSON.stringify({
      processDefinitionId: 'hot-job',
      variables: { text: 'x'.repeat(LIMIT + ENVELOPE) },
    });
    const res = await post('/v2/process-instances', big, json);
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ title: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(res.json.detail).toContain(`${LIMIT + ENVELOPE} bytes`);
    expect(instances()).toBe(before);
  });

  test('bad JSON and engine refusals get the same problem answer as the Express route of the same endpoint', async () => {
    // A trailing slash is not the lean route's: Express answers it (its routes ignore the slash).
    const job = await openJob();
    const cases: [string, string][] = [
      ['/v2/process-instances', '{"processDefinitionId": '],
      ['/v2/process-instances', '"hot-job"'],
      ['/v2/process-instances', '  7'],
      ['/v2/process-instances', '   '],
      ['/v2/process-instances', JSON.stringify({ processDefinitionId: 'no-such-process' })],
      ['/v2/process-instances', JSON.stringify({ processDefinitionId: 'hot-job', fetchVariables: 'a' })],
      ['/v2/jobs/activation', JSON.stringify({ type: 'hot-work', timeout: 1000 })],
      ['/v2/jobs/2251799813685249/completion', '{}'],
      [`/v2/jobs/${job}/completion`, JSON.stringify({ variables: [1] })],
      ['/v2/user-tasks/2251799813685249/completion', '{}'],
      ['/v2/user-tasks/search', JSON.stringify({ filter: [] })],
      ['/v2/user-tasks/search', JSON.stringify({ page: { limit: -1 } })],
      ['/v2/process-instances/search', JSON.stringify({ filter: [] })],
    ];
    for (const [path, body] of cases) {
      const lean = await post(path, body, json);
      const express = await post(`${path}/`, body, json);
      expect(lean.status).toBeGreaterThanOrEqual(400);
      expect({ ...lean, json: { ...lean.json, instance: path } }).toEqual({
        ...express,
        json: { ...express.json, instance: path },
      });
      expect(lean.json.instance).toBe(path);
    }
    expect(engine.engine.queries.job(job)?.state).toBe('ACTIVATED');
  });

  test('an instance runs through the lean endpoints as through Express, with the same answers', async () => {
    const created = await post(
      '/v2/process-instances',
      JSON.stringify({ processDefinitionId: 'hot-user' }),
      json,
    );
    const viaExpress = await post(
      '/v2/process-instances/',
      JSON.stringify({ processDefinitionId: 'hot-user' }),
      json,
    );
    expect(created.status).toBe(200);
    expect(created.type).toBe('application/json; charset=utf-8');
    expect(Object.keys(created.json).sort()).toEqual(Object.keys(viaExpress.json).sort());
    const key = String(created.json.processInstanceKey);
    const search = JSON.stringify({ filter: { processInstanceKey: key, state: 'CREATED' } });
    const tasks = await eventually(
      () => post('/v2/user-tasks/search', search, json),
      (found) => found.json.items.length === 1,
    );
    expect(tasks).toEqual(await post('/v2/user-tasks/search/', search, json));
    const done = await post(
      `/v2/user-tasks/${tasks.json.items[0].userTaskKey}/completion`,
      JSON.stringify({ variables: { approved: true } }),
      json,
    );
    expect(done.status).toBe(204);
    await eventually(
      () => client.getProcessInstance({ processInstanceKey: key } as any, NOW),
      (pi: any) => pi.state === 'COMPLETED',
    );
  });

  test('the operations list’s process-instance search answers through the lean route as through Express', async () => {
    const number = `A-${Date.now()}`;
    const created = await post(
      '/v2/process-instances',
      JSON.stringify({ processDefinitionId: 'hot-user', variables: { applicationNumber: number } }),
      json,
    );
    expect(created.status).toBe(200);
    const byNumber = JSON.stringify({
      filter: {
        processDefinitionId: 'hot-user',
        variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }],
      },
      page: { limit: 1 },
    });
    const lean = await eventually(
      () => post('/v2/process-instances/search', byNumber, json),
      (found) => found.json.items.length === 1,
    );
    expect(lean.type).toBe('application/json; charset=utf-8');
    expect(String(lean.json.items[0].processInstanceKey)).toBe(String(created.json.processInstanceKey));
    expect(lean).toEqual(await post('/v2/process-instances/search/', byNumber, json));
    const newest = JSON.stringify({
      filter: { processDefinitionId: { $in: ['hot-user', 'hot-job'] } },
      sort: [{ field: 'startDate', order: 'DESC' }],
      page: { from: 0, limit: 50 },
    });
    expect(await post('/v2/process-instances/search', newest, json)).toEqual(
      await post('/v2/process-instances/search/', newest, json),
    );
  });

  test('the worklist’s variable search answers through the lean route as through Express, long values cut', async () => {
    const created = await post(
      '/v2/process-instances',
      JSON.stringify({
        processDefinitionId: 'hot-user',
        variables: { short: 'Қорған', long: 'x'.repeat(9000) },
      }),
      json,
    );
    expect(created.status).toBe(200);
    const key = String(created.json.processInstanceKey);
    const search = JSON.stringify({ filter: { processInstanceKey: key }, sort: [{ field: 'name' }] });
    const lean = await eventually(
      () => post('/v2/variables/search', search, json),
      (found) => found.json.items.length === 2,
    );
    expect(lean).toEqual(await post('/v2/variables/search/', search, json));
    expect(lean.json.items.map((v: any) => [v.name, v.isTruncated, v.value.length])).toEqual([
      ['long', true, 8192],
      ['short', false, '"Қорған"'.length],
    ]);
  });
});
