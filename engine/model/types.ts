/** The executable model the interpreter runs: a BPMN process reduced to what Zeebe's semantics need, one type per element kind. */

/** Zeebe's BpmnElementType: what element-instance records carry. */
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

export type NoneEventDefinition = { kind: 'none' };
export type MessageEventDefinition = { kind: 'message'; messageName: string; correlationKey?: string };
export type TimerEventDefinition = {
  kind: 'timer';
  timerKind: 'timeDate' | 'timeDuration' | 'timeCycle';
  expression: string;
};
export type ErrorEventDefinition = { kind: 'error'; errorCode?: string };
/** A signal: its name may be a FEEL expression (`=...`) on catch and throw events, evaluated on entry. */
export type SignalEventDefinition = { kind: 'signal'; signalName: string };
export type TerminateEventDefinition = { kind: 'terminate' };

export type EventDefinition =
  | NoneEventDefinition
  | MessageEventDefinition
  | TimerEventDefinition
  | ErrorEventDefinition
  | SignalEventDefinition
  | TerminateEventDefinition;

/** The events an element instance can wait for with a subscription (catch, boundary, event sub-process start). */
export type CatchEventDefinition = MessageEventDefinition | TimerEventDefinition | SignalEventDefinition;

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

export interface ScriptDefinition {
  expression: string;
  resultVariable: string;
}

/** A business rule task that evaluates a deployed DMN decision (zeebe:calledDecision). */
export interface CalledDecisionDefinition {
  decisionId: string;
  resultVariable: string;
  bindingType: 'latest' | 'deployment';
}

