/** Incident commands (Zeebe's ResolveIncidentProcessor): a resolved incident retries the step that failed. */
import type { EngineState } from '../state';
import type { JobProcessor } from './job-processor';
import { notFound } from '../errors';
import type { ElementInstanceRec } from '../records';

/** What a resolution needs: the stores, and the steps it may retry (each run after the current one). */
export interface IncidentProcessorDeps {
  readonly state: EngineState;
  /** The job's own rule: with no retries left it raises a new incident. */
  incidentIfNoRetries: JobProcessor['incidentIfNoRetries'];
  activateLater(ei: ElementInstanceRec): void;
  /** Completes the activity again without re-applying its result (its output mappings failed). */
  recompleteLater(ei: ElementInstanceRec): void;
  leaveLater(ei: ElementInstanceRec): void;
}

export class IncidentProcessor {
  constructor(private readonly deps: IncidentProcessorDeps) {}

  resolve(key: string): void {
    const { state } = this.deps;
    const inc = state.incidents.get(key);
    if (!inc || inc.state !== 'ACTIVE') throw notFound('Incident', key);
    inc.state = 'RESOLVED';
    state.incidents.update(inc);
    const ei = state.elementInstances.get(inc.elementInstanceKey);
    if (ei) {
      ei.incidentKey = undefined;
      state.elementInstances.update(ei);
    }
    if (!ei || ei.state !== 'ACTIVE') return;
    switch (inc.retry) {
      case 'job': {
        const job = inc.jobKey ? state.jobs.get(inc.jobKey) : undefined;
        if (!job) return;
        if (job.state === 'ERROR_THROWN') {
          job.state = 'FAILED';
          if (job.retries <= 0) job.retries = 1;
        }
        state.jobs.update(job);
        this.deps.incidentIfNoRetries(job, ei);
        return;
      }
      case 'activate':
        this.deps.activateLater(ei);
        return;
      case 'complete':
        this.deps.recompleteLater(ei);
        return;
      case 'flow':
        this.deps.leaveLater(ei);
        return;
    }
  }
}
