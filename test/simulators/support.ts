/** Shared by the simulator, gateway and worker tests: a fake job and simulators on port 0. */
import { createGatewayClients, type GatewayDeps, type Logger } from '../../adapters/gateway';
import { answeredAtVariable } from '../../domain/case-summary';
import { fixedClock } from '../../domain/clock';
import {
  startSimulators,
  type FaultSettings,
  type RunningSimulators,
  type SimulatedSystem,
} from '../../simulators';
import type { Worker } from '../../workers/define';
import { fakeJob, type Outcome } from '../support/jobs';

export { fakeJob, type FakeJob, type Outcome } from '../support/jobs';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields?: object;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (msg, fields) => lines.push({ level: 'info', msg, fields }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, fields }),
    error: (msg, fields) => lines.push({ level: 'error', msg, fields }),
  };
}

export const NOW = '2026-03-10T06:15:00Z'; // 11:15 in Almaty

export interface SimulatorsHarness {
  sim: RunningSimulators;
  deps: GatewayDeps & { log: ReturnType<typeof recordingLogger> };
  fault(system: SimulatedSystem, patch: Partial<FaultSettings>): Promise<void>;
  get<T = unknown>(path: string): Promise<T>;
}

/**
 * Registers beforeAll/afterEach/afterAll hooks: simulators on 127.0.0.1:0 without latency, and
 * gateway clients that do not retry (so a down system fails the job at once).
 */
export function useSimulators(options: { callbackUrl?: string } = {}): SimulatorsHarness {
  const harness = {} as SimulatorsHarness;
  beforeAll(async () => {
    harness.sim = await startSimulators({
      port: 0,
      latencyMs: 0,
      failureRate: 0,
      seed: 1,
      callbackUrl: options.callbackUrl,
    });
    harness.deps = {
      gateway: createGatewayClients({
        baseUrl: harness.sim.url,
        timeoutMs: 2000,
        retries: 0,
        retryDelayMs: 0,
      }),
      clock: fixedClock(NOW),
      log: recordingLogger(),
    };
    harness.fault = async (system, patch) => {
      const res = await fetch(`${harness.sim.url}/_control/${system}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      if (!res.ok) throw new Error(`control failed: ${res.status}`);
    };
    harness.get = async <T>(path: string) => (await (await fetch(`${harness.sim.url}${path}`)).json()) as T;
  });
  afterEach(async () => {
    await fetch(`${harness.sim.url}/_control`, { method: 'DELETE' });
    harness.deps.log.lines.length = 0;
  });
  afterAll(async () => {
    await harness.sim.close();
  });
  return harness;
}

/** Runs a worker's handler on a fake job and returns what it did with the job. */
export async function run(
  h: SimulatorsHarness,
  worker: Worker<GatewayDeps>,
  variables: Record<string, unknown>,
  headers: Record<string, unknown> = {},
  options: { retries?: number; key?: string } = {},
): Promise<Outcome> {
  const job = fakeJob(worker.type, variables, headers, options);
  await worker.handler(job, h.deps, h.deps.log);
  const outcome = job.outcome();
  // A lookup's answer carries when its state system answered (runGatewayJob): checked here for
  // every lookup, then taken out so that each test compares the lookup's own variables.
  if (outcome.kind === 'complete' && /^lookup-|^check-licence-fee$/.test(worker.type)) {
    const stamp = answeredAtVariable(worker.type);
    expect(outcome.variables[stamp]).toBe(h.deps.clock.now().toISOString());
    const { [stamp]: _answeredAt, ...rest } = outcome.variables;
    return { kind: 'complete', variables: rest };
  }
  return outcome;
}

/**
 * The two technical failure requirements every gateway worker shares: a system that is down
 * fails the job with one retry fewer and a back-off; a system that answers nonsense fails it
 * with no retries, so an incident is raised.
 */
export function itMapsGatewayFailures(
  h: SimulatorsHarness,
  worker: Worker<GatewayDeps>,
  system: SimulatedSystem,
  variables: () => Record<string, unknown>,
  headers: Record<string, unknown> = {},
): void {
  test(`when ${system} is down, the job fails with one retry fewer and a back-off`, async () => {
    await h.fault(system, { down: true });
    const outcome = await run(h, worker, variables(), headers, { retries: 3 });
    expect(outcome).toMatchObject({ kind: 'fail', retries: 2 });
    expect(outcome.kind === 'fail' && outcome.retryBackOff).toBeGreaterThan(0);
    expect(h.deps.log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ system }) }),
    );
  });

  test(`when ${system} answers with an unexpected shape, the job fails with no retries`, async () => {
    await h.fault(system, { malformed: true });
    const outcome = await run(h, worker, variables(), headers, { retries: 3 });
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
  });
}

/** Log lines must never carry an IIN in clear text. */
export function expectNoIinInLogs(h: SimulatorsHarness, ...iins: string[]): void {
  const text = JSON.stringify(h.deps.log.lines);
  for (const iin of iins) expect(text).not.toContain(iin);
}

/** The applicant block of a fixture company, as the intake API sets it. */
export function applicantOf(f: {
  bin: string;
  name: string;
  headIin: string;
  headFullName: string;
}): Record<string, unknown> {
  return {
    bin: f.bin,
    name: f.name,
    headIin: f.headIin,
    headFullName: f.headFullName,
    email: 'office@example.kz',
  };
}
