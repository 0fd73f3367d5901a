import type { DocumentDeps } from '../adapters/documents';
import { DocumentFactsError, factsFromVariables, isDocumentKind, type Lang } from '../domain/documents';
import { SERVICES } from '../domain/documents/services';
import { misplacedGrounds } from '../domain/rules/refusal-grounds';
import type { ServiceId } from '../domain/services';
import { z } from 'zod';
import { t } from '../i18n';
import { defineWorker } from './define';
import { applicationInput } from './support';
import { JobInputError, TransientError } from './types';

/** Every outgoing document is issued in the state language and in Russian; Kazakh is the primary one. */
const LANGS: Lang[] = ['kk', 'ru'];
const RETRY_BACKOFF_MS = 10_000;

/**
 * The application every document belongs to, the refusal grounds it may quote (codes, as the forms
 * and scripts record them), and every other variable as a fact: the document model names a missing
 * fact (DocumentFactsError).
 */
const input = applicationInput
  .extend({
    refusalGrounds: z.array(z.union([z.string(), z.looseObject({ code: z.string() })])).nullish(),
  })
  .loose();

/**
 * Forms a document (header `documentKind`) in Kazakh and Russian from the process variables and
 * stores it; completes with `{ [resultVariable]: { documentId, kind, title, number, sha256, documents } }`.
 * A missing fact or an unknown kind is a modelling or data error: an incident shows the operator which
 * variable to fix. Storage failures are transient: retried with back-off.
 */
const generateDocument = defineWorker({
  type: 'generate-document',
  timeoutMs: 60_000,
  input,
  config: (deps): DocumentDeps => ({ documents: deps.documents, log: deps.log }),
  async run(job, variables, { documents, log }) {
    // Header `documentKindVariable` names a variable holding the kind, for a step that forms whichever
    // result the process chose (deliver-result forms the signed result again with its signing date).
    const kindVariable = job.customHeaders.documentKindVariable;
    const kind =
      typeof kindVariable === 'string' && kindVariable !== ''
        ? variables[kindVariable]
        : job.customHeaders.documentKind;
    if (!isDocumentKind(kind)) {
      const source =
        typeof kindVariable === 'string' && kindVariable !== ''
          ? `variable ${kindVariable}`
          : 'header documentKind';
      throw new JobInputError(`${source} is not a known document kind: ${String(kind)}`);
    }
    const misplaced = misplacedGroundsMessage(variables.serviceId, variables.refusalGrounds ?? []);
    if (misplaced) {
      log.error('refusal ground of another service', { kind, jobKey: job.key, misplaced });
      throw new JobInputError(misplaced);
    }
    const header = job.customHeaders.resultVariable;
    const resultVariable =
      typeof header === 'string' && header.trim() !== '' ? header.trim() : 'resultDocument';

    let stored;
    try {
      stored = await documents.generate(kind, factsFromVariables(variables), LANGS);
    } catch (err) {
      if (err instanceof DocumentFactsError) {
        log.error('document facts missing', {
          kind,
          field: err.field,
          jobKey: job.key,
          processInstanceKey: job.processInstanceKey,
        });
        throw new JobInputError(err.message);
      }
      const message = err instanceof Error ? err.message : String(err);
      throw new TransientError(`could not store the document: ${message}`, RETRY_BACKOFF_MS);
    }
    const primary = stored.find((d) => d.lang === 'kk') ?? stored[0];
    log.info('document generated', {
      kind,
      applicationNumber: primary.applicationNumber,
      documentId: primary.documentId,
    });
    return {
      [resultVariable]: {
        documentId: primary.documentId,
        kind,
        title: primary.title,
        number: primary.number,
        sha256: primary.sha256,
        documents: stored.map((d) => ({ lang: d.lang, documentId: d.documentId, sha256: d.sha256 })),
      },
    };
  },
});

/**
 * A document never quotes another service's ground (Order 923 List row 9; Order 138 Annex 2 row 11):
 * such a code is a modelling or data error the operator must see, in Kazakh and Russian, naming
 * the code and both services.
 */
function misplacedGroundsMessage(
  serviceId: ServiceId,
  refusalGrounds: readonly unknown[],
): string | undefined {
  const found = misplacedGrounds(serviceId, refusalGrounds);
  if (found.length === 0) return undefined;
  const own = SERVICES[serviceId].serviceName;
  const lines = found.map(({ code, ownerServiceId }) => {
    if (!ownerServiceId)
      return `${t('kk', 'error.grounds.unknown', { code })} / ${t('ru', 'error.grounds.unknown', { code })}`;
    const other = SERVICES[ownerServiceId].serviceName;
    const text = (lang: Lang) =>
      t(lang, 'error.grounds.otherService', { code, other: other[lang], own: own[lang] });
    return `${text('kk')} / ${text('ru')}`;
  });
  return lines.join('; ');
}

export default generateDocument;
