import { applicantInput, gatewaySlice, stateSystemWorker } from './support';

/** Buildings, premises and shooting ranges the applicant owns or leases under a registered right. */
export default stateSystemWorker({
  type: 'lookup-real-estate',
  timeoutMs: 30_000,
  input: applicantInput,
  config: gatewaySlice,
  async run(_job, { applicant: { bin } }, deps) {
    return { realEstate: await deps.gateway.realEstate.findByOwner(bin) };
  },
});
