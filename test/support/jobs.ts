/** Worker tests share one fake job and one way to build the workers' dependencies from settings. */
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/schema';
import { createWorkerDeps, type WorkerDeps } from '../../workers/deps';
import type { WorkerJob, WorkerLogger } from '../../workers/types';

export type Outcome =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'fail'; errorMessage: string; retries: number; retryBackOff?: number }
  | { kind: 'error'; errorCode: string; errorMessage?: string; variables?: Record<string, unknown> };

export interface FakeJob extends WorkerJob {
  /** What the worker did with the job; throws when it did nothing. */
  outcome(): Outcome;
  /** What the worker did with the job, if anything yet. */
  settled(): Outcome | undefined;
}

let jobKeys = 2251799813685249;

/** Every fake job gets a fresh key, as the engine gives each job its own; pass `key` to model a retry. */
export function fakeJob(
  type: string,
  variables: Record<string, unknown>,
  customHeaders: Record<string, unknown> = {},
  { retries = 3, key }: { retries?: number; key?: string } = {},
): FakeJob {
  let outcome: Outcome | undefined;
  const settle = (o: Outcome): Promise<string> => {
    if (outcome) throw new Error(`job already ${outcome.kind}d`);
    outcome = o;
    return Promise.resolve('JOB_ACTION_ACKNOWLEDGEMENT');
  };
  return {
    key: key ?? String(jobKeys++),
    type,
    processInstanceKey: '2251799813685001',
    elementId: 'Task_Under_Test',
    retries,
    variables,
    customHeaders,
    complete: (vars = {}) => settle({ kind: 'complete', variables: vars }),
    fail: (body) => settle({ kind: 'fail', ...body }),
    error: (body) => settle({ kind: 'error', ...body }),
    settled: () => outcome,
    outcome: () => {
      if (!outcome) throw new Error('the handler neither completed, failed nor threw an error');
      return outcome;
    },
  };
}

/** The variables a job completed with; fails the test with the outcome when it did not complete. */
export function completed(job: FakeJob): Record<string, unknown> {
  const o = job.outcome();
  if (o.kind !== 'complete') throw new Error(`expected the job to complete, it did: ${JSON.stringify(o)}`);
  return o.variables;
}

export const SILENT: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The workers' dependencies as production builds them (`createWorkerDeps` over `loadConfig`), from
 * environment variables as an operator sets them; files go to a fresh temporary folder. The log is
 * silent unless `overrides.log` is given.
 */
export function workerDepsFromEnv(
  env: Record<string, string> = {},
  overrides: Partial<WorkerDeps> = {},
): WorkerDeps {
  const dir = path.join(os.tmpdir(), `worker-deps-${process.pid}-${jobKeys++}`);
  const config = loadConfig({
    DOCUMENTS_DIR: dir,
    DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}`,
    ...env,
  });
  return createWorkerDeps(config, overrides.log ?? SILENT, overrides);
}
