import { subjectsOf, gatewaySlice, stateSystemWorker, subjectsInput } from './support';

/** Criminal and administrative liability of the subjects (header `subjects`). */
export default stateSystemWorker({
  type: 'lookup-criminal-record',
  timeoutMs: 30_000,
  input: subjectsInput,
  config: gatewaySlice,
  async run(job, input, deps) {
    const subjects = subjectsOf(job, input);
    const criminalRecords = await Promise.all(
      subjects.map(async ({ iin }) => {
        const record = await deps.gateway.criminalRecords.get(iin);
        // `found: false`: the registry knows no such person, so no certificate exists;
        // lookup-person reports the same person with no valid identity document.
        return record
          ? { ...record, found: true }
          : {
              iin,
              found: false,
              hasConviction: false,
              nonExoneratingRelease: false,
              pendingCriminalCase: false,
              administrativeOffences: 0,
              extremismOrTerrorismData: false,
            };
      }),
    );
    return { criminalRecords };
  },
});
