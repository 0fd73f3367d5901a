import { subjectsOf, gatewaySlice, stateSystemWorker, subjectsInput } from './support';

/**
 * Diplomas of the subjects from the national education database. A subject without any diploma
 * there gives `educationFound: false`, which the diagram routes to the request for documents.
 */
export default stateSystemWorker({
  type: 'lookup-education',
  timeoutMs: 30_000,
  input: subjectsInput,
  config: gatewaySlice,
  async run(job, input, deps) {
    const subjects = subjectsOf(job, input);
    const results = await Promise.all(subjects.map(({ iin }) => deps.gateway.education.get(iin)));
    return {
      education: results.flatMap((diplomas) => diplomas ?? []),
      educationFound: results.every((diplomas) => diplomas !== null && diplomas.length > 0),
    };
  },
});
