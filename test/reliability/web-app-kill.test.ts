import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { loadConfig } from '../../config/schema';
import { deployResources } from '../../deploy/deploy';
import { startEmbeddedEngine, type RunningEngine } from '../../engine';
import { startSimulators } from '../../simulators';
import { killProcess } from '../../tools/engine-process';
import { signInApplicant } from '../support/staff-sign-in';
import { BIN, licenceApplication } from '../ui/support/requests';

/**
 * The web app's process SIGKILLed while an applicant's submission is in flight, then started again
 * on the same data. The applicant's browser repeats the submission with the same idempotency key (as
 * the portal does after an error): the application exists once, with one process instance, whether
 * the kill came before, during or after the registration.
 */
const ROOT = path.resolve(__dirname, '../..');
const ROUNDS = Number(process.env.RELIABILITY_WEB_KILLS ?? 6);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reliability: the web app killed mid-request', () => {
  let dir: string;
  let engine: RunningEngine;
  let simulators: Awaited<ReturnType<typeof startSimulators>>;
  let ui: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;

  const startUi = async (): Promise<string> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ui/start.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    ui = child;
    let out = '';
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    return new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`web app not ready in 120 s:\n${out}`)), 120_000);
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /ui ready at (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(t);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`web app exited with ${code}:\n${out}`)));
    });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-web-'));
    engine = await startEmbeddedEngine({ dataDir: path.join(dir, 'engine'), port: 0, log: () => {} });
    simulators = await startSimulators({ port: 0 });
    env = {
      ...process.env,
      ZEEBE_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      GATEWAY_BASE_URL: simulators.url,
      UI_PORT: '0',
      UI_DATA_DIR: path.join(dir, 'ui'),
      // Configured, as in production, so that sessions outlive a restart of the process.
      UI_SESSION_SECRET: 'reliability-session-secret-0123456789abcdef',
      DOCUMENTS_DIR: path.join(dir, 'documents'),
      LOG_LEVEL: 'error',
    };
    const c8 = new Camunda8({
      ZEEBE_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as any);
    await deployResources({
      dir: ROOT,
      config: loadConfig(env),
      client: c8.getOrchestrationClusterApiClient() as never,
      log: () => undefined,
    });
  }, 180_000);
  afterAll(async () => {
    await killProcess(ui);
    await simulators?.close();
    await engine?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(`given ${ROUNDS} kills of the web app while a submission is in flight, then each application exists once with one process`, async () => {
    let base = await startUi();
    const me = await signInApplicant(base, BIN);
    const numbers: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const key = randomUUID();
      const body = JSON.stringify(licenceApplication('', BIN));
      const send = (url: string) =>
        fetch(`${url}/api/applications`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-requested-with': 'fetch',
            'idempotency-key': key,
            cookie: me.cookie,
            'x-csrf-token': me.csrf,
          },
          body,
        });
      const inFlight = send(base).then(
        (r) => r.status,
        () => 'no answer' as const,
      );
      // Somewhere between before the registration and after the process start.
      await sleep(Math.random() * 120);
      await killProcess(ui);
      const first = await inFlight;
      base = await startUi();
      // The browser repeats, with the same key; the session survived in UI_DATA_DIR.
      const again = await send(base);
      expect({ round, first, status: again.status }).toEqual({
        round,
        first,
        status: expect.any(Number),
      });
      expect([200, 201]).toContain(again.status);
      numbers.push(((await again.json()) as { applicationNumber: string }).applicationNumber);
    }
    expect(new Set(numbers).size).toBe(ROUNDS);
    // One process per application, none for a key that was sent twice.
    for (const number of numbers) {
      const found = engine.engine.queries
        .searchTables('latest')
        .search(
          'processInstance',
          { filter: { variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }] } } as never,
          'startDate',
        );
      expect({
        number,
        instances: found.items.map((i) => `${i.processDefinitionId} ${i.parentProcessInstanceKey ?? 'root'}`),
      }).toEqual({ number, instances: ['security-licence root'] });
    }
    const mine = await fetch(`${base}/api/applications`, { headers: { cookie: me.cookie } });
    expect(((await mine.json()) as { page: { totalItems: number } }).page.totalItems).toBe(ROUNDS);
  }, 900_000);
});
