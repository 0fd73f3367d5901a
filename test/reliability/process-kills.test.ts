import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { loadConfig } from '../../config/schema';
import { deployResources } from '../../deploy/deploy';
import { defaultLegalClock } from '../../domain/legal-clock';
import { systemClock } from '../../domain/clock';
import { startEmbeddedEngine, type RunningEngine } from '../../engine';
import { createIntake } from '../../intake/intake';
import { createApplicationStore } from '../../intake/store';
import { fixtures, startSimulators } from '../../simulators';
import { killProcess } from '../../tools/engine-process';
import { COMPLETE, NOW, permitApplication } from '../support/process-fixtures';
import type { CamundaClient } from '../support/engine-harness';

/**
 * The job workers' process killed with SIGKILL, again and again, while applications flow through
 * registration, the state-system lookups and the checks. Jobs a killed worker held come back after
 * their timeout and are done by the next one: every application reaches its study task once, with
 * no incident and no stage reported twice to the monitoring system.
 */
const ROOT = path.resolve(__dirname, '../..');
const KILLS = Number(process.env.RELIABILITY_WORKER_KILLS ?? 8);
const APPLICATIONS = 10;

/** A complete package of service A; the verification date of the instrument lies ahead of now. */
const permit = (number: string) =>
  permitApplication(number, fixtures.fire.approved, {
    measuringInstruments: [
      { name: 'Мегаомметр ЭС0202/2-Г', serialNumber: 'MO-21-0457', verifiedUntil: '2027-11-30' },
    ],
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reliability: the workers process killed with SIGKILL mid-job', () => {
  let dir: string;
  let engine: RunningEngine;
  let simulators: Awaited<ReturnType<typeof startSimulators>>;
  let workers: ChildProcess | undefined;
  let client: CamundaClient;
  let env: NodeJS.ProcessEnv;
  let logs = '';

  const startWorkersProcess = async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/start.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (logs += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (logs += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`workers not ready in 60 s:\n${logs.slice(-2000)}`)),
        60_000,
      );
      const on = () => {
        if (/workers ready/.test(logs.slice(-4000))) {
          clearTimeout(t);
          child.stdout!.off('data', on);
          resolve();
        }
      };
      child.stdout!.on('data', on);
    });
    return child;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-workers-'));
    engine = await startEmbeddedEngine({ dataDir: path.join(dir, 'engine'), port: 0, log: () => {} });
    // Slow state systems, so that a kill finds jobs in the workers' hands.
    simulators = await startSimulators({ port: 0, latencyMs: 150, failureRate: 0, seed: 7 });
    env = {
      ...process.env,
      ZEEBE_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      GATEWAY_BASE_URL: simulators.url,
      DOCUMENTS_DIR: path.join(dir, 'documents'),
      UI_DATA_DIR: path.join(dir, 'ui'),
      WORKER_JOB_TIMEOUT_MS: '3000',
      LOG_LEVEL: 'info',
    };
    const config = loadConfig(env);
    const c8 = new Camunda8({
      ZEEBE_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as any);
    client = c8.getOrchestrationClusterApiClient();
    await deployResources({ dir: ROOT, config, client: client as never, log: () => undefined });
  }, 120_000);
  afterAll(async () => {
    await killProcess(workers);
    await simulators?.close();
    await engine?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(`given ${KILLS} SIGKILLs of the workers while ${APPLICATIONS} applications are looked up and checked, then each reaches its study once, without incident or duplicate report`, async () => {
    const intake = createIntake({
      camunda: client as never,
      store: createApplicationStore(':memory:'),
      legalClock: defaultLegalClock,
      clock: systemClock,
    });
    workers = await startWorkersProcess();
    const numbers: string[] = [];
    const instances = new Map<string, string>();
    for (let i = 0; i < APPLICATIONS; i++) {
      const number = `FAP-2026-${String(700 + i).padStart(6, '0')}`;
      const r = await intake.submit(permit(number));
      numbers.push(number);
      instances.set(number, String(r.application.processInstanceKey));
    }

    // Completes every completeness check as it appears, so the checks after it run too.
    let done = false;
    const completed = new Set<string>();
    const clerk = (async () => {
      while (!done) {
        const page: any = await client
          .searchUserTasks({ filter: { state: 'CREATED', elementId: 'Task_CheckCompleteness' } } as any, NOW)
          .catch(() => ({ items: [] }));
        for (const t of page.items) {
          if (completed.has(String(t.userTaskKey))) continue;
          await client.completeUserTask({ userTaskKey: t.userTaskKey, variables: COMPLETE } as any);
          completed.add(String(t.userTaskKey));
        }
        await sleep(200);
      }
    })();

    for (let k = 0; k < KILLS; k++) {
      await sleep(400 + Math.random() * 1200);
      await killProcess(workers);
      workers = await startWorkersProcess();
    }

    const studies = async () => {
      const page: any = await client.searchUserTasks(
        { filter: { elementId: 'Task_StudyCompliance' }, page: { limit: 100 } } as any,
        NOW,
      );
      return page.items as any[];
    };
    const until = Date.now() + 180_000;
    while ((await studies()).length < APPLICATIONS && Date.now() < until) await sleep(500);
    done = true;
    await clerk;

    const incidents: any = await client.searchIncidents({ filter: { state: 'ACTIVE' } } as any, NOW);
    expect(incidents.items.map((i: any) => `${i.elementId}: ${i.errorMessage}`)).toEqual([]);
    const tasks = await studies();
    const perInstance = new Map<string, number>();
    for (const t of tasks)
      perInstance.set(String(t.processInstanceKey), (perInstance.get(String(t.processInstanceKey)) ?? 0) + 1);
    for (const number of numbers)
      expect({ number, studies: perInstance.get(instances.get(number)!) }).toEqual({ number, studies: 1 });
    for (const number of numbers) {
      const events: any[] = await (
        await fetch(`${simulators.url}/monitoring/events?applicationNumber=${number}`)
      ).json();
      const stages = events.map((e) => e.stage);
      expect({ number, repeated: stages.filter((s, i) => stages.indexOf(s) !== i) }).toEqual({
        number,
        repeated: [],
      });
    }
    // The workers' own log of all this names nobody: no IIN, BIN or name of the applicant or its people.
    expect(logs).toMatch(/workers ready/);
    const company = fixtures.fire.approved;
    const secrets = [
      company.bin,
      company.headIin,
      company.headFullName,
      ...company.specialists.flatMap((s) => [s.iin, s.fullName]),
    ];
    expect(secrets.filter((s) => logs.includes(s))).toEqual([]);
  }, 900_000);
});
