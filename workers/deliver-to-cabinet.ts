import { z } from 'zod';
import { almatyTimestamp, idempotencyKey, gatewaySlice, applicantSchema, applicationInput } from './support';
import { defineWorker } from './define';

/** A generated document as generate-document writes it (`resultDocument`, `annexDocument`). */
const documentRef = z.object({
  documentId: z.string().min(1),
  kind: z.string().min(1),
  title: z.string(),
  /** Number of the permit or licence when already known (re-issue, duplicate). */
  number: z.string().nullish(),
});

const input = applicationInput.extend({
  applicant: applicantSchema,
  resultDocument: z.union([documentRef, z.array(documentRef)]),
  // The annex formed beside the licence (Order 923 licence rules, Annexes 4–5) goes out with it.
  annexDocument: documentRef.nullish(),
  requestKind: z.string().nullish(),
  subType: z.union([z.literal(1), z.literal(2)]).nullish(),
  licenceNumber: z.string().nullish(),
});

/**
 * The signed result (or refusal) is formed in E-licensing and sent to the personal cabinet (C7).
 * Both writes carry keys derived from the job, so a retried job does not deliver twice.
 */
export default defineWorker({
  type: 'deliver-to-cabinet',
  timeoutMs: 60_000,
  input,
  config: gatewaySlice,
  async run(job, v, deps) {
    const documents = [
      ...(Array.isArray(v.resultDocument) ? v.resultDocument : [v.resultDocument]),
      ...(v.annexDocument ? [v.annexDocument] : []),
    ];
    const { applicationNumber, serviceId } = v;
    const { bin } = v.applicant;
    const subType = v.subType ?? undefined;
    // A re-issued licence or a duplicate keeps the number of the licence it replaces.
    const keptNumber =
      v.requestKind === 'reissue' || v.requestKind === 'duplicate' ? v.licenceNumber : undefined;
    let resultNumber: string | undefined;
    for (const doc of documents) {
      const receipt = await deps.gateway.eLicensing.record(
        {
          applicationNumber,
          serviceId,
          bin,
          kind: doc.kind,
          documentId: doc.documentId,
          title: doc.title,
          number: doc.number ?? keptNumber ?? undefined,
          subType,
        },
        { idempotencyKey: idempotencyKey(job, `e-licensing:${doc.documentId}`) },
      );
      resultNumber ??= receipt.number ?? undefined;
      await deps.gateway.cabinet.send(
        bin,
        { applicationNumber, kind: doc.kind, title: doc.title, documentId: doc.documentId },
        { idempotencyKey: idempotencyKey(job, `cabinet:${doc.documentId}`) },
      );
    }
    const deliveredAt = almatyTimestamp(deps.clock);
    return resultNumber ? { deliveredAt, resultNumber } : { deliveredAt };
  },
});
