import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { startEmbeddedEngine, RunningEngine } from '../../engine';
import { createEngineApp } from '../../engine/api/app';
import { Engine } from '../../engine/runtime/engine';
import { openSqliteStore, RecordStore } from '../../engine/store/sqlite-store';
import { orchestrationClient } from '../../config/camunda';
import { loadConfig } from '../../config/schema';
import * as b from '../support/bpmn';
import { CamundaClient, deploy, eventually, NOW } from '../support/engine-harness';

/**
 * Limits of the embedded engine (Zeebe's 4 MB maxMessageSize, here lowered to 64 KiB so tests stay
 * small), failed commits that leave no trace, JSON-only writes, the engine token and back-pressure.
 */

const LIMIT = 64 * 1024;
const SIZE_LIMITS = { maxMessageBytes: LIMIT, feelTimeoutMs: 300 };
const TOKEN = 'limits-test-engine-token-0123456789';

const diagrams = {
  'limit-job.bpmn': b.process(
    'limit-job',
    [b.start('Start'), b.service('Task_Lookup', 'limit-lookup'), b.end('End')],
    ['Start > Task_Lookup > End'],
  ),
  'limit-feel.bpmn': b.process(
    'limit-feel',
    [
      b.start('Start'),
      // ~82 KB of text: more than the 64 KiB limit.
      b.script('Script_Big', `=string join(for i in 1..2000 return "${'x'.repeat(40)}", "")`, 'big'),
      b.end('End'),
    ],
    ['Start > Script_Big > End'],
  ),
  'limit-loop.bpmn': b.process(
    'limit-loop',
    [
      b.start('Start'),
      // Tens of millions of iterations: seconds of CPU and gigabytes without a time limit.
      b.script('Script_Loop', '=count(for i in 1..50000000 return i)', 'n'),
      b.end('End'),
    ],
    ['Start > Script_Loop > End'],
  ),
  'limit-user.bpmn': b.process(
    'limit-user',
    [b.start('Start'), b.userTask('Task_Review', { candidateGroups: 'clerks' }), b.end('End')],
    ['Start > Task_Review > End'],
  ),
};

const tmpDirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-limits-'));
  tmpDirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function sdk(address: string, extra: Record<string, string> = {}): CamundaClient {
  return new Camunda8({
    ZEEBE_REST_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
    ...extra,
  } as any).getOrchestrationClusterApiClient();
}

