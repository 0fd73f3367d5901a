import type { Clock } from '../domain/clock';

/** What the web app needs of the official client to ask the engine for its time. */
export interface EngineAddress {
  getConfig(): { restAddress: string };
  getAuthHeaders(): Promise<Record<string, string>>;
}

/** The engine's current time: the instant its timers and task due dates are measured against. */
export type EngineTime = () => Promise<Date>;

const hasAddress = (x: unknown): x is EngineAddress =>
  typeof (x as EngineAddress | undefined)?.getConfig === 'function' &&
  typeof (x as EngineAddress | undefined)?.getAuthHeaders === 'function';

/**
 * Reads the engine's clock (`GET /v2/clock` of the embedded engine, which an operator or a test may
 * have pinned) on every call, so that overdue and amber flags agree with the engine's timers. A
 * Camunda cluster has no such endpoint (404): its clock is the wall clock, so `fallback` is used from
 * then on. A failed read falls back for that call only.
 */
export function engineTimeOf(
  client: unknown,
  fallback: Clock,
  log: (message: string, fields?: Record<string, unknown>) => void = () => {},
): EngineTime {
  if (!hasAddress(client)) return async () => fallback.now();
  let unsupported = false;
  return async () => {
    if (unsupported) return fallback.now();
    try {
      const base = client.getConfig().restAddress.replace(/\/+$/, '');
      const res = await fetch(`${base}/clock`, {
        headers: { accept: 'application/json', ...(await client.getAuthHeaders()) },
        signal: AbortSignal.timeout(2_000),
      });
      if (res.status === 404 || res.status === 405) {
        unsupported = true;
        return fallback.now();
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { timestamp?: unknown };
      const at = Number(body.timestamp);
      if (!Number.isFinite(at)) throw new Error('no timestamp');
      return new Date(at);
    } catch (err) {
      log('engine clock unreadable, using the local clock', {
        error: err instanceof Error ? err.message : String(err),
      });
      return fallback.now();
    }
  };
}
