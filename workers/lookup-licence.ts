import type { GatewayDeps } from '../adapters/gateway';
import { readApplicant, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/**
 * The licence E-licensing holds: the one named in `licenceNumber` (re-issue, duplicate), or, for a
 * first issue, a licence the applicant already holds (the clerk sees it in the study), else null.
 */
const lookupLicence: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-licence',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const raw = job.variables.licenceNumber;
      const number = typeof raw === 'string' ? raw.trim() : '';
      const licence = number
        ? await deps.gateway.eLicensing.findLicence(number)
        : ((await deps.gateway.eLicensing.findLicencesByBin(readApplicant(job).bin))[0] ?? null);
      return job.complete({
        existingLicence: licence && {
          number: licence.number,
          bin: licence.bin,
          subType: licence.subType,
          status: licence.status,
          issuedOn: licence.issuedOn,
        },
      });
    }),
};
export default lookupLicence;
