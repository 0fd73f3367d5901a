import type { WorkerLogger } from '../workers/runtime';

/** What the official client's logger hands a transport (`createCamundaClient({ log: { transport } })`). */
export interface SdkLogEvent {
  level: string;
  scope?: string;
  args?: unknown[];
  code?: string;
  data?: unknown;
}

/** The SDK level at which the transport must run to see activation answers (recoveries). */
export const SDK_TRANSPORT_LEVEL = 'debug';

function reasonOf(err: unknown): string {
  const e = err as { message?: string; status?: number; cause?: { code?: string; message?: string } };
  const parts = [e?.status ? `HTTP ${e.status}` : '', e?.cause?.code ?? '', e?.message ?? String(err)];
  return parts.filter(Boolean).join(' ').slice(0, 300);
}

/**
 * Turns the official client's log into what an operator needs during an engine outage: one line
 * when job activation starts failing and one when it works again, with how long and how many polls
 * failed, instead of a stack trace per failed poll of every job type. Other SDK warnings and errors
 * pass through as one line each (never a stack); its debug and info chatter is dropped.
 */
export function connectionStateLog(log: WorkerLogger, now: () => number = Date.now) {
  let outage: { since: number; failedPolls: number; suppressed: number } | undefined;
  return {
    get engineReachable(): boolean {
      return outage === undefined;
    },
    transport(evt: SdkLogEvent): void {
      const [first, second] = evt.args ?? [];
      if (first === 'activation.error') {
        if (!outage) {
          outage = { since: now(), failedPolls: 0, suppressed: 0 };
          log.error('engine unreachable: job activation fails; workers keep retrying', {
            reason: reasonOf(second),
          });
        }
        outage.failedPolls++;
        return;
      }
      if (first === 'activation.response') {
        if (outage) {
          log.info('engine reachable again: job activation works', {
            downForMs: now() - outage.since,
            failedPolls: outage.failedPolls,
            otherErrorsSuppressed: outage.suppressed,
          });
          outage = undefined;
        }
        return;
      }
      if (evt.level !== 'error' && evt.level !== 'warn') return;
      // During an outage every call fails the same way; the outage line already says so.
      if (outage) {
        outage.suppressed++;
        return;
      }
      const text = [evt.code, ...(evt.args ?? []).map((a) => (a instanceof Error ? reasonOf(a) : a))]
        .filter((a) => a !== undefined)
        .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
        .join(' ')
        .slice(0, 500);
      if (evt.level === 'error') log.error(`camunda client: ${text}`);
      else log.warn(`camunda client: ${text}`);
    },
  };
}
