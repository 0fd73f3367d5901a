import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import { camundaFetch, orchestrationClient, processStarter } from '../../config/camunda';
import { keepAliveFetch } from '../../config/http-fetch';
import { loadConfig } from '../../config/schema';
import { startEmbeddedEngine, type RunningEngine } from '../../engine';
import { x509 } from '../../adapters/eds/x509';
import * as b from '../support/bpmn';
import { eventually, NOW } from '../support/engine-harness';
import { freePort } from '../support/free-port';

/**
 * The keep-alive fetch our processes give the official client (config/http-fetch.ts), driven
 * through the official SDK against the real embedded engine: the SDK's operations, abort,
 * servers that close idle sockets, https with a private CA, connection refused, one attempt.
 */

const TOKEN = 'client-test-engine-token-0123';
const quiet = { CAMUNDA_SDK_LOG_LEVEL: 'silent' as const };

const PROCESS = b.process(
  'client-roundtrip',
  [
    b.start('Start'),
    b.service('Task_Check', 'client-check'),
    b.userTask('Task_Review', { candidateGroups: 'fire-clerks' }),
    b.end('End'),
  ],
  ['Start > Task_Check > Task_Review > End'],
);
const SERVICE_ONLY = b.process(
  'client-service',
  [b.start('Start'), b.service('Task_Check', 'client-check'), b.end('End')],
  ['Start > Task_Check > End'],
);

/** The engine's own answer to every request that reaches it, with the engine's token required. */
let engine: RunningEngine;
beforeAll(async () => {
  engine = await startEmbeddedEngine({ dataDir: ':memory:', port: 0, token: TOKEN });
  await engine.engine.deploy([
    { name: 'client-roundtrip.bpmn', content: PROCESS },
    { name: 'client-service.bpmn', content: SERVICE_ONLY },
  ]);
});
afterAll(() => engine.close());

/** Our configuration for a client of `address`, authenticating as `npm start` hands out the token. */
const configFor = (address: string, extra: Record<string, string> = {}) =>
  loadConfig({
    ZEEBE_REST_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'BASIC',
    CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
    CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
    LOG_LEVEL: 'error',
    ...extra,
  });

const instancesOf = async (client: ReturnType<typeof orchestrationClient>, processDefinitionId: string) =>
  (await client.searchProcessInstances({ filter: { processDefinitionId } } as any, NOW)).page.totalItems;

/**
 * An HTTP hop between client and engine, as a load balancer or a restarting gateway behaves:
 * `pass` forwards; `drop-stale` drops a request that arrives on a connection idle for 100 ms or
 * more without forwarding it (the server had closed that idle connection as the request came);
 * `lose-start-answer` forwards process starts and drops the connection before the answer.
 */
async function startHop(mode: 'pass' | 'drop-stale' | 'lose-start-answer') {
  const target = new URL(engine.address);
  const seen = { requests: [] as string[], dropped: 0, connections: 0 };
  const lastActive = new WeakMap<net.Socket, number>();
  const server = http.createServer((req, res) => {
    const socket = req.socket;
    const idleSince = lastActive.get(socket);
    lastActive.set(socket, Date.now());
    if (mode === 'drop-stale' && idleSince !== undefined && Date.now() - idleSince >= 100) {
      seen.dropped++;
      return socket.destroy();
    }
    seen.requests.push(`${req.method} ${req.url}`);
    const isStart = req.method === 'POST' && req.url === '/v2/process-instances';
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (mode === 'lose-start-answer' && isStart) {
          answer.resume();
          answer.on('end', () => socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => lastActive.set(socket, Date.now()));
      },
    );
    upstream.on('error', () => socket.destroy());
    req.pipe(upstream);
  });
  server.on('connection', () => seen.connections++);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    address: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    /** Closes every connection it holds, as a server closes idle ones. */
    closeConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

