import { z } from 'zod';
import { readSubjects, gatewaySlice, stateSystemWorker } from './support';

/** Criminal and administrative liability of the subjects (header `subjects`). */
export default stateSystemWorker({
  type: 'lookup-criminal-record',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const subjects = readSubjects(job);
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
