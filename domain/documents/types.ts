/** Languages every outgoing document is produced in: the state language and Russian. */
export type Lang = 'kk' | 'ru';

export const DOCUMENT_KINDS = [
  'permit',
  'licence',
  'licence-annex',
  'refusal-further-consideration',
  'refusal',
  'preliminary-decision',
  'hearing-record',
  'antimonopoly-letter',
  'consent-letter',
  'ministers-order-draft',
  'ministers-order',
  'complaint-answer',
  'missing-documents-request',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export interface DocumentSection {
  heading?: string;
  paragraphs: string[];
  /** Two-column label/value table, e.g. the particulars of a permit. */
  table?: { rows: [string, string][] };
}

export interface DocumentSignature {
  role: string;
  name?: string;
  /** Already formatted for display in the document's language. */
  signedAt?: string;
}

/** What a document says, independent of how it is laid out. */
export interface DocumentContent {
  kind: DocumentKind;
  lang: Lang;
  title: string;
  number: string;
  /**
   * Display date of the document, dd.mm.yyyy (Astana time). For a document the head signs it is the
   * signing date; before the signature it says that the date is set on signing.
   */
  date: string;
  /** City where the provider sits, printed beside the date; absent when the facts do not name it. */
  place?: string;
  issuer: string;
  addressee: string;
  sections: DocumentSection[];
  legalBasis: string[];
  signature: DocumentSignature;
}

/**
 * Process variables the documents are built from (see the intake contract), plus
 * `documentDate` (ISO instant or date the document is dated) and optional `documentSeq`
 * (1-based counter of documents of this kind for the application).
 */
export type DocumentFacts = Readonly<Record<string, unknown>>;

/**
 * A required fact is missing or malformed. It is a modelling or data error, not a business
 * outcome: the process cannot go on until someone fixes the variables.
 */
export class DocumentFactsError extends Error {
  override readonly name = 'DocumentFactsError';
  constructor(
    readonly kind: DocumentKind,
    /** Dotted path of the fact, e.g. `hearing.at` or `refusalGrounds[1].ruleRef`. */
    readonly field: string,
    readonly problem: 'missing' | 'invalid',
    detail?: string,
  ) {
    super(`Document "${kind}" needs fact "${field}": ${problem}${detail ? ` (${detail})` : ''}`);
  }
}