async function call(
  address: string,
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; json: any }> {
  const res = await fetch(`${address}${urlPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

describe('size limits (Zeebe maxMessageSize)', () => {
  let engine: RunningEngine;
  let dataDir: string;
  let client: CamundaClient;
  beforeAll(async () => {
    dataDir = tmpDir();
    engine = await startEmbeddedEngine({
      dataDir,
      port: 0,
      limits: SIZE_LIMITS,
    });
    client = sdk(engine.address);
    await deploy(client, diagrams);
  });
  afterAll(() => engine?.close());

  test('a job completion whose variables exceed the limit is refused with 400, stays unwritten, and the engine restarts clean', async () => {
    await client.createProcessInstance({ processDefinitionId: 'limit-job' } as any);
    const [job] = (
      await client.activateJobs({
        type: 'limit-lookup',
        maxJobsToActivate: 1,
        timeout: 60_000,
        worker: 't',
      } as any)
    ).jobs as any[];
    // 100 KB of variables: within the request envelope, over the variable limit.
    const huge = { report: 'y'.repeat(100 * 1024) };
    const refused = await call(engine.address, 'POST', `/v2/jobs/${job.jobKey}/completion`, {
      variables: huge,
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ title: 'INVALID_ARGUMENT', status: 400 });
    expect(refused.json.detail).toMatch(/more than the limit of 65536 bytes/);
    // A body beyond limit + envelope is not even read.
    const tooBig = await call(engine.address, 'POST', `/v2/jobs/${job.jobKey}/completion`, {
      variables: { report: 'y'.repeat(300 * 1024) },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.title).toBe('PAYLOAD_TOO_LARGE');
    // The engine is still up and the job still open.
    expect((await call(engine.address, 'GET', '/v2/topology')).status).toBe(200);
    expect(engine.engine.queries.job(String(job.jobKey))!.state).toBe('ACTIVATED');
    // After a restart nothing of the refused completion is there, and the job can be completed normally.
    await engine.close();
    engine = await startEmbeddedEngine({ dataDir, port: 0, limits: SIZE_LIMITS });
    client = sdk(engine.address);
    expect(engine.engine.queries.variables().some((v) => v.name === 'report')).toBe(false);
    await client.completeJob({ jobKey: job.jobKey, variables: { report: 'short' } } as any);
    await eventually(
      () => client.getProcessInstance({ processInstanceKey: job.processInstanceKey } as any, NOW),
      (pi: any) => pi.state === 'COMPLETED',
    );
  });

  test('a script task whose FEEL result exceeds the limit becomes an incident naming the limit; nothing oversized is stored', async () => {
    const pi = await client.createProcessInstance({ processDefinitionId: 'limit-feel' } as any);
    const incidents = await eventually(
      () =>
        client.searchIncidents({ filter: { processInstanceKey: pi.processInstanceKey } } as any, NOW) as any,
      (r: any) => r.items.length === 1,
    );
    expect((incidents as any).items[0].errorMessage).toMatch(
      /the result is \d+ bytes, more than the limit of 65536/,
    );
    expect(engine.engine.queries.variables().some((v) => v.name === 'big')).toBe(false);
  });

  test('a script task whose FEEL runs longer than the time limit becomes an incident; the engine stays responsive', async () => {
    const started = Date.now();
    const pi = await client.createProcessInstance({ processDefinitionId: 'limit-loop' } as any);
    const incidents = (await client.searchIncidents(
      { filter: { processInstanceKey: pi.processInstanceKey } } as any,
      NOW,
    )) as any;
    expect(incidents.items).toHaveLength(1);
    expect(incidents.items[0].errorMessage).toMatch(/took longer than the limit of 300 ms/);
    // Interrupted at the limit, not after the seconds the loop would take.
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await call(engine.address, 'GET', '/v2/topology')).status).toBe(200);
  });

  test('a deployment with a DOCTYPE/ENTITY declaration is refused (XML entity expansion)', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${diagrams['limit-job.bpmn'].replace(/^<\?xml[^>]*>/, '')}`;
    const form = new FormData();
    form.append('resources', new Blob([bomb]), 'bomb.bpmn');
    const res = await fetch(`${engine.address}/v2/deployments`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).detail).toMatch(/DOCTYPE and ENTITY declarations are not allowed/);
  });

  test('a deployment larger than the limit is refused with 413', async () => {
    const form = new FormData();
    const padded = diagrams['limit-job.bpmn'].replace(
      '</bpmn:definitions>',
      `<!-- ${'p'.repeat(LIMIT)} --></bpmn:definitions>`,
    );
    form.append('resources', new Blob([padded]), 'padded.bpmn');
    const res = await fetch(`${engine.address}/v2/deployments`, { method: 'POST', body: form });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).title).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('a failed commit leaves no trace (disk full)', () => {
  test('a create answered 500 "disk is full" is not written later: the retry makes exactly one instance', async () => {
    const dir = tmpDir();
    let failNextCommits = 0;
    const wrap = (inner: RecordStore): RecordStore => ({
      ...inner,
      commit(changes, meta, index) {
        if (failNextCommits > 0) {
          failNextCommits--;
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        }
        inner.commit(changes, meta, index);
      },
    });
    const open = async () => {
      const engine = new Engine({ store: wrap(openSqliteStore(dir)) });
      await engine.start();
      const server = http.createServer(createEngineApp(engine));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const close = async () => {
        engine.close();
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      };
      return { engine, address, close };
    };
    let e = await open();
    try {
      const client = sdk(e.address);
      await deploy(client, { 'limit-user.bpmn': diagrams['limit-user.bpmn'] });
      failNextCommits = 1;
      const failed = await call(e.address, 'POST', '/v2/process-instances', {
        processDefinitionId: 'limit-user',
      });
      expect(failed.status).toBe(500);
      expect(failed.json.detail).toMatch(/disk is full; the command was not applied/);
      expect(e.engine.queries.processInstances()).toHaveLength(0);
      // The client retries once space is back; a later command must not carry the failed one along.
      const retried = await call(e.address, 'POST', '/v2/process-instances', {
        processDefinitionId: 'limit-user',
      });
      expect(retried.status).toBe(200);
      const tasks = e.engine.queries.userTasks();
      expect(tasks).toHaveLength(1);
      await client.assignUserTask({ userTaskKey: tasks[0].key, assignee: 'clerk' } as any);
      expect(e.engine.queries.processInstances()).toHaveLength(1);
      // A failed activation does not hand out the job: it stays as stored.
      await e.close();
      e = await open();
      expect(e.engine.queries.processInstances().map((p) => p.key)).toEqual([
        retried.json.processInstanceKey,
      ]);
      expect(e.engine.queries.userTasks().map((t) => t.assignee)).toEqual(['clerk']);
    } finally {
      await e.close();
    }
  });
});

