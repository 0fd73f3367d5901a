import { createContext, type DocumentContext } from './context';
import {
  complaintAnswer,
  hearingRecord,
  missingDocumentsRequest,
  preliminaryDecision,
  refusal,
  refusalFurtherConsideration,
} from './notices';
import {
  antimonopolyLetter,
  consentLetter,
  licence,
  licenceAnnex,
  ministersOrderDraft,
  ministersOrderFinal,
  permit,
} from './results';
import type { DocumentContent, DocumentFacts, DocumentKind, Lang } from './types';

const BUILDERS: Record<DocumentKind, (ctx: DocumentContext) => DocumentContent> = {
  permit,
  licence,
  'licence-annex': licenceAnnex,
  'refusal-further-consideration': refusalFurtherConsideration,
  refusal,
  'preliminary-decision': preliminaryDecision,
  'hearing-record': hearingRecord,
  'antimonopoly-letter': antimonopolyLetter,
  'consent-letter': consentLetter,
  'ministers-order-draft': ministersOrderDraft,
  'ministers-order': ministersOrderFinal,
  'complaint-answer': complaintAnswer,
  'missing-documents-request': missingDocumentsRequest,
};

/**
 * The content of one outgoing document in one language. Pure: the date comes from the
 * `documentDate` fact. Throws `DocumentFactsError` naming the first missing or malformed fact.
 */
export function buildDocument(kind: DocumentKind, facts: DocumentFacts, lang: Lang): DocumentContent {
  const builder = BUILDERS[kind];
  if (!builder) throw new RangeError(`unknown document kind: ${String(kind)}`);
  return builder(createContext(kind, facts, lang));
}
