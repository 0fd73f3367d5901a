/**
 * The public verification API's answers (`GET /api/verify?number=…`, `POST /api/verify/upload`),
 * shared by the server (ui/eds/routes.ts) and the page (ui/client/components/verify-page.ts).
 */
export interface Bilingual {
  kk: string;
  ru: string;
}

/** A signed document as anyone may see it: nothing about the applicant beyond what it prints. */
export interface VerifiedDocument {
  documentId: string;
  /** Register number printed on the document. */
  number: string;
  title: string;
  /** The document's kind in both languages (licence, permit, refusal…). */
  kind: Bilingual;
  /** The document's own language. */
  lang: 'kk' | 'ru';
  signer: { fullName: string; organization?: string };
  /** When it was signed, DD.MM.YYYY HH:mm:ss in Almaty time. */
  signingTime: string;
  certificate: {
    /** The certification authority that issued the signer's certificate (its common name). */
    issuer: string;
    /** The certificate's end of validity, DD.MM.YYYY HH:mm in Almaty time. */
    validUntil: string;
  };
  /** Where the signed PDF is downloaded. */
  download: string;
}

/**
 * The outcome of a check: `genuine` (a number whose signed documents verify), `unaltered` (an
 * uploaded file equal to a signed document that verifies), `not-found` (no signed document has that
 * number) or `altered` (the uploaded file is not one of the register's signed documents).
 */
export interface VerifyAnswer {
  outcome: 'genuine' | 'unaltered' | 'not-found' | 'altered';
  genuine: boolean;
  message: Bilingual;
  documents: VerifiedDocument[];
}
