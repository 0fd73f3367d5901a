/**
 * The head signs the result (Task_SignResult): the server lays the stored document out again with
 * the visible signature block and a QR code, adds a signature placeholder and hands the official's
 * browser the bytes to sign; NCALayer signs them with the head's key; the server verifies the CMS
 * (integrity, chain, validity at signing time, revocation, key usage, the signer is the assigned
 * head) and only then stores the signed PDF. The task cannot complete before (see `isSignedBy`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { formatAlmatyDateTime } from '../../domain/almaty-time';
import type { Clock } from '../../domain/clock';
import { buildDocument, factsFromVariables, type DocumentKind, type Lang } from '../../domain/documents';
import { renderPdf, type DocumentService } from '../documents';
import { addSignaturePlaceholder, embedSignature, signatureBlock } from './pades';
import type { SignedDocument, SignedDocumentStore } from './signed-documents';
import { EdsError, identityOf, verifyCms, type TrustStore } from './verify';
import { x509 } from './x509';
import { t, type MessageKey } from '../../i18n';
import {
  createResultPreparationRepository,
  type PreparedDocument,
  type ResultPreparationStore,
} from '../db/result-preparations';

/** A prepared signature waits this long for NCALayer. */
const PENDING_TTL_MS = 15 * 60_000;

/** A refusal to prepare or store the signed result, in both languages from the catalogue. */
export class ResultDocumentError extends Error {
  readonly kk: string;
  readonly ru: string;
  constructor(
    key: MessageKey,
    readonly status = 409,
  ) {
    super(t('ru', key));
    this.kk = t('kk', key);
    this.ru = t('ru', key);
  }
}

