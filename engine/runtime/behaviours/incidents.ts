/** Zeebe's `BpmnIncidentBehavior`: a step that cannot go on raises an incident on its element instance, which waits for resolution. */
import { StepFailure } from '../errors';
import type { ElementInstanceRec, IncidentErrorType, IncidentRec } from '../records';
import type { EngineState } from '../state';

export class IncidentBehaviour {
  constructor(
    private readonly deps: {
      readonly state: EngineState;
      nextKey(): string;
      nowIso(): string;
      log(msg: string): void;
    },
  ) {}

  /** `retry` is the step a resolution runs again; `jobKey` the job whose retries ran out. */
  raise(
    ei: ElementInstanceRec,
    errorType: IncidentErrorType,
    errorMessage: string,
    retry: IncidentRec['retry'],
    jobKey?: string,
  ): void {
    const { state } = this.deps;
    const inc: IncidentRec = {
      key: this.deps.nextKey(),
      processInstanceKey: ei.processInstanceKey,
      processDefinitionKey: ei.processDefinitionKey,
      bpmnProcessId: ei.bpmnProcessId,
      elementId: ei.elementId,
      elementInstanceKey: ei.key,
      jobKey,
      errorType,
      errorMessage,
      creationTime: this.deps.nowIso(),
      state: 'ACTIVE',
      retry,
    };
    state.incidents.put(inc);
    ei.incidentKey = inc.key;
    state.elementInstances.update(ei);
    this.deps.log(`incident ${errorType} at ${ei.bpmnProcessId}/${ei.elementId}: ${errorMessage}`);
  }

  /** A step that threw: its StepFailure's type, else an expression that could not be evaluated. */
  fail(ei: ElementInstanceRec, err: unknown, retry: IncidentRec['retry']): void {
    const type = err instanceof StepFailure ? err.errorType : 'EXTRACT_VALUE_ERROR';
    this.raise(ei, type, (err as Error).message, retry);
  }
}
