import type { RequestListener } from 'node:http';
import express, { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { Engine } from '../runtime/engine';
import { ENVELOPE_BYTES } from '../runtime/limits';
import { EngineError, invalid, notFound } from '../runtime/errors';
import { toVariable } from '../runtime/projections';
import { TENANT } from '../runtime/records';
import type { SearchKind } from '../store/search-index';
import { search, SearchRequest } from './search';
import { documentLinkRoute, documentRoutes } from './documents';
import type { DocumentStore } from '../documents/store';
import { decisionRoutes, toDecisionDefinition, toDecisionRequirements } from './decisions';
import {
  activateJobs,
  authError,
  CommandQueue,
  createInstance,
  hotRoutes,
  problemOf,
  searchJson,
  truncated,
  truncatedValue,
  writeProblem,
} from './hot-routes';

export const GATEWAY_VERSION = '8.8.0';

export interface EngineAppOptions {
  /**
   * When set, every request must carry `Authorization: Bearer <token>` (or HTTP Basic with the token
   * as password, which is how the SDK's REST client sends a static secret). Unset only in tests.
   */
  token?: string;
  /** Where `/v2/documents` keeps documents; without it the documents API answers 404. */
  documents?: DocumentStore;
}

/**
 * The Camunda 8.8 Orchestration Cluster REST API (`/v2`) over the embedded engine: the endpoints
 * every instance passes through take the lean route (`hot-routes.ts`), the rest Express.
 */
export function createEngineApp(engine: Engine, opts: EngineAppOptions = {}): RequestListener {
  const app = express();
  app.disable('x-powered-by');
  // Zeebe's gateway sends no ETag; hashing every answer only costs time.
  app.disable('etag');
  const { maxMessageBytes } = engine.limits;
  const v2 = express.Router();
  const queue = new CommandQueue(engine);
  // Authenticate and check the media type before reading a body; queue only parsed requests, so
  // the queue bounds the work waiting for the engine.
  app.use('/v2', authenticate(opts.token), onlyJsonWrites);
  app.use('/v2', express.json({ limit: maxMessageBytes + ENVELOPE_BYTES }), commandQueue(engine, queue));
  // A deployment is one record in Zeebe: its resources together stay under the message size limit.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxMessageBytes, files: 100, fields: 100 },
  });
  app.use('/v2', v2);
  if (opts.documents) documentLinkRoute(app, opts.documents);

  const body = (req: Request): Record<string, any> =>
    req.body && typeof req.body === 'object' ? req.body : {};
  const key = (req: Request, name: string): string => {
    const k = String(req.params[name]);
    if (!/^-?\d{1,25}$/.test(k)) throw invalid(`'${name}' must be a numeric key, got '${k}'`);
    return k;
  };

  // ---- cluster
  v2.get('/topology', (_req, res) => {
    res.json({
      brokers: [
        {
          nodeId: 0,
          host: 'embedded',
          port: 26501,
          partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
          version: GATEWAY_VERSION,
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: GATEWAY_VERSION,
      lastCompletedChangeId: '-1',
    });
  });
  v2.get('/status', (_req, res) => {
    res.status(204).end();
  });
  v2.get('/license', (_req, res) => {
    res.json({ validLicense: false, licenseType: 'unknown', isCommercial: false });
  });

  // ---- clock
  v2.put('/clock', (req, res) => {
    const ts = Number(body(req).timestamp);
    if (body(req).timestamp === undefined || !Number.isFinite(ts))
      throw invalid("'timestamp' (epoch milliseconds) is required");
    engine.pinClock(ts);
    res.status(204).end();
  });
  // Not in Camunda's API (it can only pin and reset): the web app reads the engine's time here, so
  // its working-day flags agree with the engine's timers (ui/engine-time.ts; a cluster answers 404).
  v2.get('/clock', (_req, res) => {
    res.json({ timestamp: engine.now(), pinned: engine.isClockPinned() });
  });
  v2.post('/clock/reset', (_req, res) => {
    engine.resetClock();
    res.status(204).end();
  });

  // ---- deployments
  v2.post('/deployments', upload.array('resources'), async (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0)
      throw invalid("a deployment needs at least one file in the multipart field 'resources'");
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > maxMessageBytes)
      throw new EngineError(
        413,
        'PAYLOAD_TOO_LARGE',
        `the deployment's resources are ${total} bytes together, more than the limit of ${maxMessageBytes} bytes (ENGINE_MAX_MESSAGE_SIZE)`,
      );
    for (const f of files) {
      // Entity declarations are how XML bombs and external-entity reads start; BPMN never needs them.
      if (/<!(DOCTYPE|ENTITY)/i.test(f.buffer.toString('utf8')))
        throw invalid(`'${f.originalname}': DOCTYPE and ENTITY declarations are not allowed`);
    }
    const result = await engine.deploy(
      files.map((f) => ({ name: f.originalname, content: f.buffer.toString('utf8') })),
    );
    res.json({
      tenantId: TENANT,
      deploymentKey: result.deploymentKey,
      deployments: [
        ...result.processes.map((p) => ({
          processDefinition: {
            processDefinitionId: p.bpmnProcessId,
            processDefinitionVersion: p.version,
            resourceName: p.resourceName,
            tenantId: TENANT,
            processDefinitionKey: p.key,
          },
        })),
        ...result.decisionRequirements.map((d) => ({ decisionRequirements: toDecisionRequirements(d) })),
        ...result.decisions.map((d) => ({ decisionDefinition: toDecisionDefinition(d) })),
        ...result.forms.map((f) => ({
          form: {
            formId: f.formId,
            version: f.version,
            resourceName: f.resourceName,
            tenantId: TENANT,
            formKey: f.key,
          },
        })),
      ],
    });
  });

  decisionRoutes(v2, engine);
  if (opts.documents)
    documentRoutes(v2, opts.documents, {
      maxDocumentBytes: engine.limits.maxDocumentBytes,
      now: () => engine.now(),
    });

  // ---- resources
  v2.post('/resources/:key/deletion', (req, res) => {
    engine.deleteResource(key(req, 'key'));
    res.status(200).json({});
  });

  // ---- process definitions
  const processDefinition = (key: string) => {
    const p = engine.queries.processDefinition(key);
    if (!p) throw notFound('Process definition', key);
    return p;
  };
  const toProcessDefinition = (p: ReturnType<typeof processDefinition>) => ({
    name: p.name ?? p.bpmnProcessId,
    resourceName: p.resourceName,
    version: p.version,
    versionTag: p.versionTag,
    processDefinitionId: p.bpmnProcessId,
    tenantId: TENANT,
    processDefinitionKey: p.key,
    hasStartForm: false,
  });
  v2.post('/process-definitions/search', (req, res) => {
    const items = engine.queries.processDefinitions().map(toProcessDefinition);
    const latestOnly = body(req).filter?.isLatestVersion === true;
    const filter = { ...(body(req).filter ?? {}) };
    delete filter.isLatestVersion;
    const pool = latestOnly
      ? items.filter((p) => engine.latestProcess(p.processDefinitionId)?.key === p.processDefinitionKey)
      : items;
    res.json(search(pool, { ...body(req), filter }, { defaultSort: 'processDefinitionKey' }));
  });
  v2.get('/process-definitions/:key', (req, res) => {
    res.json(toProcessDefinition(processDefinition(key(req, 'key'))));
  });
  v2.get('/process-definitions/:key/xml', (req, res) => {
    res.type('text/xml').send(processDefinition(key(req, 'key')).xml);
  });
  v2.get('/process-definitions/:key/form', (req, res) => {
    processDefinition(key(req, 'key'));
    res.status(204).end();
  });

  // ---- searches: one SQL query over the search tables (running and finished instances)
  const indexed = (kind: SearchKind, k: string, what: string) => {
    const doc = engine.queries.searchTables('committed').get(kind, k);
    if (!doc) throw notFound(what, k);
    return doc;
  };
  /** A search answered with the stored rows' JSON as it is (no parse and re-serialisation per row). */
  const sendSearch = (
    res: Response,
    kind: SearchKind,
    req: Request,
    defaultSort: string,
    extra?: Record<string, unknown>,
    mapRow?: (row: string) => string,
  ) => {
    const json = searchJson(engine, kind, body(req), defaultSort, extra, mapRow);
    // Only written rows were read: the answer need not wait for the open group's write.
    res.locals.committedOnly = true;
    res.type('application/json').send(json);
  };

  // ---- process instances
  v2.post('/process-instances', async (req, res) => {
    res.json(await createInstance(engine, body(req)));
  });
  v2.post('/process-instances/search', (req, res) => {
    // Camunda's `variables: [{ name, value }]` filters on the instance's own (root-scope) variables.
    sendSearch(res, 'processInstance', req, 'processInstanceKey');
  });
  v2.get('/process-instances/:key', (req, res) => {
    res.json(indexed('processInstance', key(req, 'key'), 'Process instance'));
  });
  v2.post('/process-instances/:key/cancellation', (req, res) => {
    engine.cancelProcessInstance(key(req, 'key'));
    res.status(204).end();
  });
  v2.post('/process-instances/:key/migration', (req, res) => {
    const b = body(req);
    engine.migrateProcessInstance(key(req, 'key'), {
      targetProcessDefinitionKey: b.targetProcessDefinitionKey,
      mappingInstructions: Array.isArray(b.mappingInstructions) ? b.mappingInstructions : [],
    });
    res.status(204).end();
  });
  v2.post('/process-instances/:key/modification', (req, res) => {
    const b = body(req);
    engine.modifyProcessInstance(key(req, 'key'), {
      activateInstructions: Array.isArray(b.activateInstructions) ? b.activateInstructions : [],
      terminateInstructions: Array.isArray(b.terminateInstructions) ? b.terminateInstructions : [],
    });
    res.status(204).end();
  });
  v2.post('/process-instances/:key/incidents/search', (req, res) => {
    const k = key(req, 'key');
    sendSearch(res, 'incident', req, 'incidentKey', { processInstanceKey: k });
  });

  // ---- element instances and variables
  v2.post('/element-instances/search', (req, res) => {
    sendSearch(res, 'elementInstance', req, 'elementInstanceKey');
  });
  v2.get('/element-instances/:key', (req, res) => {
    res.json(indexed('elementInstance', key(req, 'key'), 'Element instance'));
  });
  v2.put('/element-instances/:key/variables', (req, res) => {
    const b = body(req);
    engine.setVariables(key(req, 'key'), b.variables ?? {}, b.local === true);
    res.status(204).end();
  });
  v2.post('/variables/search', (req, res) => {
    const truncate = req.query.truncateValues !== 'false';
    sendSearch(res, 'variable', req, 'variableKey', undefined, truncate ? truncatedValue : undefined);
  });
  v2.get('/variables/:key', (req, res) => {
    res.json(indexed('variable', key(req, 'key'), 'Variable'));
  });

  // ---- jobs
  v2.post('/jobs/activation', async (req, res) => {
    // The answer leaves once the activation is written, not after later commands' writes.
    res.locals.committedOnly = true;
    const answer = await activateJobs(engine, body(req), res);
    if (answer) res.json(answer);
  });
  v2.post('/jobs/:key/completion', (req, res) => {
    engine.completeJob(key(req, 'key'), body(req).variables);
    res.status(204).end();
  });
  v2.post('/jobs/:key/failure', (req, res) => {
    const b = body(req);
    engine.failJob(key(req, 'key'), {
      retries: b.retries ?? 0,
      errorMessage: b.errorMessage,
      retryBackOff: b.retryBackOff,
      variables: b.variables,
    });
    res.status(204).end();
  });
  v2.post('/jobs/:key/error', (req, res) => {
    const b = body(req);
    engine.throwJobError(key(req, 'key'), {
      errorCode: b.errorCode,
      errorMessage: b.errorMessage,
      variables: b.variables,
    });
    res.status(204).end();
  });
  v2.patch('/jobs/:key', (req, res) => {
    const changes = body(req).changeset ?? {};
    engine.updateJob(key(req, 'key'), {
      retries: changes.retries ?? undefined,
      timeout: changes.timeout ?? undefined,
    });
    res.status(204).end();
  });
  v2.post('/jobs/search', (req, res) => {
    sendSearch(res, 'job', req, 'jobKey');
  });

  // ---- user tasks
  const userTask = (k: string) => indexed('userTask', k, 'User task');
  v2.post('/user-tasks/search', (req, res) => {
    // candidateGroup / candidateUser match one entry of the task's lists; processInstanceVariables and
    // localVariables match `{ name, value }` on the instance's and the task's own scope.
    sendSearch(res, 'userTask', req, 'creationDate');
  });
  v2.get('/user-tasks/:key', (req, res) => {
    res.json(userTask(key(req, 'key')));
  });
  v2.get('/user-tasks/:key/form', (req, res) => {
    const t = userTask(key(req, 'key'));
    if (!t.formKey) {
      res.status(204).end();
      return;
    }
    const f = engine.queries.form(t.formKey);
    if (!f) throw notFound('Form', t.formKey);
    res.json({
      tenantId: TENANT,
      formId: f.formId,
      schema: JSON.parse(f.schema),
      version: f.version,
      formKey: f.key,
    });
  });
  v2.post('/user-tasks/:key/assignment', (req, res) => {
    const b = body(req);
    engine.assignUserTask(key(req, 'key'), b.assignee, b.allowOverride !== false);
    res.status(204).end();
  });
  v2.delete('/user-tasks/:key/assignee', (req, res) => {
    engine.unassignUserTask(key(req, 'key'));
    res.status(204).end();
  });
  v2.patch('/user-tasks/:key', (req, res) => {
    const c = body(req).changeset ?? {};
    engine.updateUserTask(key(req, 'key'), c);
    res.status(204).end();
  });
  v2.post('/user-tasks/:key/completion', (req, res) => {
    engine.completeUserTask(key(req, 'key'), body(req).variables);
    res.status(204).end();
  });
  v2.post('/user-tasks/:key/variables/search', (req, res) => {
    const t = userTask(key(req, 'key'));
    // A task sees the variables of its scope chain, inner scopes shadowing outer ones: a running
    // task's from memory, a finished one's from history along the chain it had.
    let items: Record<string, unknown>[];
    if (engine.queries.hasUserTask(t.userTaskKey))
      items = engine.visibleVariableRecords(t.elementInstanceKey).map((v) => truncated(toVariable(v)));
    else {
      const history = engine.queries.searchTables('committed');
      // Tasks written before the path was kept: their own scope and their instance's.
      const kept = history.internal('userTask', t.userTaskKey, 'scopePath') as string[] | undefined;
      const path = kept?.length ? kept : [t.elementInstanceKey, t.processInstanceKey];
      const found = history.search(
        'variable',
        { filter: { scopeKey: { $in: path } }, page: { limit: 10_000 } },
        'variableKey',
      ).items;
      const depth = (v: Record<string, any>) => path.indexOf(v.scopeKey);
      const innermost = new Map<string, Record<string, any>>();
      for (const v of found) {
        const seen = innermost.get(v.name);
        if (!seen || depth(v) < depth(seen)) innermost.set(v.name, v);
      }
      items = [...innermost.values()].map(truncated);
    }
    res.json(search(items, body(req) as SearchRequest, { defaultSort: 'name' }));
  });

  // ---- messages
  v2.post('/messages/publication', (req, res) => {
    const b = body(req);
    const m = engine.publishMessage({
      name: b.name,
      correlationKey: b.correlationKey,
      timeToLive: b.timeToLive,
      messageId: b.messageId,
      variables: b.variables,
    });
    res.json({ tenantId: TENANT, messageKey: m.key });
  });
  v2.post('/messages/correlation', (req, res) => {
    const b = body(req);
    const r = engine.correlateMessage({
      name: b.name,
      correlationKey: b.correlationKey,
      variables: b.variables,
    });
    res.json({ tenantId: TENANT, messageKey: r.messageKey, processInstanceKey: r.processInstanceKey });
  });
  v2.post('/correlated-message-subscriptions/search', (req, res) => {
    sendSearch(res, 'correlatedMessageSubscription', req, 'correlationTime');
  });
  v2.post('/message-subscriptions/search', (req, res) => {
    const items = engine.queries
      .messageSubscriptions()
      .filter((s) => !s.signal)
      .map((s) => ({
        messageSubscriptionKey: s.key,
        processDefinitionId: s.bpmnProcessId,
        processDefinitionKey: s.processDefinitionKey,
        processInstanceKey: s.processInstanceKey,
        elementId: s.elementId,
        elementInstanceKey: s.ownerKey,
        messageSubscriptionState: s.state,
        lastUpdatedDate: s.createdAt,
        messageName: s.messageName,
        correlationKey: s.correlationKey,
        tenantId: TENANT,
      }));
    res.json(search(items, body(req) as SearchRequest, { defaultSort: 'messageSubscriptionKey' }));
  });

  // ---- signals
  v2.post('/signals/broadcast', (req, res) => {
    const b = body(req);
    const r = engine.broadcastSignal({ signalName: b.signalName, variables: b.variables });
    res.json({ tenantId: TENANT, signalKey: r.signalKey });
  });

  // ---- incidents
  v2.post('/incidents/search', (req, res) => {
    sendSearch(res, 'incident', req, 'incidentKey');
  });
  v2.get('/incidents/:key', (req, res) => {
    res.json(indexed('incident', key(req, 'key'), 'Incident'));
  });
  v2.post('/incidents/:key/resolution', (req, res) => {
    engine.resolveIncident(key(req, 'key'));
    res.status(204).end();
  });

  v2.use((req, _res, next) =>
    next(new EngineError(404, 'NOT_FOUND', `no such endpoint: ${req.method} ${req.originalUrl}`)),
  );
  app.use(problemDetails);
  const hot = hotRoutes(engine, { token: opts.token, queue, maxBodyBytes: maxMessageBytes + ENVELOPE_BYTES });
  return (req, res) => {
    if (!hot(req, res)) app(req, res);
  };
}

