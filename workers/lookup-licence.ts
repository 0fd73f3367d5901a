import { z } from 'zod';
import { readApplicant, gatewaySlice, stateSystemWorker } from './support';

/**
 * The licence E-licensing holds: the one named in `licenceNumber` (re-issue, duplicate), or, for a
 * first issue, a licence the applicant already holds (the clerk sees it in the study), else null.
 */
export default stateSystemWorker({
  type: 'lookup-licence',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const raw = job.variables.licenceNumber;
    const number = typeof raw === 'string' ? raw.trim() : '';
    const licence = number
      ? await deps.gateway.eLicensing.findLicence(number)
      : ((await deps.gateway.eLicensing.findLicencesByBin(readApplicant(job).bin))[0] ?? null);
    return {
      existingLicence: licence && {
        number: licence.number,
        bin: licence.bin,
        subType: licence.subType,
        status: licence.status,
        issuedOn: licence.issuedOn,
      },
    };
  },
});
