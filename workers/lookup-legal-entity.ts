import { applicantInput, gatewaySlice, stateSystemWorker } from './support';

/** State registration, charter, head, founders and court restrictions of the applicant (by BIN). */
export default stateSystemWorker({
  type: 'lookup-legal-entity',
  timeoutMs: 30_000,
  input: applicantInput,
  config: gatewaySlice,
  async run(_job, { applicant: { bin } }, deps) {
    const entity = await deps.gateway.legalEntities.get(bin);
    // Not registered is a fact for the compliance check, not a technical failure.
    return { legalEntity: entity ? { found: true, ...entity } : { found: false, bin } };
  },
});
