import { z } from 'zod';
import { t } from '../i18n';
import { applicantSchema, idempotencyKey, gatewaySlice } from './support';
import { defineWorker } from './define';

/** Service D §9: asks the antimonopoly body to confirm its prior consent to the creation. */
export default defineWorker({
  type: 'send-letter',
  timeoutMs: 30_000,
  input: z.object({
    applicationNumber: z.string().min(1),
    applicant: applicantSchema,
    /** The objects to guard (§9), as the applicant listed them. */
    objects: z.array(z.looseObject({ name: z.string(), location: z.string() })).nullish(),
    antimonopolyConsentRef: z.string().nullish(),
  }),
  config: gatewaySlice,
  async run(job, { applicationNumber, applicant, objects, antimonopolyConsentRef }, deps) {
    const receipt = await deps.gateway.antimonopoly.sendLetter(
      {
        applicationNumber,
        bin: applicant.bin,
        companyName: applicant.name ?? '',
        // The letter goes out in Russian, as it always has.
        subject: t('ru', 'document.letter.antimonopoly-subject'),
        objects: objects ?? [],
        antimonopolyConsentRef: antimonopolyConsentRef ?? undefined,
      },
      { idempotencyKey: idempotencyKey(job, 'letter') },
    );
    return { antimonopolyLetterId: receipt.letterId };
  },
});
