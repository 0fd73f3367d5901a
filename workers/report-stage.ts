import type { GatewayDeps } from '../adapters/gateway';
import {
  almatyTimestamp,
  idempotencyKey,
  readHeader,
  readString,
  runGatewayJob,
} from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Records the stage named in header `stage` in the public-service monitoring system (C9). */
const reportStage: WorkerDefinition<GatewayDeps> = {
  type: 'report-stage',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const stage = readHeader(job, 'stage');
      await deps.gateway.monitoring.report(
        {
          applicationNumber: readString(job, 'applicationNumber'),
          serviceId: readString(job, 'serviceId'),
          stage,
          at: almatyTimestamp(deps.clock),
        },
        // Stable across retries of this job, so a retried job reports the stage once.
        { idempotencyKey: idempotencyKey(job, 'monitoring') },
      );
      return job.complete();
    }),
};
export default reportStage;
