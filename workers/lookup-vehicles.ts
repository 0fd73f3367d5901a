import { z } from 'zod';
import { readApplicant, gatewaySlice } from './support';
import { defineWorker } from './define';

/** Vehicles registered to the applicant (licence sub-type 1 needs at least two). */
export default defineWorker({
  type: 'lookup-vehicles',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const { bin } = readApplicant(job);
    return { vehicles: await deps.gateway.vehicles.findByOwner(bin) };
  },
});
