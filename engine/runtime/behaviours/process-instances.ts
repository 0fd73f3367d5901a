/** Process instances (the creation half of Zeebe's `ProcessInstanceCreationProcessor`, and the child instance a call activity starts): an instance started at one start event. */
import type { Vars } from '../elements/processor';
import type { ElementInstanceRec, ProcessDefinitionRec, ProcessInstanceRec } from '../records';
import type { EngineState } from '../state';
import type { EventTriggerBehaviour } from './event-triggers';
import type { StateTransitionBehaviour } from './state-transitions';
import type { VariableBehaviour } from './variables';

export interface ProcessInstanceBehaviourDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  readonly transitions: StateTransitionBehaviour;
  readonly triggers: EventTriggerBehaviour;
  nextKey(): string;
  nowIso(): string;
}

export class ProcessInstanceBehaviour {
  constructor(private readonly deps: ProcessInstanceBehaviourDeps) {}

  /**
   * Starts an instance at one start event: the process instance, its root element instance with
   * the variables, its event sub-process subscriptions, and the start event (activated next).
   */
  start(
    def: ProcessDefinitionRec,
    startElementId: string,
    variables: Vars,
    parent?: ElementInstanceRec,
    startCorrelationKey?: string,
  ): ProcessInstanceRec {
    const { state, vars } = this.deps;
    const key = this.deps.nextKey();
    const pi: ProcessInstanceRec = {
      key,
      processDefinitionKey: def.key,
      bpmnProcessId: def.bpmnProcessId,
      version: def.version,
      versionTag: def.versionTag,
      state: 'ACTIVE',
      startDate: this.deps.nowIso(),
      parentProcessInstanceKey: parent?.processInstanceKey,
      parentElementInstanceKey: parent?.key,
      startCorrelationKey,
    };
    state.processInstances.put(pi);
    const root: ElementInstanceRec = {
      key,
      processInstanceKey: key,
      processDefinitionKey: def.key,
      bpmnProcessId: def.bpmnProcessId,
      elementId: def.bpmnProcessId,
      type: 'PROCESS',
      state: 'ACTIVE',
      startDate: pi.startDate,
    };
    state.elementInstances.put(root);
    for (const [name, value] of Object.entries(variables)) vars.setLocal(key, key, name, value);
    this.deps.triggers.openEventSubProcesses(root);
    const start = this.deps.transitions.createElementInstance(root, startElementId);
    this.deps.transitions.activateLater(start);
    return pi;
  }
}
