import type { Camunda8, Zeebe } from '@camunda8/sdk';
import type { IOutputVariables, ZeebeJob } from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0';
import type { EnrichedActivatedJob, JobActionReceipt } from '@camunda8/orchestration-cluster-api';
import type { RegisteredWorker } from './define';
import type { WorkerDeps } from './deps';
import type { WorkerJob, WorkerLogger } from './types';

export type { WorkerLogger } from './types';

/** The official client's REST side (the embedded engine's transport) and its gRPC side (Zeebe). */
type CamundaClient = ReturnType<Camunda8['getOrchestrationClusterApiClient']>;
export type JobWorkerClient = Pick<CamundaClient, 'createJobWorker'>;
export type StreamClient = Pick<Zeebe.ZeebeGrpcClient, 'streamJobs' | 'close'>;
type StreamedJob = Readonly<ZeebeJob>;
type StreamReceipt = Awaited<ReturnType<StreamedJob['complete']>>;
/**
 * Variables for the gRPC client, checked to be JSON. The SDK's JSON type leaves out `null`,
 * which Zeebe takes (a variable set to null), so null passes this check too.
 */
function jsonDoc(variables: Record<string, unknown>): IOutputVariables {
  const isJson = (v: unknown): boolean =>
    v === null ||
    ['string', 'number', 'boolean'].includes(typeof v) ||
    (Array.isArray(v) ? v.every(isJson) : typeof v === 'object' && Object.values(v).every(isJson));
  const isDoc = (v: Record<string, unknown>): v is IOutputVariables => isJson(v);
  if (!isDoc(variables)) throw new TypeError('job variables are not JSON');
  return variables;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Our WorkerJob over a job of either SDK transport, remembering the engine's receipt of the outcome
 * so the transport sees the job acknowledged.
 */
function restJob(raw: EnrichedActivatedJob): { job: WorkerJob; receipt(): Promise<JobActionReceipt> } {
  let receipt: JobActionReceipt | undefined;
  const keep = async (r: Promise<JobActionReceipt>) => (receipt = await r);
  return {
    job: {
      key: String(raw.jobKey),
      type: raw.type,
      processInstanceKey: String(raw.processInstanceKey),
      elementId: String(raw.elementId),
      retries: raw.retries,
      variables: isRecord(raw.variables) ? raw.variables : {},
      customHeaders: isRecord(raw.customHeaders) ? raw.customHeaders : {},
      complete: (variables) => keep(raw.complete(variables ?? {})),
      fail: (body) => keep(raw.fail(body)),
      error: (body) => keep(raw.error(body)),
    },
    // No outcome reached the engine: leave the job to time out and be offered again.
    receipt: async () => receipt ?? raw.ignore(),
  };
}

function streamedJob(raw: StreamedJob): { job: WorkerJob; receipt(): StreamReceipt } {
  let receipt: StreamReceipt | undefined;
  const keep = async (r: Promise<StreamReceipt>) => (receipt = await r);
  return {
    job: {
      key: String(raw.key),
      type: raw.type,
      processInstanceKey: String(raw.processInstanceKey),
      elementId: raw.elementId,
      retries: raw.retries,
      variables: isRecord(raw.variables) ? raw.variables : {},
      customHeaders: isRecord(raw.customHeaders) ? raw.customHeaders : {},
      complete: (variables) => keep(raw.complete(jsonDoc(variables ?? {}))),
      fail: (body) => keep(raw.fail(body)),
      error: (body) =>
        keep(
          raw.error({
            errorCode: body.errorCode,
            errorMessage: body.errorMessage,
            variables: jsonDoc(body.variables ?? {}),
          }),
        ),
    },
    receipt: () => receipt ?? raw.forward(),
  };
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
export function startRestWorkers(
  client: JobWorkerClient,
  workers: readonly RegisteredWorker[],
  deps: WorkerDeps,
  opts: WorkerRunOptions,
): RunningWorkers {
  const running = workers.map((w) => {
    const handle = w.bind(deps);
    return client.createJobWorker({
      jobType: w.type,
      workerName: `${opts.workerName ?? 'kz-permits'}-${w.type}`,
      jobTimeoutMs: w.timeoutMs ?? opts.jobTimeoutMs,
      maxParallelJobs: opts.maxParallelJobs,
      pollTimeoutMs: 30_000,
      jobHandler: async (raw: EnrichedActivatedJob) => {
        const { job, receipt } = restJob(raw);
        await handle(job);
        return receipt();
      },
    });
  });
  return {
    transport: 'rest',
    types: workers.map((w) => w.type),
    stop: async () => {
      await Promise.all(running.map((w) => w.stopGracefully({ waitUpToMs: 5000 })));
    },
  };
}

/** gRPC job streaming against a real Zeebe gateway: jobs are pushed as soon as they exist. */
export function startGrpcWorkers(
  zeebe: StreamClient,
  workers: readonly RegisteredWorker[],
  deps: WorkerDeps,
  opts: WorkerRunOptions,
): RunningWorkers {
  const streams = workers.map((w) => {
    const handle = w.bind(deps);
    return zeebe.streamJobs({
      type: w.type,
      worker: `${opts.workerName ?? 'kz-permits'}-${w.type}`,
      timeout: w.timeoutMs ?? opts.jobTimeoutMs,
      // Zeebe's default tenant: the project does not use multi-tenancy.
      tenantIds: ['<default>'],
      taskHandler: async (raw) => {
        const { job, receipt } = streamedJob(raw);
        await handle(job);
        return receipt();
      },
    });
  });
  return {
    transport: 'grpc-stream',
    types: workers.map((w) => w.type),
    stop: async () => {
      for (const s of streams) (await s).close();
      await zeebe.close();
    },
  };
}

/** For tests and tools that need a logger but have none to give. */
export const SILENT_LOG: WorkerLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
