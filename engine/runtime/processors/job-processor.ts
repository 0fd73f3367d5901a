/** Job commands (Zeebe's JobBatchActivate, JobComplete, JobFail, JobThrowError, JobUpdate and JobYield processors). */
import { cmpKey, EngineState, isOpenJob } from '../state';
import type { JobBehaviour } from '../behaviours/jobs';
import type { VariableBehaviour } from '../behaviours/variables';
import type { BpmnBehaviours, Vars } from '../elements/processor';
import { invalid, notFound } from '../errors';
import type { ElementInstanceRec, JobRec } from '../records';

export interface ActivateJobsRequest {
  type: string;
  worker?: string;
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable?: string[];
  requestTimeout?: number;
  /** Aborted when the client goes away: a waiting request then stops waiting and takes no job. */
  signal?: AbortSignal;
}

export interface ActivatedJob {
  job: JobRec;
  variables: Record<string, unknown>;
  deadline: number;
}

/** What the job commands need: the stores, the clock, and the behaviours that move the instance on. */
export interface JobProcessorDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  readonly jobs: JobBehaviour;
  now(): number;
  nowIso(): string;
  visibleVariables(scopeKey: string): Vars;
  /** An element instance known to exist: a miss is a bug. */
  instance(key: string): ElementInstanceRec;
  /** Completes the job's activity once the command's current step is done. */
  completeLater(ei: ElementInstanceRec, variables: Vars): void;
  throwError: BpmnBehaviours['throwError'];
  raiseIncident: BpmnBehaviours['raiseIncident'];
}

/** Each method is one command's work; the caller runs it inside `Engine.command` (commit or roll back). */
export class JobProcessor {
  constructor(private readonly deps: JobProcessorDeps) {}

  /** Activates up to `maxJobsToActivate` activatable jobs of a type, oldest first. */
  activate(req: ActivateJobsRequest): ActivatedJob[] {
    const { state } = this.deps;
    const now = this.deps.now();
    const out: ActivatedJob[] = [];
    const keys = [...state.jobs.openOfType(req.type)].sort(cmpKey);
    for (const key of keys) {
      if (out.length >= req.maxJobsToActivate) break;
      const job = state.jobs.get(key)!;
      if (!this.isActivatable(job, now)) continue;
      job.state = 'ACTIVATED';
      job.worker = req.worker ?? '';
      job.deadline = now + req.timeout;
      job.notBefore = undefined;
      state.jobs.noteDeadline(job.deadline);
      state.jobs.update(job);
      let variables = this.deps.visibleVariables(job.elementInstanceKey);
      if (req.fetchVariable?.length) {
        variables = Object.fromEntries(
          Object.entries(variables).filter(([k]) => req.fetchVariable!.includes(k)),
        );
      }
      out.push({ job: { ...job }, variables, deadline: job.deadline });
    }
    return out;
  }

  private isActivatable(job: JobRec, now: number): boolean {
    if (job.retries <= 0) return false;
    if (job.state === 'ACTIVATED') return job.deadline !== undefined && job.deadline <= now;
    if (!['CREATED', 'FAILED', 'RETRIES_UPDATED', 'TIMED_OUT'].includes(job.state)) return false;
    if (job.notBefore !== undefined && job.notBefore > now) return false;
    const ei = this.deps.state.elementInstances.get(job.elementInstanceKey);
    // As in Zeebe, a job whose incident is still open waits for the resolution, even with new retries.
    return ei?.state === 'ACTIVE' && ei.incidentKey === undefined;
  }

  /** Jobs handed to a worker that never got them are activatable again at once. */
  yield(handedOut: readonly ActivatedJob[]): void {
    const { state } = this.deps;
    for (const handed of handedOut) {
      const job = state.jobs.get(handed.job.key);
      if (job?.state !== 'ACTIVATED' || job.deadline !== handed.deadline) continue;
      job.state = 'CREATED';
      job.deadline = undefined;
      job.worker = '';
      state.jobs.update(job);
    }
  }

