/**
 * Everything EDS in the web app: the applicant's sign-in by EDS (a one-time challenge signed with
 * NCALayer), the check of signed e-requests, the head's signature of the result, and the public
 * verification page. Mounted by ui/app.ts through `createEds(...).router` and three small hooks.
 */
import { t } from '../../i18n';
import { mayReadApplicationDocuments } from '../auth/units';
import { createHash, randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { formatAlmatyDateTimeSeconds } from '../../domain/almaty-time';
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
import type { DocumentService } from '../../adapters/documents';
import type { Session } from '../auth';
import { createEdsChallengeRepository, type EdsChallengeStore } from '../../adapters/db/eds-challenges';
import { esc, layout } from '../pages';
import { edsText, type EdsTextKey } from './texts';

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

/** Answers EDS refusals with their bilingual message; mounted before the web app's own handler. */
export function edsErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction) {
  if (err instanceof EdsError)
    return void res.status(err.status).json({ error: { code: err.code, kk: err.kk, ru: err.ru } });
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
    ? createResultSigning({ documents: deps.documents, signed: deps.signed, trust: deps.trust, clock })
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
  router.get('/api/eds/requests/:number', staff, (req, res) => {
    // A member of staff reads only their own unit's applications (operators every one).
    if (!mayReadApplicationDocuments(req.session!, String(req.params.number), undefined))
      throw new EdsHttpError(
        404,
        t('kk', 'error.signing.applicationNotFound'),
        t('ru', 'error.signing.applicationNotFound'),
      );
    res.json({
      items: deps.requestSignatures.list(String(req.params.number)).map(({ cms: _cms, ...s }) => s),
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

  function verifyPage(req: Request, inner: string, status = 200, res?: Response) {
    const lang = req.lang;
    const html = layout(req, {
      title: edsText(lang, 'verifyTitle'),
      body: `<section class="card" id="verify">
<h1>${esc(edsText(lang, 'verifyTitle'))}</h1>
<form method="get" action="/verify" class="stack">
  <label>${esc(edsText(lang, 'verifyNumber'))}<input name="number" id="verify-number" required maxlength="80" autocomplete="off"></label>
  <button type="submit" class="primary">${esc(edsText(lang, 'verifyCheck'))}</button>
</form>
${inner}
<h2>${esc(edsText(lang, 'verifyUpload'))}</h2>
<form method="post" action="/verify/upload" enctype="multipart/form-data" class="stack">
  <label>${esc(edsText(lang, 'verifyFile'))}<input type="file" name="file" id="verify-file" accept="application/pdf"></label>
  <button type="submit">${esc(edsText(lang, 'verifyCheck'))}</button>
</form>
</section>`,
    });
    res?.status(status).type('html').send(html);
    return html;
  }

  const resultBox = (lang: 'kk' | 'ru', ok: boolean, headline: string, docs: SignedDocument[] = []) => {
    const rows = docs
      .map(
        (d) =>
          [
            ['title', d.title],
            ['number', d.number],
            ['language', t(d.lang === 'ru' ? 'ru' : 'kk', 'languageName')],
            ['signer', d.signer.fullName],
            ['organization', d.signer.organization ?? ''],
            ['signingTime', almaty(d.signingTime)],
            ['certificateSerial', d.certificate.serialNumber],
            ['certificateIssuer', d.certificate.issuer],
            ['digest', d.sha256],
          ]
            .filter(([, v]) => v)
            .map(([k, v]) => `<tr><th>${esc(edsText(lang, k as EdsTextKey))}</th><td>${esc(v)}</td></tr>`)
            .join('') +
          `<tr><th></th><td><a href="/verify/${encodeURIComponent(d.documentId)}/pdf">${esc(edsText(lang, 'download'))}</a></td></tr>`,
      )
      .map((rows) => `<table class="facts">${rows}</table>`)
      .join('');
    return `<div class="${ok ? 'ok' : 'error'}" role="${ok ? 'status' : 'alert'}" data-testid="verify-result" data-genuine="${ok}">
<p><strong>${esc(headline)}</strong></p>${rows}</div>`;
  };

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

  async function showNumber(req: Request, res: Response, number: string) {
    const lang = req.lang;
    const found = await deps.signed.find(number);
    const checked: SignedDocument[] = [];
    for (const meta of found) {
      const doc = await deps.signed.get(meta.documentId).catch(() => null);
      if (doc && (await stillVerifies(doc.bytes, meta))) checked.push(meta);
    }
    if (!checked.length)
      return verifyPage(req, resultBox(lang, false, edsText(lang, 'notFoundDoc')), 404, res);
    verifyPage(req, resultBox(lang, true, edsText(lang, 'genuine'), checked), 200, res);
  }

  router.get('/verify', async (req, res) => {
    const number = typeof req.query.number === 'string' ? req.query.number.trim() : '';
    if (!number) return verifyPage(req, '', 200, res);
    await showNumber(req, res, number);
  });
  router.get('/verify/:id', async (req, res) => showNumber(req, res, String(req.params.id)));
  router.get('/verify/:id/pdf', async (req, res) => {
    const doc = await deps.signed.get(String(req.params.id)).catch(() => null);
    if (!doc) return verifyPage(req, resultBox(req.lang, false, edsText(req.lang, 'notFoundDoc')), 404, res);
    await deps.onVerifyDownload?.(req, doc.meta);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.meta.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(doc.bytes);
  });
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: 20 * 1024 * 1024, files: 1 },
  });
  router.post('/verify/upload', upload.single('file'), async (req, res) => {
    const lang = req.lang;
    const file = req.file?.buffer;
    if (!file?.length) return verifyPage(req, resultBox(lang, false, edsText(lang, 'noFile')), 400, res);
    const meta = await deps.signed.bySha256(sha256(file));
    if (!meta || !(await stillVerifies(file, meta)))
      return verifyPage(req, resultBox(lang, false, edsText(lang, 'altered')), 422, res);
    verifyPage(req, resultBox(lang, true, edsText(lang, 'unaltered'), [meta]), 200, res);
  });

  /** The signed version of a document, served instead of the unsigned one once it exists. */
  async function signedPdf(documentId: string) {
    return deps.signed.get(documentId).catch(() => null);
  }

  return { router, verifySigned, requireSignedResult, signedPdf };
}

export type Eds = ReturnType<typeof createEds>;
