import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DatabaseUnavailableError } from '../adapters/db/connect';
import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import type { Clock } from '../domain/clock';
import {
  validateApplication,
  APPLICATION_NUMBER_PATTERN,
  powerOfAttorneyProblems,
  type Application,
} from '../domain/applications/schemas';
import { almatyDay } from '../domain/almaty-time';
import {
  applicationStatus,
  PROCESS_ID_BY_SERVICE,
  startVariables,
  type ActiveElement,
  type ApplicationStatus,
  type WorkingDayClock,
} from '../domain/applications/status';
import { earlierWordingNote, versionInForce, type DefinitionVersion } from '../domain/rules/rule-versions';
import { ProcessDefinitionId, ProcessInstanceKey } from '@camunda8/orchestration-cluster-api';
import { both, type Lang } from '../i18n';

/** The reader's language: `?lang=kk|ru`, else the web app's (its language cookie), else Kazakh. */
function readerLang(req: { query: Record<string, unknown>; lang?: unknown }): Lang {
  const asked = req.query.lang ?? req.lang;
  return asked === 'ru' ? 'ru' : 'kk';
}

/** The request formats an error names: technical names, not words to translate. */
const MEDIA_TYPES = { json: 'JSON (application/json)', multipart: 'multipart/form-data' };
import { NO_WAIT, processVariables, publishOnce, type CamundaPort } from './camunda-port';
import type { Cabinet } from './cabinet';
import type { ApplicationRecord, ApplicationStore } from './store';
import {
  attachmentUpload,
  checkAttachments,
  contentDisposition,
  attachmentRecords,
  discardAttachments,
  listAttachments,
  readAttachment,
  stageAttachments,
  uploadErrorHandler,
  type CheckedFile,
  type StagedAttachment,
} from './attachments';
import { IntakeError, type Bilingual } from './errors';
import { createLocalBlobStore, type BlobStore } from '../adapters/blobs';
import { createAttachmentRepository, insertAttachments } from '../adapters/db/attachments';
import type { AppSchema } from '../adapters/db/schema';
import type { Transaction } from 'kysely';
import { forbiddenCharacterErrors } from './text';

export { IntakeError, type Bilingual };

/** Applicant actions the diagrams wait for, and the message each becomes. */
export const APPLICANT_MESSAGES = {
  'hearing-position': 'applicant-position-submitted',
  'missing-documents': 'missing-documents-submitted',
} as const;
export type ApplicantAction = keyof typeof APPLICANT_MESSAGES;

export const COMPLAINT_MESSAGE = 'complaint-filed';

