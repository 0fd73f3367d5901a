import { subjectsOf, gatewaySlice, stateSystemWorker, subjectsInput } from './support';

/** Whether the subjects are on the mental-health (psychiatric and narcological) register. */
export default stateSystemWorker({
  type: 'lookup-mental-health',
  timeoutMs: 30_000,
  input: subjectsInput,
  config: gatewaySlice,
  async run(job, input, deps) {
    const subjects = subjectsOf(job, input);
    const mentalHealth = await Promise.all(
      subjects.map(async ({ iin }) => {
        const record = await deps.gateway.mentalHealth.get(iin);
        return record ? { ...record, found: true } : { iin, found: false, registered: false };
      }),
    );
    return { mentalHealth };
  },
});
