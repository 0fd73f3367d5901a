import { subjectsOf, gatewaySlice, stateSystemWorker, subjectsInput } from './support';

/** Identity and identity-document validity of the subjects (header `subjects`). */
export default stateSystemWorker({
  type: 'lookup-person',
  timeoutMs: 30_000,
  input: subjectsInput,
  config: gatewaySlice,
  async run(job, input, deps) {
    const subjects = subjectsOf(job, input);
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
