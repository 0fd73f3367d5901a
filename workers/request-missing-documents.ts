import { z } from 'zod';
import { t } from '../i18n';
import type { DocumentService } from '../adapters/documents';
import type { GatewayDeps } from '../adapters/gateway';
import { requestedDocumentLabel } from '../domain/applications/cabinet';
import { factsFromVariables } from '../domain/documents';
import { formatDateTime } from '../domain/documents/format';
import {
  almatyTimestamp,
  idempotencyKey,
  instantSchema,
  subjectsInput,
  subjectsOf,
  type SubjectRole,
  JobInputError,
  gatewaySlice,
} from './support';
import { defineWorker } from './define';
import type { WorkerJob } from './types';

export interface MissingDocument {
  document: 'education-diploma' | 'employment-record';
  role: SubjectRole;
  iin: string;
}

/** What is asked for, as the request names it in each language (the cabinet shows the same words). */
const label = (m: MissingDocument) => requestedDocumentLabel(m);

/** Records of a lookup (lookup-education, lookup-employment), keyed by the person's IIN. */
const records = z.array(z.looseObject({ iin: z.string() })).nullish();

const input = subjectsInput.extend({
  applicationNumber: z.string().min(1),
  educationFound: z.boolean().nullish(),
  education: records,
  employmentFound: z.boolean().nullish(),
  employment: records,
  /** When the applicant's answer is due; needed only when something is requested. */
  deadlineMissingDocuments: instantSchema.nullish(),
});
type Input = z.output<typeof input>;

/** IINs among the subjects that have no entry in a looked-up list. */
function missing(
  job: WorkerJob,
  v: Input,
  found: boolean | null | undefined,
  list: Input['education'],
  document: MissingDocument['document'],
): MissingDocument[] {
  if (found !== false) return [];
  return subjectsOf(job, v)
    .filter((s) => !(list ?? []).some((entry) => entry.iin === s.iin))
    .map((s) => ({ document, role: s.role, iin: s.iin }));
}

/**
 * Fallback when the registries hold no diploma or employment record for the head (or other
 * subjects): the provider asks the applicant for electronic copies within 1 working day (Order 923
 * licence rules, List row 8 last indent). The request document (missing-documents-request) is
 * formed in Kazakh and Russian with the answer deadline (`deadlineMissingDocuments`), and the
 * cabinet message says the same in both languages.
 */
export default defineWorker({
  type: 'request-missing-documents',
  timeoutMs: 30_000,
  input,
  config: (deps): GatewayDeps & { documents?: DocumentService } => ({
    ...gatewaySlice(deps),
    documents: deps.documents,
  }),
  async run(job, v, deps) {
    const requested = [
      ...missing(job, v, v.educationFound, v.education, 'education-diploma'),
      ...missing(job, v, v.employmentFound, v.employment, 'employment-record'),
    ];
    const requestedAt = almatyTimestamp(deps.clock);
    const variables: Record<string, unknown> = {
      missingDocumentsRequestedAt: requestedAt,
      missingDocumentsRequested: requested,
    };
    if (requested.length > 0) {
      const { applicationNumber } = v;
      const dueAt = v.deadlineMissingDocuments;
      if (!dueAt) throw new JobInputError('variable deadlineMissingDocuments is missing');
      const due = new Date(dueAt);
      const labels = requested.map(label);
      let documentId: string | undefined;
      if (deps.documents) {
        const stored = await deps.documents.generate(
          'missing-documents-request',
          factsFromVariables({ ...job.variables, missingDocuments: labels, responseDueAt: dueAt }),
          ['kk', 'ru'],
        );
        const primary = stored.find((d) => d.lang === 'kk') ?? stored[0];
        documentId = primary.documentId;
        variables.documentRequestDocument = {
          documentId,
          kind: 'missing-documents-request',
          title: primary.title,
          number: primary.number,
          documents: stored.map((d) => ({ lang: d.lang, documentId: d.documentId, sha256: d.sha256 })),
        };
      }
      await deps.gateway.cabinet.send(
        v.applicant.bin,
        {
          applicationNumber,
          kind: 'missing-documents-request',
          title: `${t('kk', 'notice.missing-documents.title')} / ${t('ru', 'notice.missing-documents.title')}`,
          ...(documentId ? { documentId } : {}),
          body: (['kk', 'ru'] as const)
            .map((lang) =>
              [
                t(lang, 'notice.missing-documents.intro', { number: applicationNumber }),
                ...labels.map((l) => `— ${l[lang]}`),
                t(lang, 'notice.missing-documents.due', { due: formatDateTime(due, lang) }),
              ].join('\n'),
            )
            .join('\n\n'),
        },
        { idempotencyKey: idempotencyKey(job, 'missing-documents') },
      );
    }
    return variables;
  },
});