test('a due timer on a full disk is retried about once a second, not in a tight loop, and fires once space is back', async () => {
  let failing = false;
  let attempts = 0;
  const inner = openSqliteStore(':memory:');
  const store: RecordStore = {
    ...inner,
    commit(changes, meta, index) {
      if (failing) {
        attempts++;
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }
      inner.commit(changes, meta, index);
    },
  };
  const logs: string[] = [];
  const engine = new Engine({ store, lint: false, log: (m) => logs.push(m) });
  await engine.start();
  try {
    await engine.deploy([
      {
        name: 'limit-timer.bpmn',
        content: b.process(
          'limit-timer',
          [b.start('Start'), b.catchEvent('Timer_Wait', { timer: { duration: 'PT0.2S' } }), b.end('End')],
          ['Start > Timer_Wait > End'],
        ),
      },
    ]);
    const pi = engine.createProcessInstance({ bpmnProcessId: 'limit-timer' });
    failing = true;
    await new Promise((r) => setTimeout(r, 2500));
    expect(attempts).toBeGreaterThan(0);
    expect(attempts).toBeLessThanOrEqual(5);
    expect(logs.filter((l) => l.startsWith('timer processing failed'))).toHaveLength(1);
    failing = false;
    await eventually(
      // A finished instance leaves memory: its state is read from the search tables, as the API does.
      async () => engine.queries.searchTables('latest').get('processInstance', pi.key)?.state,
      (s) => s === 'COMPLETED',
      5000,
    );
  } finally {
    engine.close();
  }
});

describe('JSON-only writes and the engine token (cross-site requests)', () => {
  let engine: RunningEngine;
  afterEach(() => engine?.close());

  test('a text/plain POST, as any web page can send across sites, cannot cancel an instance: 415', async () => {
    engine = await startEmbeddedEngine({ dataDir: ':memory:', port: 0 });
    const client = sdk(engine.address);
    await deploy(client, { 'limit-user.bpmn': diagrams['limit-user.bpmn'] });
    const pi = await client.createProcessInstance({ processDefinitionId: 'limit-user' } as any);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await call(
        engine.address,
        'POST',
        `/v2/process-instances/${pi.processInstanceKey}/cancellation`,
        '{}',
        {
          'content-type': type,
        },
      );
      expect(res.status).toBe(415);
      expect(res.json.title).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    // Without a Content-Type a body-carrying write is refused as well.
    const bare = await fetch(`${engine.address}/v2/process-instances/${pi.processInstanceKey}/cancellation`, {
      method: 'POST',
      body: new Uint8Array([123, 125]),
    });
    expect(bare.status).toBe(415);
    expect(
      (await client.getProcessInstance({ processInstanceKey: pi.processInstanceKey } as any, NOW)).state,
    ).toBe('ACTIVE');
    // The SDK's own writes (JSON, or body-less ones like clock reset) pass.
    await client.resetClock();
    await client.cancelProcessInstance({ processInstanceKey: pi.processInstanceKey } as any);
    expect(
      (await client.getProcessInstance({ processInstanceKey: pi.processInstanceKey } as any, NOW)).state,
    ).toBe('TERMINATED');
  });

  test('with a token, requests without it get 401; Bearer and the SDK (BASIC with the token as password) pass', async () => {
    engine = await startEmbeddedEngine({ dataDir: ':memory:', port: 0, token: TOKEN });
    const anonymous = await call(engine.address, 'POST', '/v2/process-instances/search', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.title).toBe('UNAUTHENTICATED');
    const wrong = await call(engine.address, 'GET', '/v2/topology', undefined, {
      authorization: 'Bearer nope',
    });
    expect(wrong.status).toBe(401);
    const bearer = await call(
      engine.address,
      'POST',
      '/v2/process-instances/search',
      {},
      {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
      },
    );
    expect(bearer.status).toBe(200);
    const client = sdk(engine.address, {
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
      CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
    });
    await deploy(client, { 'limit-user.bpmn': diagrams['limit-user.bpmn'] });
    const pi = await client.createProcessInstance({ processDefinitionId: 'limit-user' } as any);
    expect(engine.engine.queries.processInstance(String(pi.processInstanceKey))?.state).toBe('ACTIVE');
  });
});

