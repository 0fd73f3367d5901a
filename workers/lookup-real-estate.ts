import type { GatewayDeps } from '../adapters/gateway';
import { readApplicant, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Buildings, premises and shooting ranges the applicant owns or leases under a registered right. */
const lookupRealEstate: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-real-estate',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const { bin } = readApplicant(job);
      return job.complete({ realEstate: await deps.gateway.realEstate.findByOwner(bin) });
    }),
};
export default lookupRealEstate;
