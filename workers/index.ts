import { Camunda8 } from '@camunda8/sdk';
import {
  camundaClientOptions,
  chooseWorkerTransport,
  orchestrationClient,
  probeGrpcTcp,
} from '../config/camunda';
import type { AppConfig } from '../config/schema';
import { connectionStateLog, SDK_TRANSPORT_LEVEL } from '../config/sdk-log';
import { databaseLocation, openAppDatabase, type AppDatabase } from '../adapters/db/connect';
import { createWorkerDeps, WorkerDeps } from './deps';
import { WORKERS } from './registry';
import { RunningWorkers, startGrpcWorkers, startRestWorkers } from './runtime';
import type { WorkerLogger } from './types';

export interface StartWorkersOptions {
  config: AppConfig;
  log: WorkerLogger;
  deps?: Partial<WorkerDeps>;
  /** The application database (calendar revisions, MCI values); the configured one by default. */
  database?: AppDatabase;
  /** For tests: skip the gRPC probe. */
  probeGrpc?: (address: string) => Promise<boolean>;
}

/**
 * Registers every job type with the engine through the official SDK: gRPC job streaming when a
 * reachable Zeebe gateway is configured, REST job workers otherwise (the embedded engine).
 */
export async function startWorkers(opts: StartWorkersOptions): Promise<RunningWorkers> {
  const { config, log } = opts;
  const database = opts.database ?? openAppDatabase(databaseLocation(config));
  // Fails early, naming the database, when it is down or not migrated; the SQLite default is migrated here.
  await database.ready();
  const running = await startWithDeps(opts, createWorkerDeps(config, log, opts.deps, database));
  return {
    ...running,
    stop: async () => {
      await running.stop();
      if (!opts.database) await database.close();
    },
  };
}

async function startWithDeps(opts: StartWorkersOptions, deps: WorkerDeps): Promise<RunningWorkers> {
  const { config, log } = opts;
  const c8 = new Camunda8(camundaClientOptions(config));
  const choice = await chooseWorkerTransport(config, opts.probeGrpc ?? ((a) => probeGrpcTcp(a)));
  if (choice.warning) log.warn(choice.warning);
  const run = { maxParallelJobs: config.worker.maxParallelJobs, jobTimeoutMs: config.worker.jobTimeoutMs };
  return choice.transport === 'grpc-stream'
    ? startGrpcWorkers(c8.getZeebeGrpcApiClient(), WORKERS, deps, run)
    : startRestWorkers(
        // One long-polling activation per job type: size the client's concurrency gate for all of them.
        orchestrationClient(
          config,
          { CAMUNDA_SDK_BACKPRESSURE_INITIAL_MAX: String(WORKERS.length * 2 + 16) },
          // One line per engine outage and one per recovery, not a stack trace per failed poll.
          { level: SDK_TRANSPORT_LEVEL, transport: connectionStateLog(log).transport },
        ),
        WORKERS,
        deps,
        run,
      );
}