  private activeJob(key: string): JobRec {
    const job = this.deps.state.jobs.get(key);
    if (!job || !isOpenJob(job)) throw notFound('Job', key);
    return job;
  }

  complete(key: string, variables?: Vars): void {
    const job = this.activeJob(key);
    this.deps.jobs.close(job, 'COMPLETED');
    this.deps.completeLater(this.deps.instance(job.elementInstanceKey), variables ?? {});
  }

  fail(
    key: string,
    req: { retries: number; errorMessage?: string; retryBackOff?: number; variables?: Vars },
  ): void {
    const job = this.activeJob(key);
    job.retries = req.retries;
    job.errorMessage = req.errorMessage ?? '';
    job.state = 'FAILED';
    job.deadline = undefined;
    // As in Zeebe, the back-off delays a retry; with no retries left the incident decides, and once resolved the job is offered at once.
    job.notBefore =
      req.retries > 0 && req.retryBackOff && req.retryBackOff > 0
        ? this.deps.now() + req.retryBackOff
        : undefined;
    this.deps.state.jobs.update(job);
    if (req.variables && Object.keys(req.variables).length) {
      for (const [n, v] of Object.entries(req.variables))
        this.deps.vars.setLocal(job.elementInstanceKey, job.processInstanceKey, n, v);
    }
    if (job.retries <= 0) this.incidentIfNoRetries(job, this.deps.instance(job.elementInstanceKey));
  }

  /** A job with no retries left waits for an incident's resolution (JOB_NO_RETRIES). */
  incidentIfNoRetries(job: JobRec, ei: ElementInstanceRec): void {
    if (job.retries > 0) return;
    this.deps.raiseIncident(
      ei,
      'JOB_NO_RETRIES',
      job.errorMessage || 'No more retries left.',
      'job',
      job.key,
    );
  }

  throwError(key: string, req: { errorCode: string; errorMessage?: string; variables?: Vars }): void {
    const job = this.activeJob(key);
    job.state = 'ERROR_THROWN';
    job.errorCode = req.errorCode;
    job.errorMessage = req.errorMessage ?? '';
    job.deadline = undefined;
    this.deps.state.jobs.update(job);
    const ei = this.deps.instance(job.elementInstanceKey);
    if (!this.deps.throwError(ei, req.errorCode, req.errorMessage ?? '', req.variables ?? {})) {
      this.deps.raiseIncident(
        ei,
        'UNHANDLED_ERROR_EVENT',
        `Expected to throw an error event with the code '${req.errorCode}' with message '${req.errorMessage ?? ''}', but it was not caught. No error events are available in the scope.`,
        'job',
        job.key,
      );
    }
  }

  update(key: string, changes: { retries?: number; timeout?: number }): void {
    const job = this.activeJob(key);
    if (changes.retries !== undefined) {
      if (!Number.isInteger(changes.retries) || changes.retries < 1)
        throw invalid('retries must be a positive integer');
      job.retries = changes.retries;
      if (job.state === 'FAILED') job.state = 'RETRIES_UPDATED';
    }
    if (changes.timeout !== undefined && job.state === 'ACTIVATED') {
      job.deadline = this.deps.now() + changes.timeout;
      this.deps.state.jobs.noteDeadline(job.deadline);
    }
    this.deps.state.jobs.update(job);
  }

  /** Zeebe's job time-out: activated jobs past their deadline are offered again; true when one was. */
  timeOutExpired(now: number): boolean {
    const { state } = this.deps;
    if (state.jobs.minDeadline > now) return false;
    let any = false;
    let min = Infinity;
    for (const k of state.jobs.open()) {
      const job = state.jobs.get(k)!;
      if (job.state !== 'ACTIVATED' || job.deadline === undefined) continue;
      if (job.deadline <= now) {
        // A worker that went silent: the job is offered again (Zeebe's job time-out).
        job.state = 'TIMED_OUT';
        job.deadline = undefined;
        state.jobs.update(job);
        any = true;
      } else if (job.deadline < min) min = job.deadline;
    }
    state.jobs.minDeadline = min;
    return any;
  }

  /** Cancels the open job of an element instance that is terminated. */
}
