import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ActivatedJob, Engine } from '../runtime/engine';
import { EngineError, invalid } from '../runtime/errors';
import { TENANT } from '../runtime/records';
import type { SearchKind, SearchRequest } from '../store/search-index';

/**
 * The endpoints every instance passes through (create an instance, activate and complete jobs,
 * search and complete user tasks), the worklist's variable search and the operations list's
 * process-instance search, answered straight from node:http without Express's router and
 * body parser, and the pieces they share with the Express routes of `app.ts`: the command queue,
 * the engine token, problem details and the handlers themselves. A request the lean route does not
 * take as it is (no token, another media type or encoding, no length, a body over the limit, a
 * query string, a path it does not know) goes to Express, which answers it as before.
 */

// ---- problem details (RFC 9457), as Camunda returns them

/** Writes an RFC 9457 problem; 401 and 429 carry the headers a client needs to retry. */
export function writeProblem(
  res: ServerResponse,
  instance: string,
  status: number,
  title: string,
  detail: string,
): void {
  const json = JSON.stringify({ type: 'about:blank', title, status, detail, instance });
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="engine"');
  if (status === 429) res.setHeader('Retry-After', '1');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}

/** The problem of an engine error or an unexpected failure (500 with its message). */
export function problemOf(err: unknown): { status: number; title: string; detail: string } {
  if (err instanceof EngineError) return { status: err.status, title: err.title, detail: err.message };
  return { status: 500, title: 'INTERNAL', detail: err instanceof Error ? err.message : 'internal error' };
}

// ---- the engine token

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `Authorization: Bearer <token>`, or Basic with the token as password: undefined when it passes
 * (or no token is set), else the 401 to answer.
 */
export function authError(header: string | undefined, token: string | undefined): EngineError | undefined {
  if (token === undefined) return undefined;
  const [scheme, value = ''] = (header ?? '').split(' ', 2);
  let ok = false;
  if (/^bearer$/i.test(scheme)) ok = sameSecret(value.trim(), token);
  else if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
    ok = sameSecret(decoded.slice(decoded.indexOf(':') + 1), token);
  }
  if (ok) return undefined;
  return new EngineError(
    401,
    'UNAUTHENTICATED',
    header ? 'the engine token is not valid' : 'the engine requires Authorization: Bearer <ENGINE_TOKEN>',
  );
}

// ---- back-pressure

/**
 * Back-pressure, as Zeebe applies it: requests wait in one bounded queue and run one at a time
 * between I/O turns; when the queue is full a request is refused at once with 429
 * RESOURCE_EXHAUSTED, which the SDK retries with back-off, instead of the engine falling behind.
 */
export class CommandQueue {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly engine: Engine) {
    // An open commit group waits for the requests queued here (they join its transaction).
    engine.setBacklog(() => this.waiting.length);
  }

  /** Queues `run`; when the queue is full, counts the refusal and returns the 429 to answer. */
  offer(run: () => void): EngineError | undefined {
    const waiting = this.waiting.length;
    if (waiting >= this.engine.limits.maxQueuedCommands) {
      this.engine.counters.rejectedByBackPressure++;
      return new EngineError(
        429,
        'RESOURCE_EXHAUSTED',
        `the engine is busy (${waiting} requests waiting); retry after a short back-off`,
      );
    }
    this.waiting.push(run);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.pump);
    }
    return undefined;
  }

  private readonly pump = (): void => {
    const until = Date.now() + 5;
    while (this.waiting.length > 0 && Date.now() < until) this.waiting.shift()!();
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(this.pump);
  };
}

// ---- the handlers, shared with the Express routes

type Body = Record<string, any>;

