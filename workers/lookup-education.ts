import type { GatewayDeps } from '../adapters/gateway';
import { readSubjects, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/**
 * Diplomas of the subjects from the national education database. A subject without any diploma
 * there gives `educationFound: false`, which the diagram routes to the request for documents.
 */
const lookupEducation: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-education',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const subjects = readSubjects(job);
      const results = await Promise.all(subjects.map(({ iin }) => deps.gateway.education.get(iin)));
      return job.complete({
        education: results.flatMap((diplomas) => diplomas ?? []),
        educationFound: results.every((diplomas) => diplomas !== null && diplomas.length > 0),
      });
    }),
};
export default lookupEducation;
