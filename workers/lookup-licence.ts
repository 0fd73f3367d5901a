import type { GatewayDeps } from '../adapters/gateway';
import { readString, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** The licence named in `licenceNumber` (re-issue, duplicate) as E-licensing holds it, or null. */
const lookupLicence: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-licence',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const number = readString(job, 'licenceNumber').trim();
      const licence = await deps.gateway.eLicensing.findLicence(number);
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
