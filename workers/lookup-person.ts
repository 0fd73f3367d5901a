import type { GatewayDeps } from '../adapters/gateway';
import { readSubjects, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Identity and identity-document validity of the subjects (header `subjects`). */
const lookupPerson: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-person',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const subjects = readSubjects(job);
      const persons = await Promise.all(
        subjects.map(async ({ iin }) => {
          const person = await deps.gateway.persons.get(iin);
          // Unknown to the population register: no valid identity document can be shown.
          return person
            ? { ...person, found: true }
            : { iin, found: false, fullName: null, birthDate: null, identityDocumentValid: false };
        }),
      );
      return job.complete({ persons });
    }),
};
export default lookupPerson;
