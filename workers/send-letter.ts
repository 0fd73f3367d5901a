import type { GatewayDeps } from '../adapters/gateway';
import { idempotencyKey, readApplicant, readString, runGatewayJob } from '../adapters/gateway/worker-support';
import type { WorkerDefinition } from './types';

/** Service D §9: asks the antimonopoly body to confirm its prior consent to the creation. */
const sendLetter: WorkerDefinition<GatewayDeps> = {
  type: 'send-letter',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const applicant = readApplicant(job);
      const objects = Array.isArray(job.variables.objects) ? job.variables.objects : [];
      const ref = job.variables.antimonopolyConsentRef;
      const receipt = await deps.gateway.antimonopoly.sendLetter(
        {
          applicationNumber: readString(job, 'applicationNumber'),
          bin: applicant.bin,
          companyName: applicant.name,
          subject:
            'Подтверждение предварительного согласия на создание охранной организации национальной компанией',
          objects,
          antimonopolyConsentRef: typeof ref === 'string' ? ref : undefined,
        },
        { idempotencyKey: idempotencyKey(job, 'letter') },
      );
      return job.complete({ antimonopolyLetterId: receipt.letterId });
    }),
};
export default sendLetter;