export interface CalledElementDefinition {
  processId: string;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export interface MultiInstanceDefinition {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** What every flow element has. */
interface ElementBase {
  id: string;
  name?: string;
  /** The process or (event) sub-process that contains this element. */
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  inputs: Mapping[];
  outputs: Mapping[];
  documentation?: string;
}

/** Activities: boundary events may be attached to them, and they may be multi-instance. */
interface ActivityBase extends ElementBase {
  boundaryEvents: string[];
  multiInstance?: MultiInstanceDefinition;
}

/** The process and (event) sub-processes: flow scopes with children. */
interface ScopeFields {
  children: string[];
  eventSubProcesses: string[];
}

export interface ProcessElement extends ElementBase, ScopeFields {
  kind: 'process';
  /** The none start event, when the process has one. */
  startEventId?: string;
}

export interface StartEvent extends ElementBase {
  kind: 'startEvent';
  event: NoneEventDefinition | CatchEventDefinition | ErrorEventDefinition;
  /** Event sub-process starts: whether they interrupt their scope. */
  interrupting: boolean;
}

/** An end event; a message end event is job-based (a worker sends the message). */
export type EndEvent = ElementBase & { kind: 'endEvent' } & (
    | {
        event: NoneEventDefinition | ErrorEventDefinition | SignalEventDefinition | TerminateEventDefinition;
        job?: never;
      }
    | { event: MessageEventDefinition; job: JobDefinition }
  );

export interface IntermediateCatchEvent extends ElementBase {
  kind: 'intermediateCatchEvent';
  event: CatchEventDefinition;
}

export interface IntermediateThrowEvent extends ElementBase {
  kind: 'intermediateThrowEvent';
  event: NoneEventDefinition | SignalEventDefinition;
}

export interface BoundaryEvent extends ElementBase {
  kind: 'boundaryEvent';
  event: CatchEventDefinition | ErrorEventDefinition;
  /** The activity it is attached to, and whether it interrupts it. */
  attachedTo: string;
  interrupting: boolean;
}

export interface ServiceTask extends ActivityBase {
  kind: 'serviceTask';
  job: JobDefinition;
}

export interface SendTask extends ActivityBase {
  kind: 'sendTask';
  job: JobDefinition;
}

/** A script task runs a FEEL script inline, or is job-based. */
export type ScriptTask = ActivityBase & { kind: 'scriptTask' } & (
    { job: JobDefinition; script?: never } | { script: ScriptDefinition; job?: never }
  );

/** A business rule task evaluates a deployed decision inline, or is job-based. */
export type BusinessRuleTask = ActivityBase & { kind: 'businessRuleTask' } & (
    { job: JobDefinition; calledDecision?: never } | { calledDecision: CalledDecisionDefinition; job?: never }
  );

export interface ReceiveTask extends ActivityBase {
  kind: 'receiveTask';
  event: MessageEventDefinition;
}

export interface ManualTask extends ActivityBase {
  kind: 'manualTask';
}

export interface UndefinedTask extends ActivityBase {
  kind: 'task';
}

export interface UserTask extends ActivityBase {
  kind: 'userTask';
  userTask: UserTaskDefinition;
}

export interface ExclusiveGateway extends ElementBase {
  kind: 'exclusiveGateway';
  defaultFlow?: string;
}

export interface InclusiveGateway extends ElementBase {
  kind: 'inclusiveGateway';
  defaultFlow?: string;
}

export interface ParallelGateway extends ElementBase {
  kind: 'parallelGateway';
}

export interface EventBasedGateway extends ElementBase {
  kind: 'eventBasedGateway';
}

export interface SubProcess extends ActivityBase, ScopeFields {
  kind: 'subProcess';
  startEventId: string;
}

export interface EventSubProcess extends ElementBase, ScopeFields {
  kind: 'eventSubProcess';
  startEventId: string;
}

export interface CallActivity extends ActivityBase {
  kind: 'callActivity';
  calledElement: CalledElementDefinition;
}

/** Every element the interpreter runs, discriminated by `kind`. */
export type FlowElement =
  | ProcessElement
  | StartEvent
  | EndEvent
  | IntermediateCatchEvent
  | IntermediateThrowEvent
  | BoundaryEvent
  | ServiceTask
  | SendTask
  | ScriptTask
  | BusinessRuleTask
  | ReceiveTask
  | ManualTask
  | UndefinedTask
  | UserTask
  | ExclusiveGateway
  | InclusiveGateway
  | ParallelGateway
  | EventBasedGateway
  | SubProcess
  | EventSubProcess
  | CallActivity;

export type ElementKind = FlowElement['kind'];
/** The element of one kind. */
export type ElementOfKind<K extends ElementKind> = Extract<FlowElement, { kind: K }>;
/** Elements that are activities (boundary events, multi-instance). */
export type Activity = Extract<FlowElement, { boundaryEvents: string[] }>;
/** Elements that are flow scopes (they contain elements). */
export type FlowScope = ProcessElement | SubProcess | EventSubProcess;

/** The record type of each element kind, as Zeebe names it. */
export const ELEMENT_TYPES: { readonly [K in ElementKind]: ElementType } = {
  process: 'PROCESS',
  startEvent: 'START_EVENT',
  endEvent: 'END_EVENT',
  intermediateCatchEvent: 'INTERMEDIATE_CATCH_EVENT',
  intermediateThrowEvent: 'INTERMEDIATE_THROW_EVENT',
  boundaryEvent: 'BOUNDARY_EVENT',
  serviceTask: 'SERVICE_TASK',
  sendTask: 'SEND_TASK',
  scriptTask: 'SCRIPT_TASK',
  businessRuleTask: 'BUSINESS_RULE_TASK',
  receiveTask: 'RECEIVE_TASK',
  manualTask: 'MANUAL_TASK',
  task: 'TASK',
  userTask: 'USER_TASK',
  exclusiveGateway: 'EXCLUSIVE_GATEWAY',
  parallelGateway: 'PARALLEL_GATEWAY',
  inclusiveGateway: 'INCLUSIVE_GATEWAY',
  eventBasedGateway: 'EVENT_BASED_GATEWAY',
  subProcess: 'SUB_PROCESS',
  eventSubProcess: 'EVENT_SUB_PROCESS',
  callActivity: 'CALL_ACTIVITY',
};

export function isActivity(el: FlowElement): el is Activity {
  return 'boundaryEvents' in el;
}

export function isFlowScope(el: FlowElement): el is FlowScope {
  return el.kind === 'process' || el.kind === 'subProcess' || el.kind === 'eventSubProcess';
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
  elements: Map<string, FlowElement>;
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

/** An element of a parsed model by id; parsing proved every reference, so a miss is a bug. */
export function elementOf(model: ProcessModel, id: string): FlowElement {
  const el = model.elements.get(id);
  if (!el) throw new Error(`process '${model.bpmnProcessId}' has no element '${id}'`);
  return el;
}

/** An element that must be of one kind (a start event id, a boundary event id, ...). */
export function elementOfKind<K extends ElementKind>(
  model: ProcessModel,
  id: string,
  kind: K,
): ElementOfKind<K> {
  const el = elementOf(model, id);
  if (el.kind !== kind) throw new Error(`element '${id}' is a ${el.kind}, not a ${kind}`);
  return el as ElementOfKind<K>;
}

/** A sequence flow of a parsed model by id. */
export function flowOf(model: ProcessModel, id: string): SequenceFlow {
  const f = model.flows.get(id);
  if (!f) throw new Error(`process '${model.bpmnProcessId}' has no sequence flow '${id}'`);
  return f;
}

/** The element a sequence flow leads to. */
export function flowTarget(model: ProcessModel, flowId: string): FlowElement {
  return elementOf(model, flowOf(model, flowId).targetId);
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