/** POSTs `body` `count` times at once from a child process; returns each answer's status and JSON. */
function floodFromChild(url: string, body: unknown, count: number): Promise<{ status: number; json: any }[]> {
  const script = `
    const http = require('node:http');
    const [url, body, count] = process.argv.slice(1);
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    Promise.all(Array.from({ length: Number(count) }, () => new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(body);
    }))).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, JSON.stringify(body), String(count)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`flood exited ${code}`)),
    );
  });
}

describe('back-pressure: 429 RESOURCE_EXHAUSTED instead of collapse', () => {
  // A store that takes 20 ms per commit (a slow disk): a burst of requests outruns the engine, also
  // when a loaded machine delivers the burst spread out.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let engine: Engine;
  let address: string;
  let server: http.Server;
  beforeAll(async () => {
    const inner = openSqliteStore(':memory:');
    const slow: RecordStore = {
      ...inner,
      commit(changes, meta, index) {
        Atomics.wait(pause, 0, 0, 20);
        inner.commit(changes, meta, index);
      },
    };
    engine = new Engine({ store: slow, limits: { maxQueuedCommands: 4 } });
    await engine.start();
    server = http.createServer(createEngineApp(engine));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await deploy(sdk(address), { 'limit-user.bpmn': diagrams['limit-user.bpmn'] });
  });
  afterAll(async () => {
    engine.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('a flood gets some 429s, no crash, and every acknowledged create exists exactly once', async () => {
    const before = engine.queries.processInstanceCount();
    // The flood comes from another process, as clients do: this one's event loop is the engine's.
    const results = await floodFromChild(
      `${address}/v2/process-instances`,
      { processDefinitionId: 'limit-user' },
      100,
    );
    const ok = results.filter((r) => r.status === 200);
    const busy = results.filter((r) => r.status === 429);
    expect(ok.length + busy.length).toBe(100);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0].json).toMatchObject({ title: 'RESOURCE_EXHAUSTED', status: 429 });
    const keys = new Set(ok.map((r) => String(r.json.processInstanceKey)));
    expect(keys.size).toBe(ok.length);
    expect(engine.queries.processInstanceCount() - before).toBe(ok.length);
    for (const k of keys) expect(engine.queries.processInstance(k)).toBeDefined();
    expect((await call(address, 'GET', '/v2/topology')).status).toBe(200);
  }, 60_000);

  test('the SDK (as the workers configure it) retries 429 with back-off: every create of a burst succeeds once', async () => {
    const client = orchestrationClient(loadConfig({ ZEEBE_REST_ADDRESS: address, LOG_LEVEL: 'error' }), {
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: '50',
    });
    const before = engine.queries.processInstanceCount();
    const rejectedBefore = engine.counters.rejectedByBackPressure;
    const created = await Promise.all(
      Array.from({ length: 60 }, () =>
        client.createProcessInstance({ processDefinitionId: 'limit-user' } as any),
      ),
    );
    expect(engine.counters.rejectedByBackPressure).toBeGreaterThan(rejectedBefore);
    expect(new Set(created.map((c: any) => String(c.processInstanceKey))).size).toBe(60);
    expect(engine.queries.processInstanceCount() - before).toBe(60);
  }, 60_000);
});
