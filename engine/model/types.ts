/** The executable model the interpreter runs: a BPMN process reduced to what Zeebe's semantics need. */

export type ElementType =
  | 'PROCESS'
  | 'START_EVENT'
  | 'END_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'SCRIPT_TASK'
  | 'RECEIVE_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'BUSINESS_RULE_TASK'
  | 'USER_TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'CALL_ACTIVITY'
  | 'MULTI_INSTANCE_BODY';

export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'message'; messageName: string; correlationKey?: string }
  | { kind: 'timer'; timerKind: 'timeDate' | 'timeDuration' | 'timeCycle'; expression: string }
  | { kind: 'error'; errorCode?: string }
  /** A signal: its name may be a FEEL expression (`=...`) on catch and throw events, evaluated on entry. */
  | { kind: 'signal'; signalName: string }
  | { kind: 'terminate' };

export interface Mapping {
  source: string;
  target: string;
}

export interface JobDefinition {
  type: string;
  retries: string;
  headers: Record<string, string>;
}

export interface UserTaskDefinition {
  formId?: string;
  formKey?: string;
  externalFormReference?: string;
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  priority?: string;
}

export interface MultiInstanceDefinition {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

export interface FlowNode {
  id: string;
  name?: string;
  type: ElementType;
  /** The process or (event) sub-process that contains this element. */
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  event?: EventDefinition;
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  attachedTo?: string;
  interrupting?: boolean;
  boundaryEvents: string[];
  inputs: Mapping[];
  outputs: Mapping[];
  job?: JobDefinition;
  userTask?: UserTaskDefinition;
  script?: { expression: string; resultVariable: string };
  /** A business rule task that evaluates a deployed DMN decision (zeebe:calledDecision). */
  calledDecision?: { decisionId: string; resultVariable: string; bindingType: 'latest' | 'deployment' };
  calledElement?: {
    processId: string;
    propagateAllChildVariables: boolean;
    propagateAllParentVariables: boolean;
  };
  multiInstance?: MultiInstanceDefinition;
  defaultFlow?: string;
  /** Sub-processes and the process: their children. */
  children?: string[];
  startEventId?: string;
  eventSubProcesses?: string[];
  documentation?: string;
}

export interface SequenceFlow {
  id: string;
  sourceId: string;
  targetId: string;
  condition?: string;
}

export interface ProcessModel {
  bpmnProcessId: string;
  name?: string;
  versionTag?: string;
  elements: Map<string, FlowNode>;
  flows: Map<string, SequenceFlow>;
  /** Start events at process level, by kind. */
  noneStartEventId?: string;
  messageStartEvents: { elementId: string; messageName: string }[];
  signalStartEvents: { elementId: string; signalName: string }[];
  timerStartEvents: {
    elementId: string;
    timerKind: 'timeDate' | 'timeDuration' | 'timeCycle';
    expression: string;
  }[];
}

export class UnsupportedModelError extends Error {
  constructor(
    readonly problems: { elementId: string; message: string }[],
    readonly resourceName: string,
  ) {
    super(`'${resourceName}': ` + problems.map((p) => `element '${p.elementId}': ${p.message}`).join('; '));
    this.name = 'UnsupportedModelError';
  }
}
