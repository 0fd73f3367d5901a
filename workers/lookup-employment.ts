import { subjectsOf, gatewaySlice, stateSystemWorker, subjectsInput } from './support';

/**
 * Employment records of the subjects. A subject without any record gives
 * `employmentFound: false`, which the diagram routes to the request for documents.
 */
export default stateSystemWorker({
  type: 'lookup-employment',
  timeoutMs: 30_000,
  input: subjectsInput,
  config: gatewaySlice,
  async run(job, input, deps) {
    const subjects = subjectsOf(job, input);
    const results = await Promise.all(subjects.map(({ iin }) => deps.gateway.employment.get(iin)));
    return {
      employment: results.flatMap((records) => records ?? []),
      employmentFound: results.every((records) => records !== null && records.length > 0),
    };
  },
});