export interface IntakeDeps {
  camunda: CamundaPort;
  /**
   * Starts processes: a client that does not retry by itself (config/camunda.ts `processStarter`),
   * so that a start whose answer was lost is found by the intake rather than repeated. `camunda` when unset.
   */
  starter?: Pick<CamundaPort, 'createProcessInstance'>;
  store: ApplicationStore;
  legalClock: WorkingDayClock;
  clock: Clock;
  /**
   * Attachments are on when set: uploads are parsed into `<dir>/.incoming`, and their bytes are
   * kept in the folder unless `attachmentBlobs` names another store. Their rows are in the
   * applications' database.
   */
  attachmentsDir?: string;
  /** Where their bytes are kept: object storage; the folder `attachmentsDir` by default. */
  attachmentBlobs?: BlobStore;
  /** The applicant's view of an application (what may be seen, and when); the bare status otherwise. */
  cabinet?: Cabinet;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** Number prefixes of the register, per service: `SEC-2026-000042`. */
export const NUMBER_PREFIX: Record<string, string> = {
  'fire-automation-permit': 'FAP',
  'security-licence': 'SEC',
  'training-centre-designation': 'TCD',
  'national-company-security-approval': 'NCA',
};

/** What the browser generates once per filled-in form (header `Idempotency-Key`). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** Stands for the number the register issues while the rest of the application is validated. */
const NUMBER_TO_BE_ISSUED = 'NEW-0000-000000';

export interface SubmitOptions {
  /**
   * The register issues the number (the portal): a number in the body is ignored. Off for callers
   * that register under a number of their own register (an office registration, process tests).
   */
  issueNumber?: boolean;
  /** With `issueNumber`: a repeat with the same key by the same applicant registers nothing new. */
  idempotencyKey?: string;
  /** With `issueNumber`: more rows of a new application (its files), in its registration's transaction. */
  within?: (trx: Transaction<AppSchema>, applicationNumber: string) => Promise<void>;
}

const invalid = (errors: { path: string; kk: string; ru: string }[]) =>
  new IntakeError(400, 'INVALID_APPLICATION', both('error.intake.invalidApplication'), errors);

export interface SubmitResult {
  /** 201 on first registration, 200 when the number was already known (idempotent repeat). */
  status: 200 | 201;
  application: ApplicationView;
}

export interface ApplicationView {
  applicationNumber: string;
  serviceId: string;
  requestKind: string;
  receivedAt: string;
  registeredOn: string;
  state: ApplicationRecord['state'];
  processInstanceKey: string | null;
}

/** Who may act on an application: the web app's access rule, passed to the router. */
export interface IntakeAccess {
  /** May the caller submit or act for this applicant BIN? */
  mayActFor(req: Request, applicantBin: string): boolean;
  /**
   * Checks the applicant's electronic signature of a request (`signedText`: the exact JSON text sent)
   * before anything is recorded; throws to refuse. The returned function records the signature once
   * the request is accepted.
   */
  verifySigned?(
    req: Request,
    kind: string,
    signedText: string,
  ): Promise<(applicationNumber: string) => Promise<void>>;
}

const view = (r: ApplicationRecord): ApplicationView => ({
  applicationNumber: r.applicationNumber,
  serviceId: r.serviceId,
  requestKind: r.requestKind,
  receivedAt: r.receivedAt,
  registeredOn: r.registeredOn,
  state: r.state,
  processInstanceKey: r.processInstanceKey,
});

const notFound = (number: string) =>
  new IntakeError(404, 'APPLICATION_NOT_FOUND', both('error.intake.applicationNotFound', { number }));

export function createIntake(deps: IntakeDeps) {
  const { camunda, store, legalClock, clock } = deps;
  const starter = deps.starter ?? camunda;
  const log = deps.log ?? (() => {});
  // Serialises concurrent submissions of one number inside this process; SQLite's primary key
  // guards against other processes.
  const inFlight = new Map<string, Promise<unknown>>();
  /** Process starts under way, by application number (submissions and the resume loop alike). */
  const starting = new Map<string, Promise<ApplicationRecord>>();

  async function findStartedInstance(
    applicationNumber: string,
    serviceId: string,
  ): Promise<string | undefined> {
    // A previous attempt may have started the process and crashed before recording its key.
    const result = await camunda.searchProcessInstances(
      {
        filter: {
          processDefinitionId: PROCESS_ID_BY_SERVICE[serviceId as keyof typeof PROCESS_ID_BY_SERVICE],
          variables: [{ name: 'applicationNumber', value: JSON.stringify(applicationNumber) }],
        },
        page: { limit: 1 },
      },
      NO_WAIT,
    );
    return result.items?.[0]?.processInstanceKey;
  }

  /**
   * Spec C13: the deployed version of the service's process whose rules are in force on the
   * registration day (its `rules-from-` version tag), not the latest deployed.
   */
  async function versionFor(record: ApplicationRecord): Promise<DefinitionVersion & { rulesFrom: string }> {
    const processDefinitionId = PROCESS_ID_BY_SERVICE[record.serviceId as keyof typeof PROCESS_ID_BY_SERVICE];
    const result = await camunda.searchProcessDefinitions(
      { filter: { processDefinitionId }, page: { limit: 1000 } },
      NO_WAIT,
    );
    const versions: DefinitionVersion[] = (result.items ?? []).flatMap((d) =>
      d.processDefinitionId === processDefinitionId && d.processDefinitionKey && d.version !== undefined
        ? [{ ...d, processDefinitionKey: d.processDefinitionKey, processDefinitionId, version: d.version }]
        : [],
    );
    const chosen = versionInForce(versions, record.registeredOn);
    if (!chosen) {
      log('no process version in force on the registration day; the application stays registered', {
        applicationNumber: record.applicationNumber,
        serviceId: record.serviceId,
        registeredOn: record.registeredOn,
      });
      throw new IntakeError(
        422,
        'NO_RULES_IN_FORCE',
        both('error.intake.noRulesInForce', { registeredOn: record.registeredOn }),
      );
    }
    return chosen;
  }

  async function start(record: ApplicationRecord): Promise<ApplicationRecord> {
    const application = JSON.parse(record.payload) as Application;
    let key = await findStartedInstance(record.applicationNumber, record.serviceId);
    if (!key) {
      const version = await versionFor(record);
      const note = earlierWordingNote(record.serviceId, record.registeredOn);
      const created = await starter.createProcessInstance({
        processDefinitionId: ProcessDefinitionId.assumeExists(PROCESS_ID_BY_SERVICE[application.serviceId]),
        processDefinitionVersion: Number(version.version),
        variables: {
          ...startVariables(application, new Date(record.receivedAt), record.registeredOn),
          rulesFrom: version.rulesFrom,
          // Order 138 ¶4: shown to the clerk on the completeness and study forms.
          ...(note ? { earlierWordingNote: `${note.kk}\n\n${note.ru}` } : {}),
        },
      });
      key = String(created.processInstanceKey);
    }
    await store.markStarted(record.applicationNumber, key);
    log('application started', {
      applicationNumber: record.applicationNumber,
      serviceId: record.serviceId,
      processInstanceKey: key,
    });
    return (await store.get(record.applicationNumber))!;
  }

  /**
   * Starts an application's process unless another request (a repeat, the resume loop) is starting
   * it or has started it: one start per application number at a time, whoever asks.
   */
  async function startOnce(number: string): Promise<ApplicationRecord> {
    while (starting.has(number)) await starting.get(number)!.catch(() => {});
    const current = (await store.get(number))!;
    if (current.state === 'started') return current;
    const work = start(current);
    starting.set(number, work);
    try {
      return await work;
    } finally {
      starting.delete(number);
    }
  }

  /**
   * Registers (C2) and starts the service's process. From the portal (`issueNumber`) the register
   * issues the number and a repeat with the same idempotency key starts nothing; otherwise a repeat
   * of the same number starts nothing.
   */
  async function submit(
    body: unknown,
    mayActFor?: (bin: string) => boolean,
    opts: SubmitOptions = {},
  ): Promise<SubmitResult> {
    const given =
      opts.issueNumber && body && typeof body === 'object' && !Array.isArray(body)
        ? { ...(body as Record<string, unknown>), applicationNumber: NUMBER_TO_BE_ISSUED }
        : body;
    // NUL and direction controls in names and texts are refused, each field named.
    const forbidden = forbiddenCharacterErrors(given);
    if (forbidden.length) throw invalid(forbidden);
    const validated = validateApplication(given);
    if (!validated.ok) throw invalid(validated.errors);
    const application = validated.value;
    if (mayActFor && !mayActFor(application.applicant.bin)) {
      throw new IntakeError(403, 'FORBIDDEN', both('error.intake.forbidden'));
    }
    const bin = application.applicant.bin;
    const key = opts.idempotencyKey;
    const known = opts.issueNumber
      ? key
        ? await store.getByIdempotencyKey(bin, key)
        : undefined
      : await store.get(application.applicationNumber);
    // Service D's representative must hold a power of attorney in force on the day of receipt
    // (a repeat of an application already registered is answered as it was).
    if (!known) {
      const problems = powerOfAttorneyProblems(application, almatyDay(clock.now()));
      if (problems.length > 0) throw invalid(problems);
    }
    const lock = opts.issueNumber ? `key:${bin}:${key ?? Math.random()}` : application.applicationNumber;
    while (inFlight.has(lock)) await inFlight.get(lock)!.catch(() => {});
    const work = (async (): Promise<SubmitResult> => {
      const receivedAt = clock.now();
      const registeredOn = legalClock.registrationDate(receivedAt);
      const fields = {
        serviceId: application.serviceId,
        requestKind: application.requestKind,
        applicantBin: bin,
        receivedAt: receivedAt.toISOString(),
        registeredOn,
        state: 'starting' as const,
        processInstanceKey: null,
      };
      const payloadFor = (applicationNumber: string) => JSON.stringify({ ...application, applicationNumber });
      const { record, inserted } = opts.issueNumber
        ? await store.insertWithNewNumber(
            fields,
            `${NUMBER_PREFIX[application.serviceId]}-${almatyDay(receivedAt).slice(0, 4)}`,
            payloadFor,
            key,
            opts.within,
          )
        : await store.insertIfAbsent({
            ...fields,
            applicationNumber: application.applicationNumber,
            payload: payloadFor(application.applicationNumber),
          });
      const number = record.applicationNumber;
      if (!inserted && record.payload !== payloadFor(number)) {
        // Only the applicant's own earlier request can be found here (the key is theirs, the
        // number theirs): nothing is revealed of anyone else's numbers.
        throw opts.issueNumber
          ? new IntakeError(422, 'IDEMPOTENCY_KEY_REUSED', both('error.intake.idempotencyKeyReused'))
          : new IntakeError(
              409,
              'APPLICATION_NUMBER_TAKEN',
              both('error.intake.applicationNumberTaken', { number }),
            );
      }
      if (record.state === 'started') return { status: 200, application: view(record) };
      try {
        const started = await startOnce(number);
        return { status: inserted ? 201 : 200, application: view(started) };
      } catch (err) {
        if (err instanceof IntakeError) throw err;
        log(
          'process start failed; the application stays registered and intake starts it when the engine is back',
          {
            applicationNumber: record.applicationNumber,
            error: (err as Error).message,
          },
        );
        throw new IntakeError(503, 'ENGINE_UNAVAILABLE', both('error.intake.engineUnavailable'));
      }
    })();
    inFlight.set(lock, work);
    try {
      return await work;
    } finally {
      inFlight.delete(lock);
    }
  }

  async function record(number: string): Promise<ApplicationRecord> {
    const r = APPLICATION_NUMBER_PATTERN.test(number) ? await store.get(number) : undefined;
    if (!r) throw notFound(number);
    return r;
  }

  async function activeElements(processInstanceKey: string): Promise<ActiveElement[]> {
    const result = await camunda.searchElementInstances(
      {
        filter: { processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey), state: 'ACTIVE' },
        page: { limit: 100 },
      },
      NO_WAIT,
    );
    return result.items ?? [];
  }

