import type { GatewayDeps } from '../adapters/gateway';
import { readApplicant, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** State registration, charter, head, founders and court restrictions of the applicant (by BIN). */
const lookupLegalEntity: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-legal-entity',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const { bin } = readApplicant(job);
      const entity = await deps.gateway.legalEntities.get(bin);
      // Not registered is a fact for the compliance check, not a technical failure.
      return job.complete({ legalEntity: entity ? { found: true, ...entity } : { found: false, bin } });
    }),
};
export default lookupLegalEntity;