/** RFC 9457 problem details, as Camunda returns them. */
export function problemDetails(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  let { status, title, detail } = problemOf(err);
  if (err instanceof EngineError) {
    // problemOf has it
  } else if (err && typeof err === 'object' && 'type' in err && (err as any).type === 'entity.parse.failed') {
    status = 400;
    title = 'INVALID_ARGUMENT';
    detail = `request body is not valid JSON: ${(err as unknown as Error).message}`;
  } else if (err && typeof err === 'object' && 'type' in err && (err as any).type === 'entity.too.large') {
    status = 413;
    title = 'PAYLOAD_TOO_LARGE';
    detail = `the request body is larger than the limit of ${(err as any).limit} bytes (ENGINE_MAX_MESSAGE_SIZE plus the request envelope)`;
  } else if (err instanceof multer.MulterError) {
    status = err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FILE_COUNT' ? 413 : 400;
    title = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_ARGUMENT';
    detail =
      err.code === 'LIMIT_FILE_SIZE'
        ? `resource '${err.field ?? ''}' is larger than the limit (ENGINE_MAX_MESSAGE_SIZE)`
        : err.message;
  }
  writeProblem(res, req.originalUrl, status, title, detail);
}

/** Endpoints whose writes carry no body (the SDK sends them without a Content-Type). */
const BODYLESS_WRITES: readonly [string, RegExp][] = [
  ['POST', /^\/clock\/reset\/?$/],
  ['DELETE', /^\/user-tasks\/[^/]+\/assignee\/?$/],
  ['POST', /^\/resources\/[^/]+\/deletion\/?$/],
  ['DELETE', /^\/documents\/[^/]+\/?$/],
  ['POST', /^\/documents\/[^/]+\/links\/?$/],
];

