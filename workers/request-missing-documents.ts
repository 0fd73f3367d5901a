import type { GatewayDeps } from '../adapters/gateway';
import {
  almatyTimestamp,
  idempotencyKey,
  readApplicant,
  readString,
  readSubjects,
  runGatewayJob,
  type SubjectRole,
} from '../adapters/gateway/worker-support';
import type { WorkerDefinition, WorkerJob } from './types';

export interface MissingDocument {
  document: 'education-diploma' | 'employment-record';
  role: SubjectRole;
  iin: string;
}

const ROLE_RU: Record<SubjectRole, string> = {
  head: 'руководителя',
  specialist: 'специалиста',
  founder: 'учредителя',
};
const DOCUMENT_RU: Record<MissingDocument['document'], string> = {
  'education-diploma': 'электронная копия диплома об образовании',
  'employment-record': 'электронная копия документа, подтверждающего трудовую деятельность',
};

/** IINs among the subjects that have no entry in a looked-up list. */
function missing(
  job: WorkerJob,
  foundVar: string,
  listVar: string,
  document: MissingDocument['document'],
): MissingDocument[] {
  if (job.variables[foundVar] !== false) return [];
  const list = Array.isArray(job.variables[listVar]) ? (job.variables[listVar] as { iin?: unknown }[]) : [];
  return readSubjects(job)
    .filter((s) => !list.some((entry) => entry?.iin === s.iin))
    .map((s) => ({ document, role: s.role, iin: s.iin }));
}

/**
 * Fallback when the registries hold no diploma or employment record for the head (or other
 * subjects): the provider asks the applicant for electronic copies within 1 working day.
 */
const requestMissingDocuments: WorkerDefinition<GatewayDeps> = {
  type: 'request-missing-documents',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const requested = [
        ...missing(job, 'educationFound', 'education', 'education-diploma'),
        ...missing(job, 'employmentFound', 'employment', 'employment-record'),
      ];
      const requestedAt = almatyTimestamp(deps.clock);
      if (requested.length > 0) {
        const applicationNumber = readString(job, 'applicationNumber');
        const lines = requested.map((m) => `— ${DOCUMENT_RU[m.document]} ${ROLE_RU[m.role]}`);
        await deps.gateway.cabinet.send(
          readApplicant(job).bin,
          {
            applicationNumber,
            kind: 'missing-documents-request',
            title: 'Құжаттарды ұсыну туралы сұрау / Запрос недостающих документов',
            body: [
              `Сведения не получены из государственных информационных систем. По заявлению № ${applicationNumber} просим представить:`,
              ...lines,
            ].join('\n'),
          },
          { idempotencyKey: idempotencyKey(job, 'missing-documents') },
        );
      }
      return job.complete({ missingDocumentsRequestedAt: requestedAt, missingDocumentsRequested: requested });
    }),
};
export default requestMissingDocuments;
