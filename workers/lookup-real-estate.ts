import { z } from 'zod';
import { readApplicant, gatewaySlice, stateSystemWorker } from './support';

/** Buildings, premises and shooting ranges the applicant owns or leases under a registered right. */
export default stateSystemWorker({
  type: 'lookup-real-estate',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const { bin } = readApplicant(job);
    return { realEstate: await deps.gateway.realEstate.findByOwner(bin) };
  },
});
