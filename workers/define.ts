import { z } from 'zod';
import { BlobStoreUnavailableError } from '../adapters/blobs/store';
import { GatewayContractError, GatewayUnavailableError } from '../adapters/gateway/errors';
import type { WorkerDeps } from './deps';
import { BpmnError, JobInputError, TransientError, type WorkerJob, type WorkerLogger } from './types';

/** What `run` hands back: the variables the job completes with (none: `{}`). */
export type JobResult = Record<string, unknown>;

export interface WorkerSpec<I extends z.ZodType, S> {
  /** The job type the diagrams name (`zeebe:taskDefinition type`). */
  type: string;
  /** How long the engine waits before offering the job again. */
  timeoutMs?: number;
  /** The job variables the worker reads; a variable that does not fit raises an incident naming it. */
  input: I;
  /** The slice of the dependencies (and of the configuration behind them) the worker uses. */
  config: (deps: WorkerDeps) => S;
  /**
   * The worker itself. Returns the variables to complete with; throws `BpmnError` for an outcome the
   * diagram catches, `JobInputError` for variables or headers it cannot use, `TransientError` (or a
   * gateway/network fault) for what may pass by itself. Anything else is a bug: an incident.
   */
  run(job: WorkerJob, input: z.output<I>, deps: S): Promise<JobResult>;
}

/** Any worker of the list, whatever its slice: the runtime binds it to the full dependencies. */
export interface RegisteredWorker {
  readonly type: string;
  readonly timeoutMs?: number;
  bind(deps: WorkerDeps): (job: WorkerJob) => Promise<unknown>;
}

export interface Worker<S> extends RegisteredWorker {
  config(deps: WorkerDeps): S;
  /** Validates, runs and settles one job with the given slice (what the runtime and tests call). */
  handler(job: WorkerJob, deps: S, log?: WorkerLogger): Promise<unknown>;
}

const SILENT: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Back-off grows as retries run out: 5 s, 10 s, 20 s … capped at a minute, or longer if asked. */
export function transientBackoffMs(retriesLeftBefore: number, retryAfterMs?: number): number {
  const exponential = Math.min(60_000, 5_000 * 2 ** Math.max(0, 3 - retriesLeftBefore));
  return Math.max(exponential, retryAfterMs ?? 0);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/** Faults that may pass by themselves: retried with back-off, an incident only once retries run out. */
export function isTransient(err: unknown): boolean {
  if (err instanceof GatewayUnavailableError || err instanceof TransientError) return true;
  if (err instanceof BlobStoreUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  return err instanceof TypeError && err.message === 'fetch failed';
}

/** `specialists.0.iin (expected string)`: where and what, never the value (it may be personal data). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(variables)'} (${i.message})`)
    .join('; ');
}

/** Turns what a worker threw into the job's outcome, the same way for every worker. */
export async function settleFailure(job: WorkerJob, err: unknown, log: WorkerLogger): Promise<unknown> {
  const fields = {
    jobKey: job.key,
    jobType: job.type,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
  };
  if (err instanceof BpmnError) {
    log.info('business outcome raised as a BPMN error', { ...fields, errorCode: err.errorCode });
    return job.error({ errorCode: err.errorCode, errorMessage: err.message, variables: err.variables });
  }
  const errorMessage = err instanceof Error ? err.message : String(err);
  if (isTransient(err)) {
    const retries = Math.max(0, job.retries - 1);
    const retryAfterMs =
      err instanceof GatewayUnavailableError || err instanceof TransientError ? err.retryAfterMs : undefined;
    const retryBackOff = transientBackoffMs(job.retries, retryAfterMs);
    log.warn(
      err instanceof GatewayUnavailableError
        ? 'state system unavailable, job will be retried'
        : 'transient fault, job will be retried',
      {
        ...fields,
        ...(err instanceof GatewayUnavailableError ? { system: err.system } : {}),
        retriesLeft: retries,
        retryBackOffMs: retryBackOff,
        reason: errorMessage,
      },
    );
    return job.fail({ errorMessage, retries, retryBackOff });
  }
  if (err instanceof GatewayContractError)
    log.error('state system broke its contract', { ...fields, system: err.system, status: err.status });
  else if (err instanceof JobInputError)
    log.error('job cannot run with these variables', { ...fields, reason: errorMessage });
  else log.error('job failed unexpectedly', { ...fields, reason: errorMessage });
  // Retrying would give the same answer: raise an incident for an operator (C10).
  return job.fail({ errorMessage, retries: 0 });
}

/**
 * One job type: a schema for its variables and a function. Validation, the mapping of errors to
 * outcomes and the logging are the same for every worker (docs/decisions/0006).
 */
export function defineWorker<I extends z.ZodType, S>(spec: WorkerSpec<I, S>): Worker<S> {
  const handler = async (job: WorkerJob, deps: S, log: WorkerLogger = SILENT): Promise<unknown> => {
    try {
      const parsed = spec.input.safeParse(job.variables);
      if (!parsed.success)
        throw new JobInputError(`${spec.type}: invalid variables: ${describeIssues(parsed.error)}`);
      const variables = await spec.run(job, parsed.data, deps);
      return await job.complete(variables);
    } catch (err) {
      try {
        return await settleFailure(job, err, log);
      } catch (settleErr) {
        // The engine did not take the outcome (it is down): the job times out and is offered again.
        log.warn('job outcome not delivered; the job will time out and be offered again', {
          jobKey: job.key,
          jobType: job.type,
          reason: settleErr instanceof Error ? settleErr.message : String(settleErr),
        });
        return undefined;
      }
    }
  };
  return {
    type: spec.type,
    timeoutMs: spec.timeoutMs,
    config: spec.config,
    handler,
    bind: (deps) => {
      const slice = spec.config(deps);
      return (job) => handler(job, slice, deps.log);
    },
  };
}