/** Endpoints that take multipart/form-data: deployments and document uploads. */
const MULTIPART = /^\/(deployments|documents|documents\/batch)\/?$/;

/**
 * Writes are JSON (multipart for deployments): a browser can send `text/plain` or a form across
 * sites without asking, but not `application/json`, so this closes cross-site requests. 415 otherwise.
 */
export function onlyJsonWrites(req: Request, _res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return next();
  if (type === 'multipart/form-data' && MULTIPART.test(req.path)) return next();
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!type && !hasBody && BODYLESS_WRITES.some(([m, re]) => m === req.method && re.test(req.path)))
    return next();
  next(
    new EngineError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `${req.method} ${req.originalUrl} accepts only Content-Type application/json${
        MULTIPART.test(req.path) ? ' or multipart/form-data' : ''
      }, got '${type || 'none'}'`,
    ),
  );
}

/** `Authorization: Bearer <token>`, or Basic with the token as password; 401 otherwise. */
export function authenticate(token: string | undefined) {
  return (req: Request, _res: Response, next: NextFunction): void =>
    next(authError(req.headers.authorization, token));
}

/**
 * Group commit's other half: an answer leaves only once the commands run before it are written (so
 * nothing acknowledged can be lost); when that write fails, the request is answered with its error.
 */
function holdUntilWritten(engine: Engine, req: Request, res: Response): void {
  const end = res.end;
  res.end = function (this: Response, ...args: unknown[]) {
    res.end = end;
    const written = res.locals.committedOnly ? undefined : engine.durable();
    if (!written) return (end as (...a: unknown[]) => Response).apply(res, args);
    written.then(
      () => (end as (...a: unknown[]) => Response).apply(res, args),
      (err: unknown) => problemDetails(err, req, res, () => undefined),
    );
    return res;
  } as Response['end'];
}

/** The command queue (`CommandQueue`) as Express middleware; health probes are answered ahead of it. */
export function commandQueue(engine: Engine, queue = new CommandQueue(engine)) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' && /^\/(status|topology)\/?$/.test(req.path)) return next();
    const busy = queue.offer(() => {
      holdUntilWritten(engine, req, res);
      next();
    });
    if (busy) next(busy);
  };
}