test('the production client deploys, starts, works a job, completes a user task and uploads and downloads a document over the keep-alive fetch, never the built-in one', async () => {
  const builtin = jest.spyOn(globalThis, 'fetch');
  const client = orchestrationClient(configFor(engine.address), quiet);
  const worker = client.createJobWorker({
    jobType: 'client-check',
    jobTimeoutMs: 30_000,
    maxParallelJobs: 8,
    pollTimeoutMs: 5_000,
    jobHandler: (job: any) => job.complete({ checked: true }),
  } as any);
  try {
    const deployment: any = await client.createDeployment({
      resources: [new File([PROCESS], 'client-roundtrip.bpmn')],
    } as any);
    expect(deployment.processes[0].processDefinitionId).toBe('client-roundtrip');

    const started: any = await client.createProcessInstance({
      processDefinitionId: 'client-roundtrip',
      variables: { applicant: 'Жанар Сейтқали' },
    } as any);
    const task = await eventually(
      async () =>
        (
          await client.searchUserTasks(
            { filter: { processInstanceKey: started.processInstanceKey, state: 'CREATED' } } as any,
            NOW,
          )
        ).items[0] as any,
      (t) => t !== undefined,
      10_000,
    );
    await client.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } } as any);
    const done: any = await eventually(
      () => client.getProcessInstance({ processInstanceKey: started.processInstanceKey } as any, NOW),
      (pi: any) => pi.state === 'COMPLETED',
      10_000,
    );
    expect(done.state).toBe('COMPLETED');
    const vars = await client.searchVariables(
      { filter: { processInstanceKey: started.processInstanceKey } } as any,
      NOW,
    );
    expect(Object.fromEntries(vars.items.map((v: any) => [v.name, JSON.parse(v.value)]))).toMatchObject({
      applicant: 'Жанар Сейтқали',
      checked: true,
      approved: true,
    });

    const bytes = Buffer.from('%PDF-1.4\n% лицензия, синтетический образец\n', 'utf8');
    const ref: any = await client.createDocument({
      file: new File([new Uint8Array(bytes)], 'Лицензия.pdf', { type: 'application/pdf' }),
      metadata: { contentType: 'application/pdf', fileName: 'Лицензия.pdf' },
    } as any);
    expect(ref.metadata.fileName).toBe('Лицензия.pdf');
    const got: any = await client.getDocument({
      documentId: ref.documentId,
      contentHash: ref.contentHash,
    } as any);
    const downloaded = got instanceof Blob ? Buffer.from(await got.arrayBuffer()) : Buffer.from(got);
    expect(downloaded.equals(bytes)).toBe(true);

    expect(builtin).not.toHaveBeenCalled();
  } finally {
    worker.stop();
    builtin.mockRestore();
  }
});

test("CAMUNDA_HTTP_CLIENT=builtin falls back to Node's own fetch", async () => {
  const builtin = jest.spyOn(globalThis, 'fetch');
  try {
    const client = orchestrationClient(configFor(engine.address, { CAMUNDA_HTTP_CLIENT: 'builtin' }), quiet);
    expect(((await client.getTopology()) as any).brokers.length).toBeGreaterThan(0);
    expect(builtin).toHaveBeenCalled();
  } finally {
    builtin.mockRestore();
  }
});

test('worker.stop() ends its long poll at once: the aborted request frees its socket', async () => {
  const fetch = keepAliveFetch();
  const client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
      CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
      ...quiet,
    },
    fetch,
  });
  const worker = client.createJobWorker({
    jobType: 'client-nothing-to-do',
    jobTimeoutMs: 30_000,
    maxParallelJobs: 4,
    pollTimeoutMs: 30_000,
    jobHandler: (job: any) => job.complete(),
  } as any);
  try {
    // The long poll is open: one socket in use, waiting for jobs that do not come.
    await eventually(
      async () => fetch.sockets().active,
      (n) => n === 1,
      5_000,
    );
    await new Promise((r) => setTimeout(r, 100));
    const stoppedAt = Date.now();
    worker.stop();
    await eventually(
      async () => fetch.sockets().active,
      (n) => n === 0,
      2_000,
    );
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
  } finally {
    worker.stop();
    fetch.close();
  }
});

test('a request on a kept-alive connection the server had just closed is sent again on a new one', async () => {
  const hop = await startHop('drop-stale');
  // The SDK's own retries are off: what is tested is that the fetch itself does not fail the request.
  const client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: hop.address,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
      CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
      ...quiet,
    },
    fetch: camundaFetch(configFor(hop.address)),
  });
  try {
    await client.getTopology();
    await new Promise((r) => setTimeout(r, 200));
    const topology: any = await client.getTopology();
    expect(topology.brokers.length).toBeGreaterThan(0);
    expect(hop.seen.dropped).toBe(1);
    expect(hop.seen.connections).toBe(2);
  } finally {
    await hop.close();
  }
});

