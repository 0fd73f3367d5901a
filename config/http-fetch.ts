import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import zlib from 'node:zlib';

/**
 * The `fetch` our processes hand the official Camunda client (`createCamundaClient({ fetch })`): the
 * same requests and answers as Node's built-in fetch, over node:http(s) with keep-alive agents.
 * The built-in fetch runs every call through WHATWG streams and undici's dispatcher, which costs
 * the SDK process about 2.5 times the CPU per request and stalls its event loop for tens of
 * milliseconds under load (docs/decisions/0016-client-keep-alive-fetch.md has the figures).
 *
 * What it keeps from fetch: request bodies of every kind (JSON, multipart documents and
 * deployments, streams: read once, then sent with a length), response headers and statuses (no body
 * for 204/205/304 and HEAD), redirects followed as fetch follows them (credentials dropped when the
 * origin changes), gzip/deflate/br answers decoded, abort signals (the request is torn down and the
 * promise rejects with the signal's reason, an `AbortError` by default), and network failures as
 * fetch reports them: `TypeError('fetch failed')` with the socket error as `cause`, which the SDK's
 * retry treats as a network error. JSON and text answers are read whole before the promise
 * resolves; other answers (documents) are streamed.
 */
export interface KeepAliveFetchOptions {
  /** Extra CA certificates (PEM) trusted for https, besides Node's bundled roots. */
  ca?: readonly (string | Buffer)[];
  /** Most sockets per origin; further requests wait for a free one. */
  maxSockets?: number;
  /**
   * An idle socket is closed after this many ms, or sooner when the server's `Keep-Alive: timeout`
   * says so, so that a server's own idle close rarely meets a request on the way.
   */
  idleTimeoutMs?: number;
  /**
   * When a reused keep-alive socket turns out closed by the server (reset before any answer), send
   * the request once more on a new socket. The server may have read the request before it reset, so
   * a client that must make exactly one attempt per request (process starts) turns this off.
   */
  retryStaleSocket?: boolean;
  /** Headers added to every request. */
  headers?: Readonly<Record<string, string>>;
}

export interface KeepAliveFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Sockets open now, in use and idle (both protocols). */
  sockets(): { active: number; idle: number };
  /** Closes every socket; later requests open new ones. */
  close(): void;
}

