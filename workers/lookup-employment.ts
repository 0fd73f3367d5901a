import { z } from 'zod';
import { readSubjects, gatewaySlice, stateSystemWorker } from './support';

/**
 * Employment records of the subjects. A subject without any record gives
 * `employmentFound: false`, which the diagram routes to the request for documents.
 */
export default stateSystemWorker({
  type: 'lookup-employment',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const subjects = readSubjects(job);
    const results = await Promise.all(subjects.map(({ iin }) => deps.gateway.employment.get(iin)));
    return {
      employment: results.flatMap((records) => records ?? []),
      employmentFound: results.every((records) => records !== null && records.length > 0),
    };
  },
});
