import type { GatewayDeps } from '../adapters/gateway';
import { readSubjects, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Whether the subjects are on the mental-health (psychiatric and narcological) register. */
const lookupMentalHealth: WorkerDefinition<GatewayDeps> = {
  type: 'lookup-mental-health',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const subjects = readSubjects(job);
      const mentalHealth = await Promise.all(
        subjects.map(async ({ iin }) => {
          const record = await deps.gateway.mentalHealth.get(iin);
          return record ? { ...record, found: true } : { iin, found: false, registered: false };
        }),
      );
      return job.complete({ mentalHealth });
    }),
};
export default lookupMentalHealth;
