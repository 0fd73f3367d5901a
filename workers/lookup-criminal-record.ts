import type { GatewayDeps } from '../adapters/gateway';
import { readSubjects, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Criminal and administrative liability of the subjects (header `subjects`). */
const lookupCriminalRecord: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-criminal-record',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
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
      return job.complete({ criminalRecords });
    }),
};
export default lookupCriminalRecord;
