import type { GatewayDeps } from '../adapters/gateway';
import { readApplicant, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Vehicles registered to the applicant (licence sub-type 1 needs at least two). */
const lookupVehicles: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-vehicles',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const { bin } = readApplicant(job);
      return job.complete({ vehicles: await deps.gateway.vehicles.findByOwner(bin) });
    }),
};
export default lookupVehicles;
