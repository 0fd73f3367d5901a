import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/schema';
import { deployResources } from '../../deploy/deploy';
import { defaultLegalClock } from '../../domain/legal-clock';
import { createInbound } from '../../intake/inbound';
import { createIntake } from '../../intake/intake';
import { createApplicationStore } from '../../intake/store';
import { startSimulators } from '../../simulators/app';
import { startWorkers } from '../../workers';
import { openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../config/log';
import { CamundaClient, NOW, startTestEngine, TestEngine } from './engine-harness';
import { lintOncePerRun } from './lint-once';
import { waitFor as poll } from './wait';

const REPO_ROOT = path.resolve(__dirname, '../..');
const TOKEN = 'process-tests-inbound-token';
const silent = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

export interface TestSystem {
  client: CamundaClient;
  engine: TestEngine;
  intake: ReturnType<typeof createIntake>;
  simulatorsUrl: string;
  /** The engine's (pinned) clock, which workers and intake also read. */
  clock: Clock;
  documentsDir: string;
  /** The application database the workers read (calendar revisions, MCI values, amendments). */
  database: AppDatabase;
  /** Moves the engine clock; timers due by then fire before this resolves. */
  setTime(at: string): Promise<void>;
  /** Sets a simulator system's behaviour (`down: true` takes it offline). */
  control(system: string, settings: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real system for process tests: embedded engine (in memory, clock pinned), the repository's
 * diagrams and forms deployed by the deploy command, simulators, every job worker over the official
 * SDK, and the intake — all on 127.0.0.1 ports chosen by the OS.
 */
export async function startTestSystem(at: string, opts: { log?: Logger } = {}): Promise<TestSystem> {
  const engine = await startTestEngine();
  const { client } = engine;
  await client.pinClock({ timestamp: Date.parse(at) } as any);
  const clock: Clock = { now: () => new Date(engine.running.engine.now()) };
  const store = createApplicationStore(':memory:');
  const intake = createIntake({ camunda: client as never, store, legalClock: defaultLegalClock, clock });
  // The inbound channel as the web app serves it, so the simulated antimonopoly body answers for real.
  const inbound = express().use(
    '/inbound',
    createInbound({ camunda: client as never, store, clock }).router(TOKEN),
  );
  const inboundServer = await new Promise<Server>((resolve) => {
    const s = inbound.listen(0, '127.0.0.1', () => resolve(s));
  });
  const simulators = await startSimulators({
    port: 0,
    latencyMs: 0,
    failureRate: 0,
    seed: 1,
    clock,
    callbackUrl: `http://127.0.0.1:${(inboundServer.address() as AddressInfo).port}/inbound/antimonopoly-answers`,
    callbackToken: TOKEN,
  });
  const documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'process-docs-'));
  const config = loadConfig({
    ZEEBE_REST_ADDRESS: engine.running.address,
    GATEWAY_BASE_URL: simulators.url,
    DOCUMENTS_DIR: documentsDir,
    DATABASE_URL: `sqlite:${path.join(documentsDir, 'app.sqlite')}`,
    GATEWAY_RETRIES: '0',
    GATEWAY_TIMEOUT_MS: '2000',
    WORKER_MAX_PARALLEL_JOBS: '8',
    LOG_LEVEL: 'error',
  });
  await deployResources({
    dir: REPO_ROOT,
    config,
    client: client as never,
    lint: lintOncePerRun,
    log: () => undefined,
  });
  const database = openAppDatabase({ dialect: 'sqlite', file: path.join(documentsDir, 'app.sqlite') });
  const workers = await startWorkers({
    config,
    database,
    log: opts.log ?? silent,
    deps: { clock },
    probeGrpc: async () => false,
  });
  return {
    client,
    engine,
    intake,
    simulatorsUrl: simulators.url,
    clock,
    documentsDir,
    database,
    setTime: async (to) => {
      await client.pinClock({ timestamp: Date.parse(to) } as any);
    },
    control: async (system, settings) => {
      const res = await fetch(`${simulators.url}/_control/${system}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(settings),
      });
      if (!res.ok) throw new Error(`simulator control failed: ${res.status} ${await res.text()}`);
    },
    stop: async () => {
      await workers.stop();
      await database.close();
      await simulators.close();
      inboundServer.closeAllConnections();
      await new Promise((resolve) => inboundServer.close(resolve));
      await engine.close();
      fs.rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `probe` returns a value (not undefined), at most `timeoutMs`; the failure names what was awaited. */
export const waitFor = <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> => poll(what, probe, { timeoutMs });

/** Every process instance of an application: the main one and its call-activity children. */
async function instanceTree(client: CamundaClient, root: string): Promise<string[]> {
  const all = await client.searchProcessInstances({ page: { limit: 1000 } } as any, NOW);
  const keys = [root];
  for (let i = 0; i < keys.length; i++) {
    for (const p of all.items as any[])
      if (p.parentProcessInstanceKey === keys[i]) keys.push(p.processInstanceKey);
  }
  return keys;
}

/** Waits for an open user task of the application (in its own or a called process) at `elementId`. */
export async function waitForTask(
  client: CamundaClient,
  processInstanceKey: string,
  elementId: string,
  timeoutMs?: number,
): Promise<any> {
  try {
    return await waitFor(
      `user task ${elementId}`,
      async () => {
        const keys = await instanceTree(client, processInstanceKey);
        const page = await client.searchUserTasks(
          { filter: { state: 'CREATED', elementId }, page: { limit: 100 } } as any,
          NOW,
        );
        return (page.items as any[]).find((t) => keys.includes(t.processInstanceKey));
      },
      timeoutMs,
    );
  } catch (err) {
    throw new Error(
      `${(err as Error).message}; the application is at: ${await describeState(client, processInstanceKey)}`,
    );
  }
}

/** Where an application stands: active elements and open incidents, for failure messages. */
export async function describeState(client: CamundaClient, processInstanceKey: string): Promise<string> {
  const keys = await instanceTree(client, processInstanceKey);
  const active = await client.searchElementInstances(
    { filter: { state: 'ACTIVE' }, page: { limit: 1000 } } as any,
    NOW,
  );
  const here = (active.items as any[])
    .filter((e) => keys.includes(e.processInstanceKey))
    .map((e) => `${e.processDefinitionId}/${e.elementId}`);
  const incidents = (await incidentsOf(client, processInstanceKey)).map(
    (i) => `${i.elementId}: ${i.errorType} ${i.errorMessage}`,
  );
  return `active [${here.join(', ')}]; incidents [${incidents.join(' | ')}]`;
}

/** Completes the application's open task at `elementId` with the form's variables. */
export async function completeTask(
  client: CamundaClient,
  processInstanceKey: string,
  elementId: string,
  variables: Record<string, unknown>,
): Promise<any> {
  const task = await waitForTask(client, processInstanceKey, elementId);
  await client.completeUserTask({ userTaskKey: task.userTaskKey, variables } as any);
  return task;
}

export async function variablesOf(
  client: CamundaClient,
  processInstanceKey: string,
): Promise<Record<string, any>> {
  const page = await client.searchVariables(
    { filter: { processInstanceKey, scopeKey: processInstanceKey }, page: { limit: 1000 } } as any,
    {
      consistency: { waitUpToMs: 0 },
    } as any,
  );
  return Object.fromEntries((page.items as any[]).map((v) => [v.name, JSON.parse(v.value)]));
}

export async function waitForEnd(
  client: CamundaClient,
  processInstanceKey: string,
  timeoutMs?: number,
): Promise<any> {
  try {
    return await waitFor(
      'the process instance to end',
      async () => {
        const pi = await client.getProcessInstance({ processInstanceKey } as any, NOW);
        return pi.state === 'ACTIVE' ? undefined : pi;
      },
      timeoutMs,
    );
  } catch (err) {
    throw new Error(
      `${(err as Error).message}; the application is at: ${await describeState(client, processInstanceKey)}`,
    );
  }
}

/** The end event the instance finished at. */
export async function endEventOf(
  client: CamundaClient,
  processInstanceKey: string,
): Promise<string | undefined> {
  const page = await client.searchElementInstances(
    { filter: { processInstanceKey, type: 'END_EVENT', state: 'COMPLETED' }, page: { limit: 50 } } as any,
    NOW,
  );
  return (page.items as any[]).map((e) => e.elementId).pop();
}

export async function incidentsOf(client: CamundaClient, processInstanceKey: string): Promise<any[]> {
  const page = await client.searchIncidents(
    { filter: { state: 'ACTIVE' }, page: { limit: 100 } } as any,
    NOW,
  );
  const keys = await instanceTree(client, processInstanceKey);
  return (page.items as any[]).filter((i) => keys.includes(i.processInstanceKey));
}
