import { z } from 'zod';
import { idempotencyKey, readApplicant, readString, gatewaySlice } from './support';
import { defineWorker } from './define';

/** Service D §9: asks the antimonopoly body to confirm its prior consent to the creation. */
export default defineWorker({
  type: 'send-letter',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
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
    return { antimonopolyLetterId: receipt.letterId };
  },
});
