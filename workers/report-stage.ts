import { almatyTimestamp, idempotencyKey, readHeader, gatewaySlice, applicationInput } from './support';
import { defineWorker } from './define';

/** Records the stage named in header `stage` in the public-service monitoring system (C9). */
export default defineWorker({
  type: 'report-stage',
  timeoutMs: 30_000,
  input: applicationInput,
  config: gatewaySlice,
  async run(job, { applicationNumber, serviceId }, deps) {
    const stage = readHeader(job, 'stage');
    await deps.gateway.monitoring.report(
      {
        applicationNumber,
        serviceId,
        stage,
        at: almatyTimestamp(deps.clock),
      },
      // Stable across retries of this job, so a retried job reports the stage once.
      { idempotencyKey: idempotencyKey(job, 'monitoring') },
    );
    return {};
  },
});
