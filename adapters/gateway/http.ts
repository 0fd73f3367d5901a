import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GatewayContractError, GatewayUnavailableError } from './errors';

export interface HttpSettings {
  /** Per attempt, covering the response body too. */
  timeoutMs: number;
  /** Extra attempts after the first, on 5xx, 429, time-outs and connection errors. */
  retries: number;
  /** Delay before the first retry; doubles each time. */
  retryDelayMs: number;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
}

export interface RequestSpec<T> {
  system: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  schema: z.ZodType<T>;
  /** GET only: 404 means "no such record", not an error. */
  notFoundAsNull?: boolean;
  /** POST: makes retries safe; one is generated when the caller gives none. */
  idempotencyKey?: string;
}

type Attempt<T> = { kind: 'ok'; value: T | null } | { kind: 'retry'; error: GatewayUnavailableError };

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

async function attempt<T>(
  spec: RequestSpec<T>,
  settings: HttpSettings,
  idempotencyKey: string | undefined,
): Promise<Attempt<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await settings.fetch(spec.url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (err) {
      const detail = controller.signal.aborted
        ? `no answer within ${settings.timeoutMs} ms`
        : `connection failed (${causeOf(err)})`;
      return { kind: 'retry', error: new GatewayUnavailableError(spec.system, detail) };
    }
    if (response.status >= 500 || response.status === 429) {
      return {
        kind: 'retry',
        error: new GatewayUnavailableError(
          spec.system,
          `HTTP ${response.status}`,
          retryAfterMs(response.headers.get('retry-after')),
        ),
      };
    }
    if (response.status === 404 && spec.notFoundAsNull) return { kind: 'ok', value: null };
    if (response.status < 200 || response.status >= 300) {
      throw new GatewayContractError(
        spec.system,
        `HTTP ${response.status}${problemTitle(text)}`,
        response.status,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new GatewayContractError(spec.system, 'response is not JSON', response.status);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      // Issue paths and messages only: values could be personal data.
      const where = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw new GatewayContractError(spec.system, `unexpected response shape (${where})`, response.status);
    }
    return { kind: 'ok', value: parsed.data };
  } finally {
    clearTimeout(timer);
  }
}

function causeOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return cause instanceof Error ? cause.message : String(cause);
}

function problemTitle(text: string): string {
  try {
    const body = JSON.parse(text) as { title?: unknown; detail?: unknown };
    return typeof body.detail === 'string'
      ? `: ${body.detail}`
      : typeof body.title === 'string'
        ? `: ${body.title}`
        : '';
  } catch {
    return '';
  }
}

/** One call with time-out and bounded retries; `null` only for a 404 the caller declared normal. */
export async function request<T>(spec: RequestSpec<T>, settings: HttpSettings): Promise<T | null> {
  const idempotencyKey = spec.method === 'POST' ? (spec.idempotencyKey ?? randomUUID()) : undefined;
  let lastError: GatewayUnavailableError | undefined;
  for (let n = 0; n <= settings.retries; n++) {
    if (n > 0) await settings.sleep(settings.retryDelayMs * 2 ** (n - 1));
    const outcome = await attempt(spec, settings, idempotencyKey);
    if (outcome.kind === 'ok') return outcome.value;
    lastError = outcome.error;
  }
  throw lastError ?? new GatewayUnavailableError(spec.system, 'no attempt made');
}
