import { z } from 'zod';
import { readSubjects, gatewaySlice, stateSystemWorker } from './support';

/** Whether the subjects are on the mental-health (psychiatric and narcological) register. */
export default stateSystemWorker({
  type: 'lookup-mental-health',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const subjects = readSubjects(job);
    const mentalHealth = await Promise.all(
      subjects.map(async ({ iin }) => {
        const record = await deps.gateway.mentalHealth.get(iin);
        return record ? { ...record, found: true } : { iin, found: false, registered: false };
      }),
    );
    return { mentalHealth };
  },
});