/** `POST /v2/process-instances`: creates an instance, or awaits its completion when asked. */
export async function createInstance(engine: Engine, b: Body): Promise<Body> {
  const create = {
    bpmnProcessId: b.processDefinitionId,
    processDefinitionKey: b.processDefinitionKey,
    version: b.processDefinitionVersion,
    variables: b.variables,
    tags: b.tags,
  };
  if (
    b.fetchVariables !== undefined &&
    !(Array.isArray(b.fetchVariables) && b.fetchVariables.every((n: unknown) => typeof n === 'string'))
  )
    throw invalid("'fetchVariables' must be an array of variable names");
  if (b.requestTimeout !== undefined && !(Number.isInteger(b.requestTimeout) && b.requestTimeout >= 0))
    throw invalid("'requestTimeout' must be a non-negative number of milliseconds");
  let pi;
  let variables = {};
  if (b.awaitCompletion === true) {
    ({ instance: pi, variables } = await engine.createProcessInstanceAwaiting(create, {
      fetchVariables: b.fetchVariables,
      requestTimeout: b.requestTimeout,
    }));
  } else {
    pi = engine.createProcessInstance(create);
  }
  return {
    processDefinitionId: pi.bpmnProcessId,
    processDefinitionVersion: pi.version,
    tenantId: TENANT,
    variables,
    processDefinitionKey: pi.processDefinitionKey,
    processInstanceKey: pi.key,
    tags: pi.tags ?? [],
  };
}

/**
 * `POST /v2/jobs/activation`: the answer, or undefined when the worker's connection closed first
 * (its jobs are then yielded back). It resolves only once the jobs' activation is written, so it
 * need not wait for later commands' writes.
 */
export async function activateJobs(engine: Engine, b: Body, res: ServerResponse): Promise<Body | undefined> {
  const gone = new AbortController();
  let handedOut: ActivatedJob[] = [];
  // A connection closed before the answer was written: jobs taken for it are yielded back.
  const yieldBack = (jobs: ActivatedJob[]) => {
    try {
      if (jobs.length > 0) engine.yieldJobs(jobs);
    } catch {
      // Shutting down or not written: the jobs are offered again after their timeout.
    }
  };
  // 'finish' means the answer reached the socket; a write to a connection already closed never
  // finishes (writableFinished is true even then).
  let written = false;
  res.once('finish', () => (written = true));
  res.on('close', () => {
    if (written) return;
    gone.abort();
    yieldBack(handedOut);
  });
  const jobs = await engine.activateJobs({
    signal: gone.signal,
    type: b.type,
    worker: b.worker,
    timeout: Number(b.timeout),
    maxJobsToActivate: Number(b.maxJobsToActivate),
    fetchVariable: b.fetchVariable,
    requestTimeout: b.requestTimeout === undefined ? 0 : Number(b.requestTimeout),
  });
  if (gone.signal.aborted) {
    yieldBack(jobs);
    return undefined;
  }
  handedOut = jobs;
  return {
    jobs: jobs.map(({ job, variables, deadline }) => ({
      type: job.type,
      processDefinitionId: job.bpmnProcessId,
      processDefinitionVersion: job.processDefinitionVersion,
      elementId: job.elementId,
      customHeaders: job.customHeaders,
      worker: job.worker ?? '',
      retries: job.retries,
      deadline,
      variables,
      tenantId: TENANT,
      jobKey: job.key,
      processInstanceKey: job.processInstanceKey,
      processDefinitionKey: job.processDefinitionKey,
      elementInstanceKey: job.elementInstanceKey,
      kind: 'BPMN_ELEMENT',
      listenerEventType: 'UNSPECIFIED',
      tags: engine.queries.processInstance(job.processInstanceKey)?.tags ?? [],
    })),
  };
}

/** A search answered with the stored rows' JSON as it is (no parse and re-serialisation per row). */
export function searchJson(
  engine: Engine,
  kind: SearchKind,
  b: Body,
  defaultSort: string,
  extra?: Record<string, unknown>,
  mapRow?: (row: string) => string,
): string {
  const filter = (b as SearchRequest).filter ?? {};
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalid('filter must be an object');
  return engine.queries
    .searchTables('committed')
    .searchJson(kind, { ...b, filter: { ...filter, ...extra } }, defaultSort, mapRow);
}

/** Variable values longer than this are cut in search answers unless `truncateValues=false`. */
export const TRUNCATE_AT = 8192;

/** A variable as a search answers it by default: its value cut to `TRUNCATE_AT` characters. */
export function truncated(v: Record<string, any>): Record<string, any> {
  const value = String(v.value);
  return {
    ...v,
    value: value.length > TRUNCATE_AT ? value.slice(0, TRUNCATE_AT) : value,
    isTruncated: value.length > TRUNCATE_AT,
  };
}

/**
 * One stored variable row as a search answers it by default. A row no longer than the limit cannot
 * hold a longer value, so it is spliced as text (no parse and re-serialisation on the worklist's path).
 */
