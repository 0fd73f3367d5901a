/**
 * Everything EDS in the web app: the applicant's sign-in by EDS (a one-time challenge signed with
 * NCALayer), the check of signed e-requests, the head's signature of the result, and the public
 * verification page. Mounted by ui/app.ts through `createEds(...).router` and three small hooks.
 */
import { both, isMessageKey, t } from '../../i18n';
import { mayReadApplicationDocuments } from '../auth/units';
import { createHash, randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { formatAlmatyDateTime, formatAlmatyDateTimeSeconds } from '../../domain/almaty-time';
import type { Clock } from '../../domain/clock';
import { UserTaskKey } from '@camunda8/orchestration-cluster-api';
import { NO_WAIT, processVariables, type CamundaPort } from '../../intake/camunda-port';
import { extractPades } from '../../adapters/eds/pades';
import type { RequestSignatureLog } from '../../adapters/eds/request-signatures';
import {
  createResultSigning,
  ResultDocumentError,
  resultDocumentIds,
} from '../../adapters/eds/result-signing';
import type { SignedDocument, SignedDocumentStore } from '../../adapters/eds/signed-documents';
import { EdsError, verifyCms, type TrustStore } from '../../adapters/eds/verify';
import { x509 } from '../../adapters/eds/x509';
import type { DocumentService } from '../../adapters/documents';
import type { Session } from '../auth';
import { createEdsChallengeRepository, type EdsChallengeStore } from '../../adapters/db/eds-challenges';
import type { ResultPreparationStore } from '../../adapters/db/result-preparations';
import { esc, layout } from '../pages';
import { edsText, type EdsTextKey } from './texts';
import type { VerifiedDocument, VerifyAnswer } from './verify-api';

export interface EdsConfig {
  trust: TrustStore;
  /** Where the browser finds NCALayer (the stand-in on the embedded default). */
  ncalayerUrl: string;
  signed: SignedDocumentStore;
  requestSignatures: RequestSignatureLog;
  /**
   * Sign-in challenges: the application database, shared by every replica (a private in-memory
   * one when unset, which only a single process may use).
   */
  challenges?: EdsChallengeStore;
  /**
   * Results prepared for the head's signature: the application database, so that any replica
   * receives the signature (a private in-memory one when unset, which only a single process may use).
   */
  preparations?: ResultPreparationStore;
  /** IIN of a staff member (from the identity provider; a directory on the embedded default). */
  staffIin(session: Session): string | undefined;
}

export interface EdsDeps extends EdsConfig {
  camunda: CamundaPort;
  documents?: Pick<DocumentService, 'get'>;
  clock: Clock;
  /** Called once a head's signatures are saved, before the answer (the web app's audit trail). */
  onSigned?: (
    req: Request,
    signed: { taskKey: string; applicationNumber?: string; documentIds: string[] },
  ) => Promise<void>;
  /** Called before a signed PDF is served by the public verification page (the audit trail). */
  onVerifyDownload?: (req: Request, signed: SignedDocument) => Promise<void>;
  /** Starts the applicant's session (the web app's session mechanism). */
  startSession(
    res: Response,
    identity: { kind: 'applicant'; iin: string; bin?: string; name: string },
  ): unknown;
}

/** A challenge is good for this long and once. */
const CHALLENGE_TTL_MS = 5 * 60_000;

class EdsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly kk: string,
    readonly ru: string,
  ) {
    super(ru);
  }
}
const bilingual = (status: number, key: EdsTextKey) =>
  new EdsHttpError(status, edsText('kk', key), edsText('ru', key));
/** A refusal of one field of the verification API, named in both languages (`errors[].path`). */
class EdsFieldError extends EdsHttpError {
  constructor(
    status: number,
    readonly path: string,
    key: EdsTextKey,
  ) {
    super(status, edsText('kk', key), edsText('ru', key));
  }
}
const fieldError = (status: number, path: string, key: EdsTextKey) => new EdsFieldError(status, path, key);