test('connections the server closed while idle are not reused: every later request succeeds', async () => {
  const hop = await startHop('pass');
  // One attempt per request, at the SDK and in the fetch: the agent alone must not pick a dead socket.
  const client = processStarter(configFor(hop.address), quiet);
  try {
    for (let i = 0; i < 4; i++) {
      await client.getTopology();
      hop.closeConnections();
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.createProcessInstance({ processDefinitionId: 'client-service' } as any);
    expect(hop.seen.connections).toBe(5);
  } finally {
    await hop.close();
  }
});

test('ONE_ATTEMPT: a process start whose answer is lost on a reused connection is sent exactly once', async () => {
  const hop = await startHop('lose-start-answer');
  const starter = processStarter(configFor(hop.address), {
    ...quiet,
    CAMUNDA_SDK_HTTP_RETRY_BASE_DELAY_MS: '10',
  });
  const before = await instancesOf(orchestrationClient(configFor(engine.address), quiet), 'client-service');
  try {
    await starter.getTopology(); // the connection is now kept alive and reused by the start
    const failure = await starter
      .createProcessInstance({ processDefinitionId: 'client-service' } as any)
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(failure).toBeDefined();
    expect(hop.seen.requests.filter((r) => r === 'POST /v2/process-instances')).toHaveLength(1);
    expect(await instancesOf(orchestrationClient(configFor(engine.address), quiet), 'client-service')).toBe(
      before + 1,
    );
  } finally {
    await hop.close();
  }
});

test('connection refused is a TypeError("fetch failed") with the socket error as cause, which the SDK retries', async () => {
  const port = await freePort();
  const address = `http://127.0.0.1:${port}`;
  const raw = await keepAliveFetch()(`${address}/v2/topology`).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(raw).toBeInstanceOf(TypeError);
  expect((raw as TypeError).message).toBe('fetch failed');
  expect(((raw as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');

  // The SDK retries it: the engine comes up on that port while the client keeps trying.
  const client = orchestrationClient(configFor(address), {
    ...quiet,
    CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: '12',
    CAMUNDA_SDK_HTTP_RETRY_BASE_DELAY_MS: '100',
  });
  const topology = client.getTopology();
  await new Promise((r) => setTimeout(r, 150));
  const late = await startEmbeddedEngine({ dataDir: ':memory:', port, token: TOKEN });
  try {
    expect(((await topology) as any).brokers.length).toBeGreaterThan(0);
  } finally {
    await late.close();
  }
});

/** A private CA and a certificate for localhost it issued, PEM. */
async function privateCa(): Promise<{ caPem: string; certPem: string; keyPem: string }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const caKeys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Test Cluster CA',
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 86_400_000),
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
    ],
  });
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=localhost',
    issuer: ca.subject,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 86_400_000),
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return {
    caPem: ca.toString('pem'),
    certPem: cert.toString('pem'),
    keyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`,
  };
}

test('https to a cluster with a private CA: trusted through CAMUNDA_CA_CERTS, refused without it', async () => {
  const { caPem, certPem, keyPem } = await privateCa();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-ca-'));
  const caFile = path.join(dir, 'cluster-ca.pem');
  fs.writeFileSync(caFile, caPem);
  const target = new URL(engine.address);
  // TLS in front of the engine, as an ingress terminates it.
  const front = tls.createServer({ cert: certPem, key: keyPem }, (socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', () => r()));
  const address = `https://localhost:${(front.address() as AddressInfo).port}`;
  try {
    const trusted = orchestrationClient(configFor(address, { CAMUNDA_CA_CERTS: caFile }), quiet);
    expect(((await trusted.getTopology()) as any).brokers.length).toBeGreaterThan(0);
    const started: any = await trusted.createProcessInstance({
      processDefinitionId: 'client-service',
    } as any);
    expect(started.processInstanceKey).toBeDefined();

    const untrusted = orchestrationClient(configFor(address), {
      ...quiet,
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: '1',
    });
    const err: any = await untrusted.getTopology().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    const causes: string[] = [];
    for (let e = err; e; e = e.cause) causes.push(String(e.code ?? e.message));
    expect(causes.join(' ')).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|CERT_/);
  } finally {
    front.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('fetch semantics the SDK relies on', () => {
  let server: http.Server;
  let other: http.Server;
  let base: string;
  let otherBase: string;
  const echo = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ method: req.method, url: req.url, body, auth: req.headers.authorization ?? null }),
      );
    });
  };
  beforeAll(async () => {
    other = http.createServer(echo);
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    server = http.createServer((req, res) => {
      if (req.url === '/307') return res.writeHead(307, { location: '/echo' }).end();
      if (req.url === '/303') return res.writeHead(303, { location: '/echo' }).end();
      if (req.url === '/away') return res.writeHead(307, { location: `${otherBase}/echo` }).end();
      if (req.url === '/204') return res.writeHead(204, { 'x-kept': 'yes' }).end();
      if (req.url === '/bom')
        return res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end('\uFEFF{"service":"рұқсат","n":1}');
      if (req.url === '/cookies') {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        return res.end();
      }
      echo(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    other.close();
  });

  test('redirects: 307 keeps method and body, 303 turns into GET, another origin gets no Authorization', async () => {
    const f = keepAliveFetch();
    const init = { method: 'POST', body: '{"a":1}', headers: { authorization: 'Bearer secret-token-value' } };
    const r307 = await f(`${base}/307`, init);
    expect(await r307.json()).toEqual({
      method: 'POST',
      url: '/echo',
      body: '{"a":1}',
      auth: 'Bearer secret-token-value',
    });
    expect(r307.redirected).toBe(true);
    expect(r307.url).toBe(`${base}/echo`);
    expect(await (await f(`${base}/303`, init)).json()).toMatchObject({ method: 'GET', body: '' });
    expect(await (await f(`${base}/away`, init)).json()).toMatchObject({ method: 'POST', auth: null });
    const manual = await f(`${base}/307`, { ...init, redirect: 'manual' });
    expect(manual.status).toBe(307);
    f.close();
  });

  test('statuses and headers: 204 without body keeps its headers; repeated set-cookie headers are all kept', async () => {
    const f = keepAliveFetch();
    const empty = await f(`${base}/204`, { method: 'POST' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(empty.headers.get('x-kept')).toBe('yes');
    const cookies = await f(`${base}/cookies`);
    expect(cookies.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    f.close();
  });

  test("an answer read whole reads as fetch's does: by each body method once, as a stream, cloned, without its byte order mark", async () => {
    const f = keepAliveFetch();
    const reads = async (get: typeof fetch) => {
      const url = `${base}/bom`;
      const r = await get(url);
      const copy = r.clone();
      const text = await r.text();
      const again = await r.json().then(
        () => 'read twice',
        (err) => err.constructor.name,
      );
      const streamed = await get(url);
      const fromStream = await new Response(streamed.body).text();
      const blob = await (await get(url)).blob();
      return {
        text,
        usedAfterRead: r.bodyUsed,
        again,
        cloned: await copy.json(),
        fromStream,
        usedAfterStream: streamed.bodyUsed,
        bytes: (await (await get(url)).arrayBuffer()).byteLength,
        uint8: (await (await get(url)).bytes()).length,
        blob: [blob.type, blob.size],
        url: r.url,
        redirected: r.redirected,
      };
    };
    const ours = await reads(f as unknown as typeof fetch);
    expect(ours).toEqual(await reads(fetch));
    expect(ours.text).toBe('{"service":"рұқсат","n":1}');
    expect(ours.again).toBe('TypeError');
    f.close();
  });

  test('an idle socket is closed by the client after its idle timeout, before a server would', async () => {
    const f = keepAliveFetch({ idleTimeoutMs: 200 });
    await (await f(`${base}/echo`)).json();
    expect(f.sockets()).toEqual({ active: 0, idle: 1 });
    await eventually(
      async () => f.sockets().idle,
      (n) => n === 0,
      1_000,
    );
    f.close();
  });

  test('an aborted request rejects with the AbortError fetch gives', async () => {
    const f = keepAliveFetch();
    const controller = new AbortController();
    const slow = http.createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const pending = f(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const err: any = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err?.name).toBe('AbortError');
    f.close();
    slow.closeAllConnections();
    slow.close();
  });
});