/** Document ids of the result a deliver-result instance carries (`resultDocument.documents`). */
export function resultDocumentIds(variables: Record<string, unknown>): string[] {
  const result = variables.resultDocument as
    { documentId?: string; documents?: Array<{ documentId?: string }> } | undefined;
  const ids = (result?.documents ?? []).map((d) => d.documentId).filter((d): d is string => Boolean(d));
  if (!ids.length && result?.documentId) ids.push(result.documentId);
  return ids;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function createResultSigning(deps: {
  documents: Pick<DocumentService, 'get'>;
  signed: SignedDocumentStore;
  trust: TrustStore;
  clock: Clock;
  /**
   * Where a prepared result waits for its signature: the application database, shared by every
   * replica (a private in-memory one when unset, which only a single process may use).
   */
  preparations?: ResultPreparationStore;
}) {
  const preparations = deps.preparations ?? createResultPreparationRepository(':memory:');

  async function prepare(input: {
    taskKey: string;
    userId: string;
    /** IIN of the official the task is assigned to. */
    expectedIin: string;
    certificatePem: string;
    variables: Record<string, unknown>;
    /** Public base URL of the verification page, e.g. https://permits.example.kz */
    origin: string;
  }) {
    let cert: x509.X509Certificate;
    try {
      cert = new x509.X509Certificate(input.certificatePem);
    } catch {
      throw new EdsError('EDS_MALFORMED');
    }
    const who = identityOf(cert);
    if (who.iin !== input.expectedIin) throw new EdsError('EDS_WRONG_PERSON', 403);
    const ids = resultDocumentIds(input.variables);
    if (!ids.length) throw new ResultDocumentError('error.resultSigning.noDocument', 409);
    const now = deps.clock.now();
    const documents: PreparedDocument[] = [];
    for (const documentId of ids) {
      if (await deps.signed.meta(documentId)) throw new EdsError('EDS_SIGNED', 409);
      const stored = await deps.documents.get(documentId);
      if (!stored) throw new ResultDocumentError('error.resultSigning.documentNotFound', 404);
      const { meta } = stored;
      const seq = Number(/-(\d+)-(kk|ru)$/.exec(documentId)?.[1] ?? '1');
      const facts = {
        ...factsFromVariables(input.variables),
        documentDate: meta.createdAt,
        documentSeq: seq,
      };
      const content = buildDocument(meta.kind as DocumentKind, facts, meta.lang as Lang);
      const createdAt = new Date(meta.createdAt);
      // The document is laid out again from the application's facts; it must be the very one generated.
      if (sha256(await renderPdf(content, { createdAt })) !== meta.sha256)
        throw new ResultDocumentError('error.resultSigning.documentChanged');
      // What the head signs is the result as issued: dated with the signing day and naming the
      // signer from the certificate (the draft said the date is set on signing).
      const issued = buildDocument(
        meta.kind as DocumentKind,
        {
          ...factsFromVariables({
            ...input.variables,
            decision: 'approve',
            signedAt: now.toISOString(),
            signerName: who.fullName,
          }),
          documentDate: meta.createdAt,
          documentSeq: seq,
        },
        meta.lang as Lang,
      );
      const lang = meta.lang === 'ru' ? 'ru' : 'kk';
      const decorate = await signatureBlock({
        lang,
        signerName: who.fullName,
        signingTime: formatAlmatyDateTime(now),
        certificateSerial: cert.serialNumber,
        verifyUrl: `${input.origin}/verify/${encodeURIComponent(documentId)}`,
      });
      const unsigned = await renderPdf(issued, { createdAt, decorate });
      const placeholder = await addSignaturePlaceholder(unsigned, {
        signerName: who.fullName,
        signingTime: now,
        location: 'Kazakhstan',
        reason: meta.title,
      });
      documents.push({
        documentId,
        applicationNumber: meta.applicationNumber,
        number: meta.number,
        kind: meta.kind,
        lang: meta.lang,
        title: meta.title,
        pdf: placeholder.pdf,
        toBeSigned: placeholder.toBeSigned,
      });
    }
    // A new preparation of the task replaces the earlier one, on whichever replica it was made.
    await preparations.put(
      input.taskKey,
      {
        preparationId: randomUUID(),
        userId: input.userId,
        iin: input.expectedIin,
        certificatePem: input.certificatePem,
        preparedAt: now.getTime(),
        documents,
      },
      now.getTime() - PENDING_TTL_MS,
    );
    return documents.map((d) => ({
      documentId: d.documentId,
      lang: d.lang,
      data: d.toBeSigned.toString('base64'),
    }));
  }

  /** Verifies every signature first; stores nothing unless all hold. */
  async function sign(input: { taskKey: string; userId: string; expectedIin: string; signatures: string[] }) {
    const p = await preparations.get(input.taskKey);
    const now = deps.clock.now();
    if (p && now.getTime() - p.preparedAt > PENDING_TTL_MS) {
      await preparations.take(input.taskKey, p.preparationId);
      throw new ResultDocumentError('error.resultSigning.notPrepared');
    }
    if (!p || p.userId !== input.userId) throw new ResultDocumentError('error.resultSigning.notPrepared');
    if (input.signatures.length !== p.documents.length) throw new EdsError('EDS_MALFORMED');
    const verified = [];
    for (const [i, doc] of p.documents.entries()) {
      const cms = Buffer.from(String(input.signatures[i] ?? ''), 'base64');
      const v = await verifyCms(cms, { data: doc.toBeSigned, trust: deps.trust, now, purpose: 'sign' });
      if (v.signer.iin !== input.expectedIin) throw new EdsError('EDS_WRONG_PERSON', 403);
      verified.push({ doc, v, cms });
    }
    const items: Parameters<SignedDocumentStore['saveAll']>[0] = [];
    for (const { doc, v, cms } of verified) {
      const pdf = await embedSignature(doc.pdf, cms);
      items.push({
        record: {
          documentId: doc.documentId,
          applicationNumber: doc.applicationNumber,
          number: doc.number,
          kind: doc.kind,
          lang: doc.lang,
          title: doc.title,
          signer: { iin: v.signer.iin, fullName: v.signer.fullName, organization: v.signer.organization },
          signingTime: v.signingTime.toISOString(),
          certificate: {
            serialNumber: v.certificate.serialNumber,
            subject: v.certificate.subject,
            issuer: v.certificate.issuer,
            notAfter: v.certificate.notAfter,
          },
          signedBy: input.userId,
        },
        pdf,
      });
    }
    // Taken once: of two replicas signing this preparation at once, the other is refused here.
    if (!(await preparations.take(input.taskKey, p.preparationId)))
      throw new ResultDocumentError('error.resultSigning.notPrepared');
    try {
      // Every language of the result, or none: a replica that signed one of them first wins all.
      const saved: SignedDocument[] = await deps.signed.saveAll(items);
      return saved;
    } catch (error) {
      // Not stored (the store is down): the head may send the same signatures again.
      if (!(error instanceof EdsError && error.code === 'EDS_SIGNED'))
        await preparations.restore(input.taskKey, p).catch(() => undefined);
      throw error;
    }
  }

  /** True when every result document is signed by the official with this IIN. */
  async function isSignedBy(variables: Record<string, unknown>, iin: string): Promise<boolean> {
    const ids = resultDocumentIds(variables);
    if (!ids.length) return false;
    for (const id of ids) {
      const m = await deps.signed.meta(id);
      if (!m || m.signer.iin !== iin) return false;
    }
    return true;
  }

  return { prepare, sign, isSignedBy };
}

export type ResultSigning = ReturnType<typeof createResultSigning>;
