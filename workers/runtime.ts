import type { WorkerDefinition, WorkerJob } from './types';

export interface WorkerLogger {
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

/** Back-off before a job whose handler threw is offered again. */
export const UNEXPECTED_FAILURE_BACKOFF_MS = 5_000;

/**
 * Normalises a job from either SDK transport (REST job worker: `jobKey`; gRPC stream: `key`) into our
 * WorkerJob, so handlers are written once.
 */
export function toWorkerJob(raw: any): WorkerJob {
  return {
    key: String(raw.jobKey ?? raw.key),
    type: raw.type,
    processInstanceKey: String(raw.processInstanceKey),
    elementId: raw.elementId,
    retries: Number(raw.retries),
    variables: (raw.variables ?? {}) as Record<string, unknown>,
    customHeaders: (raw.customHeaders ?? {}) as Record<string, unknown>,
    complete: (variables) => raw.complete(variables ?? {}),
    fail: (body) => raw.fail(body),
    error: (body) => raw.error(body),
  };
}

/**
 * Runs a handler; an exception it did not map itself is a technical failure: the job fails with one
 * retry fewer and a back-off, and an incident appears when the retries are spent (rule C10).
 */
export async function runHandler<D>(
  def: WorkerDefinition<D>,
  job: WorkerJob,
  deps: D,
  log: WorkerLogger,
): Promise<unknown> {
  try {
    return await def.handler(job, deps);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.warn(`job ${def.type} failed`, {
      jobKey: job.key,
      processInstanceKey: job.processInstanceKey,
      error: message,
    });
    return job.fail({
      errorMessage: message,
      retries: Math.max(job.retries - 1, 0),
      retryBackOff: UNEXPECTED_FAILURE_BACKOFF_MS,
    });
  }
}

export interface RunningWorkers {
  transport: 'rest' | 'grpc-stream';
  types: string[];
  stop(): Promise<void>;
}

export interface WorkerRunOptions {
  maxParallelJobs: number;
  jobTimeoutMs: number;
  workerName?: string;
}

/** REST job workers of the official client: long-polling activation, the embedded engine's transport. */
export function startRestWorkers<D>(
  client: any,
  defs: WorkerDefinition<D>[],
  deps: D,
  log: WorkerLogger,
  opts: WorkerRunOptions,
): RunningWorkers {
  const workers = defs.map((def) =>
    client.createJobWorker({
      jobType: def.type,
      workerName: `${opts.workerName ?? 'kz-permits'}-${def.type}`,
      jobTimeoutMs: def.timeoutMs ?? opts.jobTimeoutMs,
      maxParallelJobs: opts.maxParallelJobs,
      pollTimeoutMs: 30_000,
      jobHandler: (raw: any) => runHandler(def, toWorkerJob(raw), deps, log),
    }),
  );
  return {
    transport: 'rest',
    types: defs.map((d) => d.type),
    stop: async () => {
      await Promise.all(workers.map((w: any) => w.stopGracefully?.({ waitUpToMs: 5000 }) ?? w.stop()));
    },
  };
}

/** gRPC job streaming against a real Zeebe gateway: jobs are pushed as soon as they exist. */
export function startGrpcWorkers<D>(
  zeebe: any,
  defs: WorkerDefinition<D>[],
  deps: D,
  log: WorkerLogger,
  opts: WorkerRunOptions,
): RunningWorkers {
  const streams = defs.map((def) =>
    zeebe.streamJobs({
      type: def.type,
      worker: `${opts.workerName ?? 'kz-permits'}-${def.type}`,
      timeout: def.timeoutMs ?? opts.jobTimeoutMs,
      taskHandler: (raw: any) => runHandler(def, toWorkerJob(raw), deps, log),
    }),
  );
  return {
    transport: 'grpc-stream',
    types: defs.map((d) => d.type),
    stop: async () => {
      for (const s of streams) {
        const stream: any = await s;
        stream?.cancel?.();
      }
      await zeebe.close?.();
    },
  };
}
