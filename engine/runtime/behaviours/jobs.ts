/** Jobs (Zeebe's `BpmnJobBehavior`): the job a worker takes is created when its element activates, closed when it completes, canceled when the element is terminated. */
import type { JobDefinition } from '../../model/types';
import { notFound, StepFailure } from '../errors';
import type { ElementInstanceRec, JobRec } from '../records';
import { EngineState, isOpenJob } from '../state';
import type { ExpressionBehaviour } from './expressions';

export interface JobBehaviourDeps {
  readonly state: EngineState;
  readonly expressions: ExpressionBehaviour;
  nextKey(): string;
  nowIso(): string;
}

export class JobBehaviour {
  constructor(private readonly deps: JobBehaviourDeps) {}

  /** Creates the job of an activated element (Zeebe's `createNewJob`); a bad expression is a StepFailure. */
  create(ei: ElementInstanceRec, def: JobDefinition): void {
    const { state, expressions } = this.deps;
    const type = String(expressions.evalIn(def.type, ei.key));
    const retries = Number(expressions.evalIn(def.retries, ei.key));
    if (!Number.isInteger(retries))
      throw new StepFailure(
        'EXTRACT_VALUE_ERROR',
        `Expected job retries of '${ei.elementId}' to be a number, but got '${def.retries}'`,
      );
    const pd = state.deployment.processes.get(ei.processDefinitionKey);
    if (!pd) throw notFound('Process definition', ei.processDefinitionKey);
    const job: JobRec = {
      key: this.deps.nextKey(),
      type,
      processInstanceKey: ei.processInstanceKey,
      processDefinitionKey: ei.processDefinitionKey,
      bpmnProcessId: ei.bpmnProcessId,
      processDefinitionVersion: pd.version,
      elementId: ei.elementId,
      elementInstanceKey: ei.key,
      retries,
      customHeaders: { ...def.headers },
      state: 'CREATED',
      creationTime: this.deps.nowIso(),
    };
    state.jobs.put(job);
    state.jobs.markOpen(job);
    ei.jobKey = job.key;
    state.elementInstances.update(ei);
  }

  /** Cancels the open job of an element instance that is terminated. */
  cancel(ei: ElementInstanceRec): void {
    const job = ei.jobKey ? this.deps.state.jobs.get(ei.jobKey) : undefined;
    if (job && isOpenJob(job)) this.close(job, 'CANCELED');
  }

  /** Ends a job: no worker takes it any more. */
  close(job: JobRec, state: 'COMPLETED' | 'CANCELED'): void {
    job.state = state;
    job.deadline = undefined;
    job.endTime = this.deps.nowIso();
    this.deps.state.jobs.markClosed(job);
    this.deps.state.jobs.update(job);
  }
}
