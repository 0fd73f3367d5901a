import { applicantInput, gatewaySlice, stateSystemWorker } from './support';

/** Vehicles registered to the applicant (licence sub-type 1 needs at least two). */
export default stateSystemWorker({
  type: 'lookup-vehicles',
  timeoutMs: 30_000,
  input: applicantInput,
  config: gatewaySlice,
  async run(_job, { applicant: { bin } }, deps) {
    return { vehicles: await deps.gateway.vehicles.findByOwner(bin) };
  },
});
