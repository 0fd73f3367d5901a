import { z } from 'zod';
import { readSubjects, gatewaySlice, stateSystemWorker } from './support';

/**
 * Diplomas of the subjects from the national education database. A subject without any diploma
 * there gives `educationFound: false`, which the diagram routes to the request for documents.
 */
export default stateSystemWorker({
  type: 'lookup-education',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const subjects = readSubjects(job);
    const results = await Promise.all(subjects.map(({ iin }) => deps.gateway.education.get(iin)));
    return {
      education: results.flatMap((diplomas) => diplomas ?? []),
      educationFound: results.every((diplomas) => diplomas !== null && diplomas.length > 0),
    };
  },
});
