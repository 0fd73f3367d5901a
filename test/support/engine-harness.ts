import { Camunda8 } from '@camunda8/sdk';
import { startEmbeddedEngine, RunningEngine } from '../../engine';
import { waitFor } from './wait';

export type CamundaClient = ReturnType<Camunda8['getOrchestrationClusterApiClient']>;

/** Searches in tests read the engine's state as of the last command: no eventual-consistency wait. */
export const NOW = { consistency: { waitUpToMs: 0 } } as any;

export interface TestEngine {
  running: RunningEngine;
  client: CamundaClient;
  close(): Promise<void>;
}

/**
 * An embedded engine on 127.0.0.1:0 with an in-memory store, and the official SDK client pointed at
 * it with strict request and response validation (the contract check of every test).
 */
export async function startTestEngine(opts: { dataDir?: string; lint?: boolean } = {}): Promise<TestEngine> {
  const running = await startEmbeddedEngine({
    dataDir: opts.dataDir ?? ':memory:',
    port: 0,
    lint: opts.lint,
  });
  const c8 = new Camunda8({
    ZEEBE_REST_ADDRESS: running.address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SDK_VALIDATION: 'req:strict,res:strict',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
  } as any);
  const client = c8.getOrchestrationClusterApiClient();
  return { running, client, close: () => running.close() };
}

export async function deploy(client: CamundaClient, files: Record<string, string>): Promise<any> {
  return client.createDeployment({
    resources: Object.entries(files).map(([name, content]) => new File([content], name)),
  } as any);
}

/** Pins the engine clock (ms since epoch or ISO instant) through the public clock API. */
export async function pinClock(client: CamundaClient, at: string | number): Promise<void> {
  await client.pinClock({ timestamp: typeof at === 'number' ? at : Date.parse(at) } as any);
}

/** Polls a condition without sleeping blindly; fails with the last observed value after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  let last: T | undefined;
  try {
    return await waitFor(
      'the condition',
      async () => {
        last = await probe();
        return ok(last) ? { value: last } : undefined;
      },
      { timeoutMs, intervalMs: 0 },
    ).then((r) => r.value);
  } catch (err) {
    throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`, {
      cause: err,
    });
  }
}