export function truncatedValue(row: string): string {
  return row.length <= TRUNCATE_AT
    ? `${row.slice(0, -1)},"isTruncated":false}`
    : JSON.stringify(truncated(JSON.parse(row) as Record<string, any>));
}

// ---- the lean route

/** A JSON body as Express's JSON parser (body-parser 2, strict) reads it, or the error it answers. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) return {};
  try {
    const first = /^[ \t\n\r]*([^ \t\n\r]|$)/.exec(text)?.[1] || undefined;
    if (first !== '{' && first !== '[') {
      // body-parser's strict-mode message: the parser's own, quoting the text from its first character.
      const index = first === undefined ? -1 : text.indexOf(first);
      const partial = index === -1 ? '' : text.slice(0, index) + '#'.repeat(text.length - index);
      try {
        JSON.parse(partial);
      } catch (e) {
        throw new SyntaxError(
          (e as Error).message.replace(/#+/g, (p) => text.substring(index, index + p.length)),
        );
      }
    }
    return JSON.parse(text);
  } catch (e) {
    throw invalid(`request body is not valid JSON: ${(e as Error).message}`);
  }
}

const HOT_PATH =
  /^\/v2\/(?:(process-instances)|(jobs\/activation)|jobs\/(\d{1,25})\/completion|user-tasks\/(\d{1,25})\/completion|(user-tasks\/search)|(variables\/search)|(process-instances\/search))$/;
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

type Answer = { status: 200; json: string } | { status: 204 } | undefined;

function send(res: ServerResponse, answer: Answer): void {
  if (!answer) return;
  if (answer.status === 204) {
    res.statusCode = 204;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(answer.json));
  res.end(answer.json);
}

export interface HotRouteOptions {
  token?: string;
  queue: CommandQueue;
  /** Largest JSON body, in bytes (the Express parser's limit). */
  maxBodyBytes: number;
}

/**
 * The lean route: returns false, having touched nothing, for a request it leaves to Express.
 * It keeps what Express applies to these endpoints: the token, JSON only, the body limit, the
 * command queue (429 when full), answers held until their command is written, the same errors.
 */
export function hotRoutes(engine: Engine, opts: HotRouteOptions) {
  const { token, queue, maxBodyBytes } = opts;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const m = HOT_PATH.exec(url);
    if (!m) return false;
    const h = req.headers;
    if (authError(h.authorization, token)) return false;
    if (!JSON_TYPE.test(h['content-type'] ?? '')) return false;
    const encoding = h['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    if (h['transfer-encoding'] !== undefined || h['content-length'] === undefined) return false;
    const length = Number(h['content-length']);
    if (!(length <= maxBodyBytes)) return false;

    const fail = (err: unknown) => {
      const p = problemOf(err);
      writeProblem(res, url, p.status, p.title, p.detail);
    };
    /** An answer whose command changed state leaves once that change is written. */
    const durable = (answer: Answer) => {
      const written = engine.durable();
      if (!written) send(res, answer);
      else written.then(() => send(res, answer), fail);
    };
    const run = (b: Body) => {
      try {
        if (m[1])
          createInstance(engine, b).then((r) => durable({ status: 200, json: JSON.stringify(r) }), fail);
        else if (m[2])
          activateJobs(engine, b, res).then(
            (r) => send(res, r && { status: 200, json: JSON.stringify(r) }),
            fail,
          );
        else if (m[3]) {
          engine.completeJob(m[3], b.variables);
          durable({ status: 204 });
        } else if (m[4]) {
          engine.completeUserTask(m[4], b.variables);
          durable({ status: 204 });
        } else if (m[6])
          send(res, {
            status: 200,
            json: searchJson(engine, 'variable', b, 'variableKey', undefined, truncatedValue),
          });
        else if (m[7])
          send(res, { status: 200, json: searchJson(engine, 'processInstance', b, 'processInstanceKey') });
        else send(res, { status: 200, json: searchJson(engine, 'userTask', b, 'creationDate') });
      } catch (err) {
        fail(err);
      }
    };

    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let b: Body;
      try {
        let text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const parsed = parseJsonBody(text);
        b = parsed && typeof parsed === 'object' ? (parsed as Body) : {};
      } catch (err) {
        fail(err);
        return;
      }
      const busy = queue.offer(() => run(b));
      if (busy) fail(busy);
    });
    return true;
  };
}
