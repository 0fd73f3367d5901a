import { z } from 'zod';
import { applicantSchema, gatewaySlice, stateSystemWorker } from './support';

/**
 * The licence E-licensing holds: the one named in `licenceNumber` (re-issue, duplicate), or, for a
 * first issue, a licence the applicant already holds (the clerk sees it in the study), else null.
 */
export default stateSystemWorker({
  type: 'lookup-licence',
  timeoutMs: 30_000,
  input: z.object({ applicant: applicantSchema, licenceNumber: z.string().nullish() }),
  config: gatewaySlice,
  async run(_job, input, deps) {
    const number = input.licenceNumber?.trim() ?? '';
    const licence = number
      ? await deps.gateway.eLicensing.findLicence(number)
      : ((await deps.gateway.eLicensing.findLicencesByBin(input.applicant.bin))[0] ?? null);
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