  /**
   * Variables of the running processes an application called (hearing, deliver-result): a preliminary
   * decision and its hearing date live there until the called process ends, yet the applicant must see
   * them to answer in time (C6).
   */
  async function calledProcessVariables(processInstanceKey: string): Promise<Record<string, unknown>> {
    const result = await camunda
      .searchProcessInstances(
        {
          filter: {
            parentProcessInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey),
            state: 'ACTIVE',
          },
          page: { limit: 20 },
        },
        NO_WAIT,
      )
      .catch(() => ({ items: [] }));
    const children = (result.items ?? []).filter(
      (c) => String(c.parentProcessInstanceKey) === String(processInstanceKey) && c.state === 'ACTIVE',
    );
    const all = await Promise.all(
      children.map((c) => processVariables(camunda, String(c.processInstanceKey))),
    );
    return Object.assign({}, ...all);
  }

  /** The applicant's view of one application. */
  async function status(
    number: string,
    lang: Lang = 'kk',
  ): Promise<ApplicationStatus & { processInstanceKey: string | null }> {
    const r = await record(number);
    const base = {
      applicationNumber: r.applicationNumber,
      serviceId: r.serviceId,
      requestKind: r.requestKind,
      receivedAt: r.receivedAt,
      registeredOn: r.registeredOn,
    };
    if (r.state !== 'started' || !r.processInstanceKey) {
      return {
        ...applicationStatus(
          { ...base, storeState: 'starting', variables: {}, activeElements: [] },
          legalClock,
          clock.now(),
          lang,
        ),
        processInstanceKey: null,
      };
    }
    const key = r.processInstanceKey;
    const [instance, own, called, elements] = await Promise.all([
      camunda.getProcessInstance({ processInstanceKey: ProcessInstanceKey.assumeExists(key) }, NO_WAIT),
      processVariables(camunda, key),
      calledProcessVariables(key),
      activeElements(key),
    ]);
    // The application's own variables win; a running called process adds what it has decided so far.
    const variables = { ...called, ...own };
    const s = applicationStatus(
      {
        ...base,
        storeState: 'started',
        processState: instance.state,
        hasIncident: instance.hasIncident,
        variables,
        activeElements: elements,
      },
      legalClock,
      clock.now(),
      lang,
    );
    return { ...s, processInstanceKey: key };
  }

  /** An applicant's answer the process waits for (position at the hearing, missing documents). */
  async function sendMessage(
    number: string,
    body: unknown,
  ): Promise<{ messageName: string; duplicate: boolean }> {
    const r = await record(number);
    const b = (body ?? {}) as { kind?: unknown; text?: unknown; attachments?: unknown };
    // Only the listed kinds: `in` would also accept `__proto__`, `constructor`, `toString`.
    if (typeof b.kind !== 'string' || !Object.hasOwn(APPLICANT_MESSAGES, b.kind)) {
      throw new IntakeError(400, 'INVALID_MESSAGE', both('error.intake.messageKindUnknown'), [
        {
          path: 'kind',
          ...both('error.intake.allowedValues', { values: Object.keys(APPLICANT_MESSAGES).join(', ') }),
        },
      ]);
    }
    const text = typeof b.text === 'string' ? b.text.trim().slice(0, 5000) : '';
    const attachments = Array.isArray(b.attachments) ? b.attachments : [];
    const forbidden = forbiddenCharacterErrors({ text, attachments });
    if (forbidden.length)
      throw new IntakeError(
        400,
        'INVALID_MESSAGE',
        both('error.intake.messageForbiddenCharacters'),
        forbidden,
      );
    if (!text && attachments.length === 0) {
      throw new IntakeError(400, 'INVALID_MESSAGE', both('error.intake.messageTextOrDocumentRequired'), [
        { path: 'text', ...both('error.intake.messageTextOrDocumentRequired') },
      ]);
    }
    const kind = b.kind as ApplicantAction;
    const at = clock.now().toISOString();
    const variables =
      kind === 'hearing-position'
        ? // C6: every position is kept with its own attachments (an empty list, never the previous one's).
          {
            applicantPosition: text,
            applicantPositionAttachments: attachments,
            applicantPositionSubmittedAt: at,
          }
        : { submittedDocuments: attachments, documentsNote: text, documentsSubmittedAt: at };
    const messageName = APPLICANT_MESSAGES[kind];
    // The same text and files sent twice are one message (a double click, a retried upload).
    const { duplicate } = await publishOnce(camunda, {
      name: messageName,
      correlationKey: r.applicationNumber,
      // Long enough to reach a process that is one step away from waiting for it. Copies of the
      // head's records are asked for at registration but awaited only after the completeness
      // check and the lookups (Order 923 licence rules, List row 8): they wait up to 30 days.
      timeToLive: (kind === 'missing-documents' ? 30 : 1) * 24 * 3600 * 1000,
      messageId: `${messageName}:${r.applicationNumber}:${sha(text + JSON.stringify(attachments))}`,
      variables,
    });
    return { messageName, duplicate };
  }

  /** C11: a complaint about an application, reviewed within 5 working days by its own process. */
  async function fileComplaint(body: unknown): Promise<{ applicationNumber: string; registeredOn: string }> {
    const b = (body ?? {}) as { applicationNumber?: unknown; text?: unknown };
    const number = typeof b.applicationNumber === 'string' ? b.applicationNumber : '';
    const r = await record(number);
    const text = typeof b.text === 'string' ? b.text.trim() : '';
    const forbidden = forbiddenCharacterErrors({ text });
    if (forbidden.length)
      throw new IntakeError(
        400,
        'INVALID_COMPLAINT',
        both('error.intake.complaintForbiddenCharacters'),
        forbidden,
      );
    if (text.length < 10 || text.length > 10000) {
      throw new IntakeError(400, 'INVALID_COMPLAINT', both('error.intake.complaintTextRequired'), [
        {
          path: 'text',
          ...both('error.intake.complaintTextLength'),
        },
      ]);
    }
    const filedAt = clock.now();
    const registeredOn = legalClock.registrationDate(filedAt);
    await publishOnce(camunda, {
      name: COMPLAINT_MESSAGE,
      correlationKey: r.applicationNumber,
      timeToLive: 24 * 3600 * 1000,
      messageId: `${COMPLAINT_MESSAGE}:${r.applicationNumber}:${sha(text)}`,
      variables: {
        applicationNumber: r.applicationNumber,
        serviceId: r.serviceId,
        // The complaint's own registration day starts its 5-WD term; the answer goes to the applicant's cabinet.
        registeredOn,
        applicant: (JSON.parse(r.payload) as Application).applicant,
        complaint: { text, filedAt: filedAt.toISOString(), registeredOn },
      },
    });
    return { applicationNumber: r.applicationNumber, registeredOn };
  }

  /** Routes under /api for the portal; `access` is the web app's rule of who may act for a BIN. */
  function router(access: IntakeAccess): Router {
    const r = express.Router();
    const upload = attachmentUpload(deps.attachmentsDir);
    const withAccess = async (req: Request, number: string) => {
      const rec = await record(number);
      if (!access.mayActFor(req, rec.applicantBin)) throw notFound(number); // do not reveal others' numbers
      return rec;
    };
    /** The JSON of a multipart field, or the JSON body itself; anything else is refused. */
    const jsonOf = (req: Request, field: string): { text?: string; body: unknown } => {
      const text = typeof req.body?.[field] === 'string' ? (req.body[field] as string) : undefined;
      if (text !== undefined) return { text, body: JSON.parse(text) as unknown };
      if (!req.is('application/json'))
        throw new IntakeError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          both('error.intake.unsupportedMediaType', { field, ...MEDIA_TYPES }),
        );
      return { body: req.body as unknown };
    };
    const blobs =
      deps.attachmentBlobs ?? (deps.attachmentsDir ? createLocalBlobStore(deps.attachmentsDir) : undefined);
    const attachmentRows = createAttachmentRepository(store.database);
    // The bytes go to the object storage before anything is recorded (503 when it is down).
    const stage = async (checked: CheckedFile[]) =>
      checked.length && deps.attachmentsDir && blobs ? stageAttachments(checked, blobs) : [];
    const discard = (staged: StagedAttachment[]) => (blobs ? discardAttachments(staged, blobs) : undefined);
    const uploader = (req: Request) => req.session?.userId;

    r.post('/applications', upload, async (req, res) => {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      try {
        const idempotencyKey = req.get('idempotency-key') || undefined;
        if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
          throw new IntakeError(
            400,
            'INVALID_IDEMPOTENCY_KEY',
            both('error.intake.idempotencyKeyInvalid', { header: 'Idempotency-Key' }),
            [
              {
                path: 'Idempotency-Key',
                ...both('error.intake.idempotencyKeyFormat'),
              },
            ],
          );
        // Every file is checked before anything is recorded: a refused file registers nothing.
        const checked = checkAttachments(files);
        const { text, body } = jsonOf(req, 'application');
        const record = await access.verifySigned?.(req, 'application', text ?? JSON.stringify(body));
        const staged = await stage(checked);
        // The files' rows are written with the application, in one transaction: an application is
        // never registered without them, nor they without it.
        let keptAs: string | undefined;
        /** Whether the rows were committed: then the files are the application's, whatever came after. */
        const rowsCommitted = async () =>
          keptAs !== undefined &&
          staged.length > 0 &&
          // Unknown (the database went away): the files stay, at worst unreferenced, never missing.
          (await attachmentRows.get(keptAs, staged[0].id).catch(() => true)) !== undefined;
        const result = await submit(body, (bin) => access.mayActFor(req, bin), {
          issueNumber: true,
          idempotencyKey,
          within: async (trx, number) => {
            await insertAttachments(
              trx,
              attachmentRecords(staged, number, clock.now().toISOString(), uploader(req)),
            );
            keptAs = number;
          },
        }).catch(async (err: unknown) => {
          // Registered with its files and then not started (the engine is down): the files stay.
          if (!(await rowsCommitted())) await discard(staged);
          throw err;
        });
        await record?.(result.application.applicationNumber);
        // A repeat keeps the files of the first submission.
        if (keptAs === undefined) await discard(staged);
        res.status(result.status).json(result.application);
      } finally {
        for (const f of files) if (f.path) rmSync(f.path, { force: true });
      }
    });
    r.get('/applications/:number', async (req, res) => {
      const rec = await withAccess(req, String(req.params.number));
      res.json(
        deps.cabinet ? await deps.cabinet.view(rec) : await status(rec.applicationNumber, readerLang(req)),
      );
    });
    /** The applicant's own uploaded files: names as given, types as checked on upload. */
    r.get('/applications/:number/attachments', async (req, res) => {
      const rec = await withAccess(req, String(req.params.number));
      res.json({
        items: deps.attachmentsDir ? await listAttachments(attachmentRows, rec.applicationNumber) : [],
      });
    });
    r.get('/applications/:number/attachments/:id', async (req, res) => {
      const rec = await withAccess(req, String(req.params.number));
      const found =
        deps.attachmentsDir && blobs
          ? await readAttachment(attachmentRows, blobs, rec.applicationNumber, String(req.params.id))
          : undefined;
      if (!found) throw new IntakeError(404, 'ATTACHMENT_NOT_FOUND', both('error.intake.attachmentNotFound'));
      res.setHeader('Content-Type', found.meta.contentType);
      res.setHeader('Content-Disposition', contentDisposition('attachment', found.meta.fileName));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(found.bytes);
    });
    // JSON, or multipart with field `message` (JSON) and `files` (the missing documents themselves).
    r.post('/applications/:number/messages', upload, async (req, res) => {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      try {
        const number = String(req.params.number);
        await withAccess(req, number);
        const checked = checkAttachments(files);
        const { text, body: parsed } = jsonOf(req, 'message');
        const body = (parsed ?? {}) as { kind?: unknown; attachments?: unknown };
        const record = await access.verifySigned?.(
          req,
          String(body?.kind ?? 'message'),
          text ?? JSON.stringify(body),
        );
        const uploaded = checked.map((c) => ({
          kind: body?.kind === 'hearing-position' ? 'hearing-position-document' : 'missing-document',
          fileName: c.fileName,
        }));
        const message = uploaded.length
          ? {
              ...body,
              attachments: [...(Array.isArray(body?.attachments) ? body.attachments : []), ...uploaded],
            }
          : body;
        const staged = await stage(checked);
        // The rows before the message: the message never names files the application lacks. A
        // message not sent, or a repeat of one, takes its rows and files back.
        const rows = attachmentRecords(staged, number, clock.now().toISOString(), uploader(req));
        await attachmentRows.add(rows).catch(async (err: unknown) => {
          await discard(staged);
          throw err;
        });
        const unkeep = async () => {
          await attachmentRows.remove(rows.map((a) => a.id));
          await discard(staged);
        };
        const result = await sendMessage(number, message).catch(async (err: unknown) => {
          await unkeep().catch(() => undefined);
          throw err;
        });
        await record?.(number);
        if (result.duplicate) await unkeep();
        res.status(202).json(result);
      } finally {
        for (const f of files) if (f.path) rmSync(f.path, { force: true });
      }
    });
    r.post('/complaints', async (req, res) => {
      const number = String((req.body as { applicationNumber?: unknown })?.applicationNumber ?? '');
      await withAccess(req, number);
      const record = await access.verifySigned?.(req, 'complaint', JSON.stringify(req.body));
      const filed = await fileComplaint(req.body);
      await record?.(number);
      res.status(202).json(filed);
    });
    return r;
  }

  /**
   * Starts, by itself, the applications registered while the engine was unreachable: they stay
   * 'starting' until the engine answers again, then each is started once (idempotently: an instance
   * already created for its number is adopted) with the registration time recorded at submission,
   * so its legal terms run from then. Retries with back-off while the engine is down and logs one
   * line when it goes down and one when it is back.
   */
  function resumeStarting(opts: { minDelayMs?: number; maxDelayMs?: number } = {}) {
    const minDelay = opts.minDelayMs ?? 1000;
    const maxDelay = opts.maxDelayMs ?? 60_000;
    let delay = minDelay;
    let stopped = false;
    let waiting = false;
    let timer: NodeJS.Timeout | undefined;
    const skipped = new Set<string>();

    /** One pass; throws when the engine cannot be reached. Returns how many applications it started. */
    async function runOnce(): Promise<number> {
      let resumed = 0;
      for (const r of await store.listStarting()) {
        if (stopped || starting.has(r.applicationNumber) || skipped.has(r.applicationNumber)) continue;
        try {
          await startOnce(r.applicationNumber);
          resumed++;
        } catch (err) {
          // A refusal of this one application (no rules in force that day) is final and already logged.
          if (err instanceof IntakeError) skipped.add(r.applicationNumber);
          else throw err;
        }
      }
      return resumed;
    }

    const tick = async () => {
      timer = undefined;
      if (stopped) return;
      try {
        const resumed = await runOnce();
        if (waiting) log('engine reachable again: registered applications resumed', { resumed });
        waiting = false;
        delay = minDelay;
      } catch (err) {
        if (stopped) return;
        if (!waiting)
          log('registered applications wait for the engine; intake retries with back-off', {
            error: (err as Error).message,
          });
        waiting = true;
        delay = Math.min(delay * 2, maxDelay);
      }
      if (!stopped) {
        timer = setTimeout(() => void tick(), delay);
        timer.unref();
      }
    };
    timer = setTimeout(() => void tick(), 0);
    timer.unref();
    return {
      runOnce,
      stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
      },
    };
  }

  return { submit, status, sendMessage, fileComplaint, router, store, resumeStarting };
}

export type Intake = ReturnType<typeof createIntake>;

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Maps IntakeError (and JSON syntax errors) to responses; other errors go on. */
export function intakeErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (err instanceof IntakeError) {
    res.status(err.status).json(err.toJSON());
    return;
  }
  if (err instanceof DatabaseUnavailableError) {
    // Nothing of the request was kept (one transaction): the same request again is safe.
    res.setHeader('Retry-After', '5');
    res.status(503).json({
      error: {
        code: 'DATABASE_UNAVAILABLE',
        ...both('error.intake.serviceUnavailable'),
      },
    });
    return;
  }
  if (err instanceof SyntaxError) {
    res
      .status(400)
      .json({ error: { code: 'INVALID_JSON', ...both('error.intake.invalidJson', { format: 'JSON' }) } });
    return;
  }
  uploadErrorHandler(err, req, res, next);
}
