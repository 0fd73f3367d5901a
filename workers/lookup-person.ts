import { z } from 'zod';
import { readSubjects, gatewaySlice, stateSystemWorker } from './support';

/** Identity and identity-document validity of the subjects (header `subjects`). */
export default stateSystemWorker({
  type: 'lookup-person',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
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
    return { persons };
  },
});