/** Statuses whose answers have no body (fetch's null-body statuses). */
const NULL_BODY = new Set([204, 205, 304]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** Answers read whole before the promise resolves; anything else is streamed. */
const BUFFERED = /json|^text\//i;
/** Socket errors that mean "the server closed this connection before answering". */
const STALE = new Set(['ECONNRESET', 'EPIPE']);

const networkError = (cause: unknown) => new TypeError('fetch failed', { cause });

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

const count = (sets: NodeJS.ReadOnlyDict<unknown[]>) =>
  Object.values(sets).reduce((n, list) => n + (list?.length ?? 0), 0);

function decoded(res: http.IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

interface Outgoing {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  signal: AbortSignal;
  redirect: RequestRedirect;
  agent: http.Agent | undefined;
}

export function keepAliveFetch(options: KeepAliveFetchOptions = {}): KeepAliveFetch {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 256,
    maxFreeSockets: options.maxSockets ?? 256,
    // The agent applies it to idle sockets only: every request below sets its own timeout (none).
    timeout: options.idleTimeoutMs ?? 4000,
    scheduling: 'lifo',
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent({
    ...agentOptions,
    ...(options.ca?.length ? { ca: [...tls.rootCertificates, ...options.ca] } : {}),
  });
  const extra = options.headers ?? {};
  const retryStale = options.retryStaleSocket !== false;

  function send(out: Outgoing, hops: number, retried: boolean): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      const { url, signal } = out;
      if (signal.aborted) return reject(abortReason(signal));
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:')
        return reject(networkError(new Error(`unsupported protocol ${url.protocol}`)));
      let settled = false;
      let stream: Readable | undefined;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        try {
          fn();
        } catch (err) {
          // An answer fetch cannot represent (a status outside 200–599, a malformed header).
          req.destroy();
          reject(networkError(err));
        }
      };
      const onAbort = () => {
        const reason = abortReason(signal);
        req.destroy();
        stream?.destroy(reason as Error);
        settle(() => reject(reason));
      };
      const req = (secure ? https : http).request(
        url,
        {
          method: out.method,
          headers: out.headers,
          agent: out.agent ?? (secure ? httpsAgent : httpAgent),
          timeout: 0,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const location = res.headers.location;
          if (REDIRECTS.has(status) && location !== undefined && out.redirect !== 'manual') {
            res.resume();
            if (out.redirect === 'error')
              return settle(() => reject(networkError(new Error(`unexpected redirect to ${location}`))));
            if (hops >= MAX_REDIRECTS)
              return settle(() => reject(networkError(new Error('redirect count exceeded'))));
            return settle(() =>
              resolve(send(redirected(out, status, new URL(location, url)), hops + 1, false)),
            );
          }
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          const init = { status, statusText: res.statusMessage ?? '', headers };
          const answer = (body: BodyInit | null) => {
            const response = new Response(body, init);
            Object.defineProperty(response, 'url', { value: url.href });
            if (hops > 0) Object.defineProperty(response, 'redirected', { value: true });
            return response;
          };
          if (NULL_BODY.has(status) || out.method === 'HEAD') {
            res.resume();
            return settle(() => resolve(answer(null)));
          }
          stream = decoded(res);
          if (!BUFFERED.test(res.headers['content-type'] ?? '')) {
            // Streamed: the signal still tears it down until the body is read.
            const body = stream;
            return settle(() => {
              resolve(answer(Readable.toWeb(body) as ReadableStream<Uint8Array>));
              const onBodyAbort = () => body.destroy(abortReason(signal) as Error);
              signal.addEventListener('abort', onBodyAbort, { once: true });
              body.once('close', () => signal.removeEventListener('abort', onBodyAbort));
            });
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.once('error', (err) => settle(() => reject(networkError(err))));
          res.once('aborted', () => settle(() => reject(networkError(new Error('terminated')))));
          stream.once('end', () => {
            const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
            settle(() => resolve(new ReadResponse(all, init, url.href, hops > 0)));
          });
        },
      );
      req.once('error', (err: NodeJS.ErrnoException) => {
        if (settled) return;
        if (retryStale && !retried && req.reusedSocket && !stream && STALE.has(err.code ?? ''))
          return settle(() => resolve(send(out, hops, true)));
        settle(() => reject(networkError(err)));
      });
      signal.addEventListener('abort', onAbort, { once: true });
      req.end(out.body);
    });
  }

  const fetchOverNodeHttp = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = { ...extra };
    request.headers.forEach((v, k) => (headers[k] = v));
    const method = request.method;
    if (body) headers['content-length'] = String(body.length);
    else if (method === 'POST' || method === 'PUT' || method === 'PATCH') headers['content-length'] = '0';
    // The SDK's mTLS setting hands its OAuth token request an agent, as node-fetch took one.
    const agent = (init as { agent?: http.Agent } | undefined)?.agent;
    return send(
      {
        url: new URL(request.url),
        method,
        headers,
        body,
        signal: request.signal,
        redirect: request.redirect,
        agent,
      },
      0,
      false,
    );
  };

  return Object.assign(fetchOverNodeHttp, {
    sockets: () => ({
      active: count(httpAgent.sockets) + count(httpsAgent.sockets),
      idle: count(httpAgent.freeSockets) + count(httpsAgent.freeSockets),
    }),
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

/**
 * An answer already read whole (JSON and text). Its body methods read the bytes at hand: a
 * `Response` built over them would wrap them in a WHATWG stream only for the client to read that
 * stream back, for every request. `body` (the stream) is made only when asked for; from then on the
 * answer reads as a plain `Response` does. Consumed once, as fetch's answers are.
 */
export class ReadResponse extends Response {
  #bytes: Buffer | undefined;
  #stream: Response | undefined;
  readonly #init: ResponseInit;
  readonly #url: string;
  readonly #redirected: boolean;

  constructor(bytes: Buffer, init: ResponseInit, url: string, redirected: boolean) {
    super(null, init);
    this.#bytes = bytes;
    this.#init = init;
    this.#url = url;
    this.#redirected = redirected;
  }

  override get url(): string {
    return this.#url;
  }

  override get redirected(): boolean {
    return this.#redirected;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#streamed().body;
  }

  override get bodyUsed(): boolean {
    return this.#stream ? this.#stream.bodyUsed : this.#bytes === undefined;
  }

  override async text(): Promise<string> {
    if (this.#stream) return this.#stream.text();
    const text = this.#take().toString('utf8');
    // fetch decodes UTF-8 without a byte order mark.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  override async json(): Promise<any> {
    if (this.#stream) return this.#stream.json();
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#stream) return this.#stream.arrayBuffer();
    const b = this.#take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  override async blob(): Promise<Blob> {
    // Through the stream: fetch gives the blob the answer's MIME type in its canonical form.
    return this.#streamed().blob();
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#stream) return this.#stream.bytes();
    return new Uint8Array(await this.arrayBuffer());
  }

  override async formData(): Promise<FormData> {
    return this.#streamed().formData();
  }

  override clone(): Response {
    if (this.#stream) {
      const copy = this.#stream.clone();
      Object.defineProperty(copy, 'url', { value: this.#url });
      if (this.#redirected) Object.defineProperty(copy, 'redirected', { value: true });
      return copy;
    }
    if (this.#bytes === undefined) throw new TypeError('Response.clone: Body has already been consumed.');
    return new ReadResponse(this.#bytes, this.#init, this.#url, this.#redirected);
  }

  #take(): Buffer {
    const b = this.#bytes;
    if (b === undefined) throw new TypeError('Body is unusable: Body has already been read');
    this.#bytes = undefined;
    return b;
  }

  /** The answer as a plain Response over a stream of the bytes, made once (when the stream is wanted). */
  #streamed(): Response {
    if (!this.#stream) {
      const b = this.#take();
      this.#stream = new Response(
        new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength),
        this.#init,
      );
    }
    return this.#stream;
  }
}

/** The next request of a redirect, as fetch makes it. */
function redirected(out: Outgoing, status: number, next: URL): Outgoing {
  const headers = { ...out.headers };
  let { method, body } = out;
  if (
    (status === 303 && method !== 'GET' && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST')
  ) {
    method = 'GET';
    body = undefined;
    for (const h of [
      'content-type',
      'content-length',
      'content-encoding',
      'content-language',
      'content-location',
    ])
      delete headers[h];
  }
  if (next.origin !== out.url.origin) {
    delete headers.authorization;
    delete headers.cookie;
    delete headers['proxy-authorization'];
  }
  return { ...out, url: next, method, body, headers };
}
