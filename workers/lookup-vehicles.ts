import { z } from 'zod';
import { readApplicant, gatewaySlice, stateSystemWorker } from './support';

/** Vehicles registered to the applicant (licence sub-type 1 needs at least two). */
export default stateSystemWorker({
  type: 'lookup-vehicles',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const { bin } = readApplicant(job);
    return { vehicles: await deps.gateway.vehicles.findByOwner(bin) };
  },
});
