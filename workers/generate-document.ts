import type { DocumentDeps } from '../adapters/documents';
import { DocumentFactsError, factsFromVariables, isDocumentKind, type Lang } from '../domain/documents';
import { SERVICES } from '../domain/documents/services';
import { misplacedGrounds } from '../domain/rules/refusal-grounds';
import { isServiceId } from '../domain/services';
import type { WorkerDefinition } from './types';

/** Every outgoing document is issued in the state language and in Russian; Kazakh is the primary one. */
const LANGS: Lang[] = ['kk', 'ru'];
const RETRY_BACKOFF_MS = 10_000;

/**
 * Forms a document (header `documentKind`) in Kazakh and Russian from the process variables and
 * stores it; completes with `{ [resultVariable]: { documentId, kind, title, number, sha256, documents } }`.
 * A missing fact or an unknown kind is a modelling or data error: the job fails without retries so an
 * incident shows the operator which variable to fix. Storage failures are retried.
 */
const generateDocument: WorkerDefinition<DocumentDeps> = {
  type: 'generate-document',
  timeoutMs: 60_000,
  async handler(job, { documents, log }) {
    // Header `documentKindVariable` names a variable holding the kind, for a step that forms whichever
    // result the process chose (deliver-result forms the signed result again with its signing date).
    const kindVariable = job.customHeaders.documentKindVariable;
    const kind =
      typeof kindVariable === 'string' && kindVariable !== ''
        ? job.variables[kindVariable]
        : job.customHeaders.documentKind;
    if (!isDocumentKind(kind)) {
      const source =
        typeof kindVariable === 'string' && kindVariable !== ''
          ? `variable ${kindVariable}`
          : 'header documentKind';
      return job.fail({
        errorMessage: `${source} is not a known document kind: ${String(kind)}`,
        retries: 0,
      });
    }
    const misplaced = misplacedGroundsMessage(job.variables);
    if (misplaced) {
      log.error('refusal ground of another service', { kind, jobKey: job.key, misplaced });
      return job.fail({ errorMessage: misplaced, retries: 0 });
    }
    const header = job.customHeaders.resultVariable;
    const resultVariable =
      typeof header === 'string' && header.trim() !== '' ? header.trim() : 'resultDocument';

    try {
      const stored = await documents.generate(kind, factsFromVariables(job.variables), LANGS);
      const primary = stored.find((d) => d.lang === 'kk') ?? stored[0];
      log.info('document generated', {
        kind,
        applicationNumber: primary.applicationNumber,
        documentId: primary.documentId,
      });
      return job.complete({
        [resultVariable]: {
          documentId: primary.documentId,
          kind,
          title: primary.title,
          number: primary.number,
          sha256: primary.sha256,
          documents: stored.map((d) => ({ lang: d.lang, documentId: d.documentId, sha256: d.sha256 })),
        },
      });
    } catch (err) {
      if (err instanceof DocumentFactsError) {
        log.error('document facts missing', {
          kind,
          field: err.field,
          jobKey: job.key,
          processInstanceKey: job.processInstanceKey,
        });
        return job.fail({ errorMessage: err.message, retries: 0 });
      }
      const message = err instanceof Error ? err.message : String(err);
      log.warn('document storage failed', { kind, jobKey: job.key, error: message });
      return job.fail({
        errorMessage: `could not store the document: ${message}`,
        retries: Math.max(job.retries - 1, 0),
        retryBackOff: RETRY_BACKOFF_MS,
      });
    }
  },
};

/**
 * A document never quotes another service's ground (Order 923 List row 9; Order 138 Annex 2 row 11):
 * such a code is a modelling or data error the operator must see, in Kazakh and Russian, naming
 * the code and both services.
 */
function misplacedGroundsMessage(variables: Record<string, unknown>): string | undefined {
  const serviceId = variables.serviceId;
  if (typeof serviceId !== 'string' || !isServiceId(serviceId) || !Array.isArray(variables.refusalGrounds))
    return undefined;
  const found = misplacedGrounds(serviceId, variables.refusalGrounds);
  if (found.length === 0) return undefined;
  const own = SERVICES[serviceId].serviceName;
  const lines = found.map(({ code, ownerServiceId }) => {
    if (!ownerServiceId)
      return `Бас тарту негізі ${code} тізбеде жоқ / Основания отказа ${code} нет в перечне`;
    const other = SERVICES[ownerServiceId].serviceName;
    return `Бас тарту негізі ${code} «${other.kk}» қызметіне жатады, ал өтініш «${own.kk}» қызметі бойынша берілген / Основание отказа ${code} относится к услуге «${other.ru}», а заявление подано на услугу «${own.ru}»`;
  });
  return lines.join('; ');
}

export default generateDocument;
