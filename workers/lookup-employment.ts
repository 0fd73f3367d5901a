import type { GatewayDeps } from '../adapters/gateway';
import { readSubjects, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/**
 * Employment records of the subjects. A subject without any record gives
 * `employmentFound: false`, which the diagram routes to the request for documents.
 */
const lookupEmployment: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-employment',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const subjects = readSubjects(job);
      const results = await Promise.all(subjects.map(({ iin }) => deps.gateway.employment.get(iin)));
      return job.complete({
        employment: results.flatMap((records) => records ?? []),
        employmentFound: results.every((records) => records !== null && records.length > 0),
      });
    }),
};
export default lookupEmployment;