/** Register numbers are short (`KZ-2026-000123-LIC-01`); longer input is refused, not searched. */
const MAX_NUMBER = 80;
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The common name of a certificate's issuer, as a person knows the certification authority. */
const commonName = (dn: string): string => {
  try {
    return new x509.Name(dn).getField('2.5.4.3')[0] ?? dn;
  } catch {
    return dn;
  }
};

/** Answers EDS refusals with their bilingual message; mounted before the web app's own handler. */
export function edsErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction) {
  if (err instanceof EdsError)
    return void res.status(err.status).json({ error: { code: err.code, kk: err.kk, ru: err.ru } });
  if (err instanceof EdsFieldError)
    return void res.status(err.status).json({
      error: { code: `HTTP_${err.status}`, kk: err.kk, ru: err.ru },
      errors: [{ path: err.path, kk: err.kk, ru: err.ru }],
    });
  if (err instanceof EdsHttpError || err instanceof ResultDocumentError)
    return void res
      .status(err.status)
      .json({ error: { code: `HTTP_${err.status}`, kk: err.kk, ru: err.ru } });
  next(err);
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const almaty = (iso: string) => formatAlmatyDateTimeSeconds(iso);
/** The origin the browser used, for the QR link of the verification page. */
const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

export function createEds(deps: EdsDeps) {
  const { clock } = deps;
  const router: Router = express.Router();
  // In the application database, so that any replica verifies a challenge another one issued.
  const challenges = deps.challenges ?? createEdsChallengeRepository(':memory:');
  const signing = deps.documents
    ? createResultSigning({
        documents: deps.documents,
        signed: deps.signed,
        trust: deps.trust,
        clock,
        preparations: deps.preparations,
      })
    : undefined;

  const needSession =
    (roles: readonly Session['role'][]) => (req: Request, _res: Response, next: NextFunction) => {
      if (!req.session)
        return next(
          new EdsHttpError(
            401,
            t('kk', 'error.signing.signInRequired'),
            t('ru', 'error.signing.signInRequired'),
          ),
        );
      if (!roles.includes(req.session.role))
        return next(
          new EdsHttpError(403, t('kk', 'error.signing.forbidden'), t('ru', 'error.signing.forbidden')),
        );
      next();
    };

  // ---- NCALayer address for the browser -----------------------------------------------------------
  router.get('/api/eds/config', (_req, res) => res.json({ enabled: true, ncalayerUrl: deps.ncalayerUrl }));

  // ---- applicant sign-in by EDS -------------------------------------------------------------------
  router.get('/signin/eds', (req, res) => {
    const lang = req.lang;
    res.type('html').send(
      layout(req, {
        title: edsText(lang, 'edsSignIn'),
        bundle: 'eds',
        // The page itself is the bundle's <eds-signin-page> (ui/client/components/eds-signin-page.ts).
        body: `<div id="app"><h1>${esc(edsText(lang, 'edsSignIn'))}</h1></div>`,
      }),
    );
  });

  router.post('/api/eds/challenge', async (_req, res) => {
    const now = clock.now().getTime();
    const challenge = randomBytes(32).toString('base64');
    await challenges.issue(challenge, now, now + CHALLENGE_TTL_MS);
    res.json({ challenge, expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString() });
  });

  router.post('/api/eds/signin', async (req, res) => {
    const cms = Buffer.from(String(req.body?.cms ?? ''), 'base64');
    const now = clock.now();
    const v = await verifyCms(cms, { trust: deps.trust, now, purpose: 'auth' });
    const challenge = v.content?.toString('latin1') ?? '';
    // Taken once: a replay, an unknown or an expired challenge opens no session.
    const taken = await challenges.take(Buffer.from(challenge, 'latin1').toString('base64'), now.getTime());
    if (!taken) throw new EdsError('EDS_CHALLENGE', 401);
    // An individual entrepreneur's certificate carries no BIN: they act under their IIN.
    await deps.startSession(res, {
      kind: 'applicant',
      iin: v.signer.iin,
      bin: v.signer.bin ?? v.signer.iin,
      name: v.signer.fullName,
    });
    res.json({
      redirect: '/portal',
      iin: v.signer.iin,
      bin: v.signer.bin ?? null,
      fullName: v.signer.fullName,
    });
  });

  // ---- signed e-requests --------------------------------------------------------------------------
  /** The intake hook: the request must carry the applicant's signature (header X-EDS-Signature). */
  async function verifySigned(req: Request, kind: string, signedText: string) {
    const header = req.get('x-eds-signature');
    if (!header) throw bilingual(400, 'unsigned');
    const v = await verifyCms(Buffer.from(header, 'base64'), {
      data: Buffer.from(signedText, 'utf8'),
      trust: deps.trust,
      now: clock.now(),
      purpose: 'sign',
    });
    const s = req.session;
    // The signer is the applicant of the session: the same IIN, and the same company's BIN.
    const samePerson =
      (!s?.iin || v.signer.iin === s.iin) && (s?.bin ? v.signer.bin === s.bin : Boolean(s?.iin));
    if (!samePerson) throw new EdsError('EDS_WRONG_PERSON', 403);
    return (applicationNumber: string) =>
      deps.requestSignatures.add({
        applicationNumber,
        kind,
        receivedAt: clock.now().toISOString(),
        signingTime: v.signingTime.toISOString(),
        signer: v.signer,
        certificate: {
          serialNumber: v.certificate.serialNumber,
          subject: v.certificate.subject,
          issuer: v.certificate.issuer,
          notAfter: v.certificate.notAfter,
        },
        sha256: sha256(signedText),
        cms: header,
      });
  }

  const staff = needSession(['clerk', 'head', 'legal-expert', 'editorial-expert', 'operator']);
  router.get('/api/eds/requests/:number', staff, async (req, res) => {
    // A member of staff reads only their own unit's applications (operators every one).
    if (!mayReadApplicationDocuments(req.session!, String(req.params.number), undefined))
      throw new EdsHttpError(
        404,
        t('kk', 'error.signing.applicationNotFound'),
        t('ru', 'error.signing.applicationNotFound'),
      );
    res.json({
      items: (await deps.requestSignatures.list(String(req.params.number))).map(({ cms: _cms, ...s }) => s),
    });
  });

  // ---- the head signs the result ------------------------------------------------------------------
  interface Task {
    userTaskKey: string;
    elementId?: string;
    processInstanceKey?: string;
    candidateGroups?: string[];
    assignee?: string;
  }
  async function signatureTask(req: Request): Promise<{ task: Task; iin: string }> {
    if (!signing)
      throw new EdsHttpError(
        503,
        t('kk', 'error.signing.documentsUnavailable'),
        t('ru', 'error.signing.documentsUnavailable'),
      );
    const s = req.session!;
    const key = String(req.params.key);
    const task: Task | undefined = UserTaskKey.isValid(key)
      ? await deps.camunda
          .getUserTask({ userTaskKey: UserTaskKey.assumeExists(key) }, NO_WAIT)
          .catch(() => undefined)
      : undefined;
    if (!task)
      throw new EdsHttpError(
        404,
        t('kk', 'error.signing.taskNotFound'),
        t('ru', 'error.signing.taskNotFound'),
      );
    if (!(task.candidateGroups ?? []).some((g) => s.groups.includes(g)))
      throw new EdsHttpError(403, t('kk', 'error.signing.forbidden'), t('ru', 'error.signing.forbidden'));
    if (task.elementId !== 'Task_SignResult')
      throw new EdsHttpError(
        409,
        t('kk', 'error.signing.notSigningTask'),
        t('ru', 'error.signing.notSigningTask'),
      );
    if (task.assignee && task.assignee !== s.userId)
      throw new EdsHttpError(
        409,
        t('kk', 'error.signing.taskClaimed', { assignee: task.assignee }),
        t('ru', 'error.signing.taskClaimed', { assignee: task.assignee }),
      );
    const iin = deps.staffIin(s);
    if (!iin) throw bilingual(403, 'noStaffIin');
    return { task, iin };
  }

  const head = needSession(['head']);
  router.post('/api/eds/tasks/:key/prepare', head, async (req, res) => {
    const { task, iin } = await signatureTask(req);
    const variables = await processVariables(deps.camunda, String(task.processInstanceKey));
    const documents = await signing!.prepare({
      taskKey: String(task.userTaskKey),
      userId: req.session!.userId,
      expectedIin: iin,
      certificatePem: String(req.body?.certificatePem ?? ''),
      variables,
      origin: originOf(req),
    });
    res.json({ documents });
  });

  router.post('/api/eds/tasks/:key/sign', head, async (req, res) => {
    const { task, iin } = await signatureTask(req);
    const signatures = Array.isArray(req.body?.signatures) ? req.body.signatures.map(String) : [];
    const saved = await signing!.sign({
      taskKey: String(task.userTaskKey),
      userId: req.session!.userId,
      expectedIin: iin,
      signatures,
    });
    await deps.onSigned?.(req, {
      taskKey: String(task.userTaskKey),
      applicationNumber: saved[0]?.applicationNumber,
      documentIds: saved.map((d) => d.documentId),
    });
    res.json({ signed: saved.map(publicView) });
  });

  /** The completion hook: an approved result completes only once the assigned head signed it. */
  async function requireSignedResult(
    session: Session,
    processInstanceKey: string,
  ): Promise<{ signedAt: string; signerName: string }> {
    const iin = deps.staffIin(session);
    const variables = await processVariables(deps.camunda, processInstanceKey);
    if (!iin || !signing || !(await signing.isSignedBy(variables, iin)))
      throw bilingual(409, 'signResultFirst');
    // The signed e-document is the result: deliver-result sends it as it is, dated with its signature.
    const first = await deps.signed.meta(resultDocumentIds(variables)[0]);
    if (!first) throw bilingual(409, 'signResultFirst');
    return { signedAt: first.signingTime, signerName: first.signer.fullName };
  }

  // ---- public verification ------------------------------------------------------------------------
  const publicView = (d: SignedDocument) => ({
    documentId: d.documentId,
    number: d.number,
    title: d.title,
    lang: d.lang,
    signer: { fullName: d.signer.fullName, organization: d.signer.organization },
    signingTime: d.signingTime,
    certificate: { serialNumber: d.certificate.serialNumber, issuer: d.certificate.issuer },
    sha256: d.sha256,
  });

  /** Re-checks the embedded signature of a stored signed document. */
  async function stillVerifies(bytes: Buffer, meta: SignedDocument): Promise<boolean> {
    const pades = extractPades(bytes);
    if (!pades) return false;
    try {
      const v = await verifyCms(pades.cms, {
        data: pades.signedData,
        trust: deps.trust,
        // A signature made while the certificate was valid stays valid after it expires.
        now: new Date(meta.signingTime),
        purpose: 'sign',
      });
      return v.signer.iin === meta.signer.iin;
    } catch {
      return false;
    }
  }

  /** What anyone may see of a signed document that verified. */
  const verifiedView = (d: SignedDocument): VerifiedDocument => {
    const kind = `case.document.${d.kind}`;
    return {
      documentId: d.documentId,
      number: d.number,
      title: d.title,
      kind: isMessageKey(kind) ? both(kind) : { kk: d.title, ru: d.title },
      lang: d.lang === 'ru' ? 'ru' : 'kk',
      signer: { fullName: d.signer.fullName, organization: d.signer.organization },
      signingTime: almaty(d.signingTime),
      certificate: {
        issuer: commonName(d.certificate.issuer),
        validUntil: formatAlmatyDateTime(d.certificate.notAfter),
      },
      download: `/verify/${encodeURIComponent(d.documentId)}/pdf`,
    };
  };
  const answer = (outcome: VerifyAnswer['outcome'], docs: SignedDocument[] = []): VerifyAnswer => {
    const key = (
      { genuine: 'genuine', unaltered: 'unaltered', 'not-found': 'notFoundDoc', altered: 'altered' } as const
    )[outcome];
    return {
      outcome,
      genuine: outcome === 'genuine' || outcome === 'unaltered',
      message: { kk: edsText('kk', key), ru: edsText('ru', key) },
      documents: docs.map(verifiedView),
    };
  };

  /** The signed documents of a register number (or a document id, as the QR code links it) that verify. */
  async function checkNumber(number: string): Promise<VerifyAnswer> {
    const checked: SignedDocument[] = [];
    for (const meta of await deps.signed.find(number)) {
      const doc = await deps.signed.get(meta.documentId).catch(() => null);
      if (doc && (await stillVerifies(doc.bytes, meta))) checked.push(meta);
    }
    return checked.length ? answer('genuine', checked) : answer('not-found');
  }

  /** The page: a Lit element (ui/client/components/verify-page.ts) that checks `number` when given. */
  function verifyPage(req: Request, res: Response, number: string, status = 200) {
    res
      .status(status)
      .type('html')
      .send(
        layout(req, {
          title: edsText(req.lang, 'verifyTitle'),
          bundle: 'verify',
          body: `<div id="app"><h1>${esc(edsText(req.lang, 'verifyTitle'))}</h1></div>`,
          data: { number },
        }),
      );
  }
  const numberOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : '');

  // Deep links: `/verify?number=…` and the QR code's `/verify/<document id>` open the page checking it.
  router.get('/verify', (req, res) => verifyPage(req, res, numberOf(req.query.number).slice(0, MAX_NUMBER)));
  router.get('/verify/:id', (req, res) => verifyPage(req, res, String(req.params.id).slice(0, MAX_NUMBER)));
  router.get('/verify/:id/pdf', async (req, res) => {
    const doc = await deps.signed.get(String(req.params.id)).catch(() => null);
    if (!doc) return verifyPage(req, res, String(req.params.id).slice(0, MAX_NUMBER), 404);
    await deps.onVerifyDownload?.(req, doc.meta);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.meta.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(doc.bytes);
  });

  router.get('/api/verify', async (req, res) => {
    const number = numberOf(req.query.number);
    if (!number) throw fieldError(400, 'number', 'numberRequired');
    if (number.length > MAX_NUMBER) throw fieldError(400, 'number', 'numberTooLong');
    const result = await checkNumber(number);
    res.status(result.genuine ? 200 : 404).json(result);
  });
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
  }).single('file');
  router.post('/api/verify/upload', (req, res, next) =>
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE')
        return next(fieldError(413, 'file', 'fileTooLarge'));
      if (err) return next(fieldError(400, 'file', 'noFile'));
      next();
    }),
  );
  router.post('/api/verify/upload', async (req, res) => {
    const file = req.file?.buffer;
    if (!file?.length) throw fieldError(400, 'file', 'noFile');
    const meta = await deps.signed.bySha256(sha256(file));
    const result =
      meta && (await stillVerifies(file, meta)) ? answer('unaltered', [meta]) : answer('altered');
    res.status(result.genuine ? 200 : 422).json(result);
  });

  /** The signed version of a document, served instead of the unsigned one once it exists. */
  async function signedPdf(documentId: string) {
    return deps.signed.get(documentId).catch(() => null);
  }

  return { router, verifySigned, requireSignedResult, signedPdf };
}

export type Eds = ReturnType<typeof createEds>;
