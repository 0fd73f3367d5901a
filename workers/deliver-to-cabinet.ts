import {
  almatyTimestamp,
  idempotencyKey,
  JobInputError,
  readApplicant,
  readString,
  gatewaySlice,
  applicationInput,
} from './support';
import { defineWorker } from './define';
import type { WorkerJob } from './types';

interface ResultDocument {
  documentId: string;
  kind: string;
  title: string;
  /** Number of the permit or licence when already known (re-issue, duplicate). */
  number?: string;
}

function readResultDocuments(job: WorkerJob): ResultDocument[] {
  const raw = job.variables.resultDocument;
  const list = Array.isArray(raw) ? [...raw] : [raw];
  // The annex formed beside the licence (Order 923 licence rules, Annexes 4–5) goes out with it.
  const annex = job.variables.annexDocument;
  if (typeof annex === 'object' && annex !== null && !Array.isArray(annex)) list.push(annex);
  return list.map((d) => {
    if (typeof d !== 'object' || d === null) throw new JobInputError('variable resultDocument is missing');
    const { documentId, kind, title, number } = d as Record<string, unknown>;
    if (typeof documentId !== 'string' || typeof kind !== 'string' || typeof title !== 'string') {
      throw new JobInputError('resultDocument needs documentId, kind and title');
    }
    return { documentId, kind, title, number: typeof number === 'string' ? number : undefined };
  });
}

/**
 * The signed result (or refusal) is formed in E-licensing and sent to the personal cabinet (C7).
 * Both writes carry keys derived from the job, so a retried job does not deliver twice.
 */
export default defineWorker({
  type: 'deliver-to-cabinet',
  timeoutMs: 60_000,
  input: applicationInput,
  config: gatewaySlice,
  async run(job, _input, deps) {
    const documents = readResultDocuments(job);
    const applicationNumber = readString(job, 'applicationNumber');
    const serviceId = readString(job, 'serviceId');
    const { bin } = readApplicant(job);
    const requestKind = job.variables.requestKind;
    const subType =
      job.variables.subType === 1 || job.variables.subType === 2 ? job.variables.subType : undefined;
    // A re-issued licence or a duplicate keeps the number of the licence it replaces.
    const keptNumber =
      requestKind === 'reissue' || requestKind === 'duplicate' ? job.variables.licenceNumber : undefined;
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
          number: doc.number ?? (typeof keptNumber === 'string' ? keptNumber : undefined),
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
