import { MAX_TIMEOUT_MS } from '../limits';
import type { ActivatedJob, ActivateJobsRequest } from './job-processor';

/** A long poll's wait when the request gives 0: the broker's default long-polling timeout (10 s in Zeebe). */
const DEFAULT_WAIT_MS = 10_000;

interface WaitingRequest {
  req: ActivateJobsRequest;
  resolve: (jobs: ActivatedJob[]) => void;
  timer?: NodeJS.Timeout;
}

/**
 * The gateway's long polling, as Zeebe's `LongPollingActivateJobsHandler` does it: an activation
 * request that found no job waits here until a job of its type can be handed out, its request
 * timeout passes (answered with no jobs) or its worker goes away (the connection closed).
 *
 * The engine serves the waiting requests at the end of every command, inside it, so the jobs taken
 * for them are written with the command; each served request is answered only after that write
 * (`serve` returns the answers to deliver, or to undo when the write fails).
 */
export class JobLongPolls {
  private readonly waiting: WaitingRequest[] = [];

  get size(): number {
    return this.waiting.length;
  }

  /** The job types some request waits for (for the engine's next wake-up: jobs in back-off). */
  *types(): Iterable<string> {
    for (const w of this.waiting) yield w.req.type;
  }

  /**
   * Waits for jobs of `req.type`. Resolves with the jobs `serve` takes for it, or with none when its
   * request timeout passes or `req.signal` aborts: a worker that closed its connection is no longer
   * waiting, and a job must not be handed to it (it would stay locked until its timeout).
   */
  wait(req: ActivateJobsRequest, requestTimeoutMs: number): Promise<ActivatedJob[]> {
    return new Promise((resolve) => {
      const w: WaitingRequest = { req, resolve };
      const giveUp = () => {
        clearTimeout(w.timer);
        const i = this.waiting.indexOf(w);
        // Already served: its jobs are answered after the commit, and the API yields them if it cannot.
        if (i < 0) return;
        this.waiting.splice(i, 1);
        resolve([]);
      };
      w.timer = setTimeout(
        giveUp,
        requestTimeoutMs === 0 ? DEFAULT_WAIT_MS : Math.min(requestTimeoutMs, MAX_TIMEOUT_MS),
      );
      req.signal?.addEventListener('abort', giveUp, { once: true });
      this.waiting.push(w);
    });
  }

  /**
   * Takes jobs for the waiting requests in arrival order with `activate` (inside the running
   * command). Returns one function per served request: called after the command is written it
   * answers the worker; called with `undo` (the write failed) it puts the request back to wait.
   */
  serve(activate: (req: ActivateJobsRequest) => ActivatedJob[]): ((undo?: boolean) => void)[] {
    const out: ((undo?: boolean) => void)[] = [];
    if (this.waiting.length === 0) return out;
    for (const w of [...this.waiting]) {
      const jobs = activate(w.req);
      if (jobs.length === 0) continue;
      this.waiting.splice(this.waiting.indexOf(w), 1);
      out.push((undo) => {
        if (undo) this.waiting.push(w);
        else {
          if (w.timer) clearTimeout(w.timer);
          w.resolve(jobs);
        }
      });
    }
    return out;
  }

  /** Answers every waiting request with no jobs (the engine is closing). */
  closeAll(): void {
    for (const w of this.waiting.splice(0)) {
      if (w.timer) clearTimeout(w.timer);
      w.resolve([]);
    }
  }
}
