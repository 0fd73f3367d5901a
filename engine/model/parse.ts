import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import {
  CalledDecisionDefinition,
  CalledElementDefinition,
  ElementType,
  EventDefinition,
  FlowElement,
  JobDefinition,
  Mapping,
  MultiInstanceDefinition,
  ProcessModel,
  ScriptDefinition,
  SequenceFlow,
  UnsupportedModelError,
  UserTaskDefinition,
} from './types';

type Problem = { elementId: string; message: string };

/**
 * An element as read from the XML, before validation: every field any kind may have. Validation
 * reports what Zeebe rejects; a valid draft then becomes the {@link FlowElement} of its kind.
 */
interface Draft {
  id: string;
  name?: string;
  type: ElementType;
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  event?: EventDefinition;
  attachedTo?: string;
  interrupting?: boolean;
  boundaryEvents: string[];
  inputs: Mapping[];
  outputs: Mapping[];
  job?: JobDefinition;
  userTask?: UserTaskDefinition;
  script?: ScriptDefinition;
  calledDecision?: CalledDecisionDefinition;
  calledElement?: CalledElementDefinition;
  multiInstance?: MultiInstanceDefinition;
  defaultFlow?: string;
  /** Sub-processes and the process: their children (empty for other elements). */
  children: string[];
  startEventId?: string;
  eventSubProcesses: string[];
  documentation?: string;
}

/** A draft model: the process's drafts and flows, checked before it becomes a {@link ProcessModel}. */
type DraftModel = Omit<ProcessModel, 'elements'> & { elements: Map<string, Draft> };
type ModdleElement = Record<string, any> & { $type: string; id: string };

const TASK_TYPES: Record<string, ElementType> = {
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
};

/** Elements without execution semantics that may appear inside a process. */
const IGNORED = new Set([
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:DataObject',
]);

let moddle: BpmnModdle | undefined;
function getModdle(): BpmnModdle {
  moddle ??= new BpmnModdle({ zeebe: zeebeDescriptor });
  return moddle;
}

export interface ParsedResource {
  processes: ProcessModel[];
  warnings: string[];
}

/** Parses BPMN XML into executable models; anything the engine cannot run exactly as Zeebe does is rejected. */
export async function parseBpmn(xml: string, resourceName: string): Promise<ParsedResource> {
  let root: ModdleElement;
  let warnings: { message: string }[];
  try {
    const result = await getModdle().fromXML(xml, 'bpmn:Definitions');
    root = result.rootElement as unknown as ModdleElement;
    warnings = result.warnings ?? [];
  } catch (err) {
    throw new UnsupportedModelError(
      [{ elementId: resourceName, message: `not valid BPMN XML: ${(err as Error).message}` }],
      resourceName,
    );
  }
  const processes = (root.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process');
  if (processes.length === 0) {
    throw new UnsupportedModelError(
      [{ elementId: resourceName, message: 'contains no process' }],
      resourceName,
    );
  }
  const problems: Problem[] = [];
  const models: ProcessModel[] = [];
  for (const p of processes) {
    if (p.isExecutable === false) continue;
    const draft = buildProcess(p, root, problems);
    if (problems.length === 0) models.push(toModel(draft, problems));
  }
  if (models.length === 0) {
    problems.push({
      elementId: resourceName,
      message: 'contains no executable process (isExecutable="true")',
    });
  }
  if (problems.length) throw new UnsupportedModelError(problems, resourceName);
  return { processes: models, warnings: warnings.map((w) => w.message) };
}

function ext<T = any>(el: ModdleElement, type: string): T | undefined {
  const values: ModdleElement[] = el.extensionElements?.values ?? [];
  return values.find((v) => v.$type === type) as T | undefined;
}

function mappings(list: ModdleElement[] | undefined): Mapping[] {
  return (list ?? []).map((m) => ({ source: m.source ?? '', target: m.target ?? '' }));
}

function buildProcess(proc: ModdleElement, defs: ModdleElement, problems: Problem[]): DraftModel {
  const model: DraftModel = {
    bpmnProcessId: proc.id,
    name: proc.name,
    versionTag: ext<any>(proc, 'zeebe:VersionTag')?.value,
    elements: new Map(),
    flows: new Map(),
    messageStartEvents: [],
    signalStartEvents: [],
    timerStartEvents: [],
  };
  const root: Draft = {
    id: proc.id,
    name: proc.name,
    type: 'PROCESS',
    scopeId: '',
    incoming: [],
    outgoing: [],
    boundaryEvents: [],
    inputs: [],
    outputs: [],
    children: [],
    eventSubProcesses: [],
  };
  model.elements.set(proc.id, root);
  const errorsById = new Map<string, string | undefined>();
  const messagesById = new Map<string, ModdleElement>();
  for (const r of defs.rootElements ?? []) {
    if (r.$type === 'bpmn:Error') errorsById.set(r.id, r.errorCode);
    if (r.$type === 'bpmn:Message') messagesById.set(r.id, r);
  }
  walkScope(proc, root, model, problems, messagesById);
  for (const [, node] of model.elements) {
    if (node.type === 'BOUNDARY_EVENT' && node.attachedTo) {
      const host = model.elements.get(node.attachedTo);
      if (!host)
        problems.push({ elementId: node.id, message: `attached to unknown element '${node.attachedTo}'` });
      else host.boundaryEvents.push(node.id);
    }
  }
  // Resolve sequence-flow references into element in/outgoing lists.
  for (const [, f] of model.flows) {
    const s = model.elements.get(f.sourceId);
    const t = model.elements.get(f.targetId);
    if (!s || !t) {
      problems.push({ elementId: f.id, message: 'sequence flow connects unknown elements' });
      continue;
    }
    s.outgoing.push(f.id);
    t.incoming.push(f.id);
  }
  const scopes = [...model.elements.values()].filter((e) =>
    ['PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS'].includes(e.type),
  );
  for (const scope of scopes) {
    const starts = scope.children
      .map((id) => model.elements.get(id))
      .filter((e): e is Draft => e?.type === 'START_EVENT');
    const none = starts.filter((s) => s.event?.kind === 'none');
    if (scope.type === 'PROCESS') {
      if (none.length > 1) problems.push({ elementId: scope.id, message: 'more than one none start event' });
      model.noneStartEventId = none[0]?.id;
      scope.startEventId = none[0]?.id;
      for (const s of starts) {
        if (s.event?.kind === 'message')
          model.messageStartEvents.push({ elementId: s.id, messageName: s.event.messageName });
        if (s.event?.kind === 'signal') {
          if (s.event.signalName.startsWith('='))
            problems.push({
              elementId: s.id,
              message: 'the signal name of a signal start event must be static',
            });
          model.signalStartEvents.push({ elementId: s.id, signalName: s.event.signalName });
        }
        if (s.event?.kind === 'timer')
          model.timerStartEvents.push({
            elementId: s.id,
            timerKind: s.event.timerKind,
            expression: s.event.expression,
          });
        if (s.event?.kind === 'error')
          problems.push({
            elementId: s.id,
            message: 'error start events are only allowed in event sub-processes',
          });
      }
    } else if (scope.type === 'SUB_PROCESS') {
      if (starts.length !== 1 || none.length !== 1)
        problems.push({
          elementId: scope.id,
          message: 'an embedded sub-process needs exactly one none start event',
        });
      scope.startEventId = none[0]?.id;
    } else if (scope.type === 'EVENT_SUB_PROCESS') {
      if (starts.length !== 1 || starts[0].event?.kind === 'none') {
        problems.push({
          elementId: scope.id,
          message: 'an event sub-process needs exactly one timer, message, signal or error start event',
        });
      }
      scope.startEventId = starts[0]?.id;
    }
  }
  for (const [, el] of model.elements) validateElement(el, model, problems);
  void errorsById;
  return model;
}

function walkScope(
  scopeEl: ModdleElement,
  scope: Draft,
  model: DraftModel,
  problems: Problem[],
  messagesById: Map<string, ModdleElement>,
): void {
  for (const el of (scopeEl.flowElements ?? []) as ModdleElement[]) {
    if (IGNORED.has(el.$type)) continue;
    if (el.$type === 'bpmn:SequenceFlow') {
      const flow: SequenceFlow = { id: el.id, sourceId: el.sourceRef?.id, targetId: el.targetRef?.id };
      const body = el.conditionExpression?.body;
      if (body !== undefined && body !== null && String(body).trim() !== '')
        flow.condition = String(body).trim();
      model.flows.set(el.id, flow);
      continue;
    }
    const node = buildNode(el, scope.id, problems, messagesById);
    if (!node) continue;
    if (model.elements.has(node.id)) problems.push({ elementId: node.id, message: 'duplicate element id' });
    model.elements.set(node.id, node);
    if (node.type === 'EVENT_SUB_PROCESS') scope.eventSubProcesses.push(node.id);
    else scope.children.push(node.id);
    if (node.type === 'SUB_PROCESS' || node.type === 'EVENT_SUB_PROCESS') {
      // An event sub-process's own children live in its scope too.
      walkScope(el, node, model, problems, messagesById);
    }
  }
  for (const a of (scopeEl.artifacts ?? []) as ModdleElement[]) void a;
}

function eventDefinition(
  el: ModdleElement,
  problems: Problem[],
  messagesById: Map<string, ModdleElement>,
): EventDefinition {
  const defs: ModdleElement[] = el.eventDefinitions ?? [];
  if (defs.length === 0) return { kind: 'none' };
  if (defs.length > 1) {
    problems.push({ elementId: el.id, message: 'multiple event definitions are not supported' });
    return { kind: 'none' };
  }
  const d = defs[0];
  switch (d.$type) {
    case 'bpmn:MessageEventDefinition': {
      const msg = d.messageRef ? (messagesById.get(d.messageRef.id) ?? d.messageRef) : undefined;
      // Message end events are job-based in Zeebe: the worker sends the message, so no reference is needed.
      if (!msg && el.$type === 'bpmn:EndEvent') return { kind: 'message', messageName: '' };
      if (!msg?.name) {
        problems.push({ elementId: el.id, message: 'message event without a message name' });
        return { kind: 'none' };
      }
      const sub = ext<any>(msg, 'zeebe:Subscription');
      return { kind: 'message', messageName: msg.name, correlationKey: sub?.correlationKey };
    }
    case 'bpmn:TimerEventDefinition': {
      for (const k of ['timeDate', 'timeDuration', 'timeCycle'] as const) {
        if (d[k]?.body) return { kind: 'timer', timerKind: k, expression: String(d[k].body).trim() };
      }
      problems.push({ elementId: el.id, message: 'timer event without timeDate, timeDuration or timeCycle' });
      return { kind: 'none' };
    }
    case 'bpmn:SignalEventDefinition': {
      const name = d.signalRef?.name;
      if (!name) {
        problems.push({ elementId: el.id, message: 'signal event without a signal name' });
        return { kind: 'none' };
      }
      return { kind: 'signal', signalName: String(name).trim() };
    }
    case 'bpmn:ErrorEventDefinition':
      return { kind: 'error', errorCode: d.errorRef?.errorCode };
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    default:
      problems.push({
        elementId: el.id,
        message: `event definition ${d.$type.replace('bpmn:', '')} is not supported`,
      });
      return { kind: 'none' };
  }
}

function buildNode(
  el: ModdleElement,
  scopeId: string,
  problems: Problem[],
  messagesById: Map<string, ModdleElement>,
): Draft | undefined {
  let type: ElementType | undefined = TASK_TYPES[el.$type];
  if (el.$type === 'bpmn:SubProcess') type = el.triggeredByEvent ? 'EVENT_SUB_PROCESS' : 'SUB_PROCESS';
  if (!type) {
    problems.push({
      elementId: el.id,
      message: `element type ${el.$type.replace('bpmn:', '')} is not supported`,
    });
    return undefined;
  }
  const io = ext<any>(el, 'zeebe:IoMapping');
  const node: Draft = {
    id: el.id,
    name: el.name,
    type,
    scopeId,
    incoming: [],
    outgoing: [],
    boundaryEvents: [],
    children: [],
    eventSubProcesses: [],
    inputs: mappings(io?.inputParameters),
    outputs: mappings(io?.outputParameters),
    documentation: (el.documentation ?? []).map((d: any) => d.text).join('\n') || undefined,
  };
  if (type.endsWith('_EVENT')) node.event = eventDefinition(el, problems, messagesById);
  if (type === 'RECEIVE_TASK') {
    const msg = el.messageRef ? (messagesById.get(el.messageRef.id) ?? el.messageRef) : undefined;
    if (!msg?.name) problems.push({ elementId: el.id, message: 'receive task without a message name' });
    else
      node.event = {
        kind: 'message',
        messageName: msg.name,
        correlationKey: ext<any>(msg, 'zeebe:Subscription')?.correlationKey,
      };
  }
  if (type === 'BOUNDARY_EVENT') {
    node.attachedTo = el.attachedToRef?.id;
    node.interrupting = el.cancelActivity !== false;
  }
  if (type === 'START_EVENT') node.interrupting = el.isInterrupting !== false;
  if (el.default) node.defaultFlow = el.default.id;
  const taskDef = ext<any>(el, 'zeebe:TaskDefinition');
  if (taskDef) {
    const headers: Record<string, string> = {};
    for (const h of ext<any>(el, 'zeebe:TaskHeaders')?.values ?? []) headers[h.key] = h.value;
    node.job = { type: taskDef.type ?? '', retries: taskDef.retries ?? '3', headers };
  }
  if (type === 'USER_TASK') {
    if (!ext(el, 'zeebe:UserTask')) {
      problems.push({
        elementId: el.id,
        message:
          'job-worker user tasks are not supported: mark the task as a Camunda user task (zeebe:userTask)',
      });
    }
    const form = ext<any>(el, 'zeebe:FormDefinition');
    const assignment = ext<any>(el, 'zeebe:AssignmentDefinition');
    const schedule = ext<any>(el, 'zeebe:TaskSchedule');
    const priority = ext<any>(el, 'zeebe:PriorityDefinition');
    node.userTask = {
      formId: form?.formId,
      formKey: form?.formKey,
      externalFormReference: form?.externalReference,
      assignee: assignment?.assignee,
      candidateGroups: assignment?.candidateGroups,
      candidateUsers: assignment?.candidateUsers,
      dueDate: schedule?.dueDate,
      followUpDate: schedule?.followUpDate,
      priority: priority?.priority !== undefined ? String(priority.priority) : undefined,
    };
    node.job = undefined;
  }
  const script = ext<any>(el, 'zeebe:Script');
  if (type === 'SCRIPT_TASK' && script)
    node.script = { expression: script.expression ?? '', resultVariable: script.resultVariable ?? '' };
  const decision = ext<any>(el, 'zeebe:CalledDecision');
  if (type === 'BUSINESS_RULE_TASK' && decision)
    node.calledDecision = {
      decisionId: decision.decisionId ?? '',
      resultVariable: decision.resultVariable ?? '',
      bindingType: decision.bindingType ?? decision.$attrs?.bindingType ?? 'latest',
    };
  const called = ext<any>(el, 'zeebe:CalledElement');
  if (type === 'CALL_ACTIVITY') {
    node.calledElement = {
      processId: called?.processId ?? '',
      propagateAllChildVariables: called?.propagateAllChildVariables !== false,
      propagateAllParentVariables: called?.propagateAllParentVariables !== false,
    };
  }
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (loop) {
    if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      problems.push({ elementId: el.id, message: 'standard loops are not supported; use multi-instance' });
    } else {
      const z = ext<any>(loop, 'zeebe:LoopCharacteristics');
      node.multiInstance = {
        sequential: loop.isSequential === true,
        inputCollection: z?.inputCollection ?? '',
        inputElement: z?.inputElement,
        outputCollection: z?.outputCollection,
        outputElement: z?.outputElement,
        completionCondition: loop.completionCondition?.body,
      };
    }
  }
  if (ext(el, 'zeebe:ExecutionListeners'))
    problems.push({ elementId: el.id, message: 'execution listeners are not supported' });
  if (ext(el, 'zeebe:TaskListeners'))
    problems.push({ elementId: el.id, message: 'task listeners are not supported' });
  return node;
}

function validateElement(el: Draft, model: DraftModel, problems: Problem[]): void {
  const p = (message: string) => problems.push({ elementId: el.id, message });
  const jobTasks: ElementType[] = ['SERVICE_TASK', 'SEND_TASK', 'BUSINESS_RULE_TASK'];
  if (jobTasks.includes(el.type) && !el.job?.type && !el.calledDecision)
    p('a job-based task needs a zeebe:taskDefinition with a type');
  if (el.calledDecision) {
    if (el.job) p('a business rule task has either zeebe:calledDecision or zeebe:taskDefinition, not both');
    if (!el.calledDecision.decisionId) p('zeebe:calledDecision needs a decisionId');
    if (!el.calledDecision.resultVariable) p('zeebe:calledDecision needs a resultVariable');
    if (!['latest', 'deployment'].includes(el.calledDecision.bindingType))
      p(`the binding type '${el.calledDecision.bindingType}' is not supported: use latest or deployment`);
  }
  if (el.type === 'SCRIPT_TASK' && !el.script && !el.job?.type)
    p('a script task needs a zeebe:script or a zeebe:taskDefinition');
  if (el.type === 'SCRIPT_TASK' && el.script && !el.script.resultVariable)
    p('zeebe:script needs a resultVariable');
  if (el.type === 'CALL_ACTIVITY' && !el.calledElement?.processId)
    p('a call activity needs zeebe:calledElement processId');
  if (
    el.type === 'INTERMEDIATE_CATCH_EVENT' &&
    !['message', 'timer', 'signal'].includes(el.event?.kind ?? '')
  )
    p('only timer, message and signal intermediate catch events are supported');
  if (el.type === 'INTERMEDIATE_THROW_EVENT' && !['none', 'signal'].includes(el.event?.kind ?? ''))
    p('only none and signal intermediate throw events are supported');
  if (el.type === 'END_EVENT' && el.event?.kind === 'message' && !el.job?.type)
    p('a message end event needs a zeebe:taskDefinition (it is job-based)');
  if (el.type === 'INTERMEDIATE_THROW_EVENT' && el.job) p('message throw events are not supported');
  if (el.type === 'BOUNDARY_EVENT') {
    const kind = el.event?.kind;
    if (!['message', 'timer', 'error', 'signal'].includes(kind ?? ''))
      p('only timer, message, signal and error boundary events are supported');
    if (kind === 'error' && el.interrupting === false) p('error boundary events are always interrupting');
  }
  if (el.type === 'START_EVENT') {
    const scope = model.elements.get(el.scopeId);
    if (scope?.type === 'SUB_PROCESS' && el.event?.kind !== 'none')
      p('an embedded sub-process starts with a none start event');
    if (el.event?.kind === 'terminate') p('invalid start event');
  }
  if (el.type === 'EVENT_BASED_GATEWAY') {
    for (const fid of el.outgoing) {
      const target = model.elements.get(model.flows.get(fid)?.targetId ?? '');
      if (target?.type !== 'INTERMEDIATE_CATCH_EVENT' && target?.type !== 'RECEIVE_TASK')
        p('an event-based gateway may only lead to timer, message or signal catch events');
    }
    if (el.outgoing.length < 2) p('an event-based gateway needs at least two outgoing flows');
  }
  if (el.type === 'INCLUSIVE_GATEWAY' && el.incoming.length > 1 && el.outgoing.length > 1)
    p('an inclusive gateway may fork or join, not both');
  if (el.type === 'INCLUSIVE_GATEWAY' && el.incoming.length > 1)
    p(
      'joining inclusive gateways are not supported; join with a parallel gateway where every branch is taken',
    );
  if (el.multiInstance && !el.multiInstance.inputCollection)
    p('multi-instance needs zeebe:loopCharacteristics inputCollection');
  for (const fid of el.outgoing) {
    const f = model.flows.get(fid);
    if (!f) continue;
    if (f.condition && !['EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY'].includes(el.type))
      p(`conditional flow '${f.id}' must leave an exclusive or inclusive gateway`);
    if (f.condition && !f.condition.startsWith('='))
      p(`condition of flow '${f.id}' must be a FEEL expression starting with '='`);
  }
  if (['EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY'].includes(el.type) && el.outgoing.length > 1) {
    for (const fid of el.outgoing) {
      const f = model.flows.get(fid);
      if (!f?.condition && el.defaultFlow !== fid)
        p(`flow '${fid}' needs a condition or must be the default flow`);
    }
  }
  for (const m of [...el.inputs, ...el.outputs]) if (!m.target) p('a variable mapping needs a target');
}

/** A validated draft model as the interpreter's model: each element typed by its kind. */
function toModel(draft: DraftModel, problems: Problem[]): ProcessModel {
  const elements = new Map<string, FlowElement>();
  for (const [id, d] of draft.elements) {
    const el = toElement(d, problems);
    if (el) elements.set(id, el);
  }
  return { ...draft, elements };
}

/**
 * The element of a draft's kind with the fields that kind has, required where Zeebe requires them.
 * Validation has reported what Zeebe rejects; what it let through but a kind cannot carry is reported here.
 */
function toElement(d: Draft, problems: Problem[]): FlowElement | undefined {
  const problem = (message: string): undefined => {
    problems.push({ elementId: d.id, message });
    return undefined;
  };
  const base = {
    id: d.id,
    name: d.name,
    scopeId: d.scopeId,
    incoming: d.incoming,
    outgoing: d.outgoing,
    inputs: d.inputs,
    outputs: d.outputs,
    documentation: d.documentation,
  };
  const activity = { ...base, boundaryEvents: d.boundaryEvents, multiInstance: d.multiInstance };
  const scope = { children: d.children, eventSubProcesses: d.eventSubProcesses };
  const ev: EventDefinition = d.event ?? { kind: 'none' };
  const job = d.job?.type ? d.job : undefined;
  switch (d.type) {
    case 'PROCESS':
      return { ...base, ...scope, kind: 'process', startEventId: d.startEventId };
    case 'START_EVENT':
      if (ev.kind === 'terminate') return problem('invalid start event');
      return { ...base, kind: 'startEvent', event: ev, interrupting: d.interrupting !== false };
    case 'END_EVENT':
      if (ev.kind === 'message')
        return job
          ? { ...base, kind: 'endEvent', event: ev, job }
          : problem('a message end event needs a zeebe:taskDefinition (it is job-based)');
      if (ev.kind === 'timer') return problem('timer end events are not supported');
      return { ...base, kind: 'endEvent', event: ev };
    case 'INTERMEDIATE_CATCH_EVENT':
      if (ev.kind !== 'message' && ev.kind !== 'timer' && ev.kind !== 'signal')
        return problem('only timer, message and signal intermediate catch events are supported');
      return { ...base, kind: 'intermediateCatchEvent', event: ev };
    case 'INTERMEDIATE_THROW_EVENT':
      if (ev.kind !== 'none' && ev.kind !== 'signal')
        return problem('only none and signal intermediate throw events are supported');
      return { ...base, kind: 'intermediateThrowEvent', event: ev };
    case 'BOUNDARY_EVENT':
      if (ev.kind !== 'message' && ev.kind !== 'timer' && ev.kind !== 'signal' && ev.kind !== 'error')
        return problem('only timer, message, signal and error boundary events are supported');
      if (!d.attachedTo) return problem('a boundary event must be attached to an activity');
      return {
        ...base,
        kind: 'boundaryEvent',
        event: ev,
        attachedTo: d.attachedTo,
        interrupting: d.interrupting !== false,
      };
    case 'SERVICE_TASK':
    case 'SEND_TASK':
      if (!job) return problem('a job-based task needs a zeebe:taskDefinition with a type');
      return { ...activity, kind: d.type === 'SERVICE_TASK' ? 'serviceTask' : 'sendTask', job };
    case 'SCRIPT_TASK':
      // As before: a task definition makes it job-based even when it also has a script.
      if (d.job) return { ...activity, kind: 'scriptTask', job: d.job };
      if (!d.script) return problem('a script task needs a zeebe:script or a zeebe:taskDefinition');
      return { ...activity, kind: 'scriptTask', script: d.script };
    case 'BUSINESS_RULE_TASK':
      if (d.calledDecision)
        return { ...activity, kind: 'businessRuleTask', calledDecision: d.calledDecision };
      if (!job) return problem('a job-based task needs a zeebe:taskDefinition with a type');
      return { ...activity, kind: 'businessRuleTask', job };
    case 'RECEIVE_TASK':
      if (ev.kind !== 'message') return problem('receive task without a message name');
      return { ...activity, kind: 'receiveTask', event: ev };
    case 'MANUAL_TASK':
      return { ...activity, kind: 'manualTask' };
    case 'TASK':
      return { ...activity, kind: 'task' };
    case 'USER_TASK':
      return { ...activity, kind: 'userTask', userTask: d.userTask ?? {} };
    case 'EXCLUSIVE_GATEWAY':
      return { ...base, kind: 'exclusiveGateway', defaultFlow: d.defaultFlow };
    case 'INCLUSIVE_GATEWAY':
      return { ...base, kind: 'inclusiveGateway', defaultFlow: d.defaultFlow };
    case 'PARALLEL_GATEWAY':
      return { ...base, kind: 'parallelGateway' };
    case 'EVENT_BASED_GATEWAY':
      return { ...base, kind: 'eventBasedGateway' };
    case 'SUB_PROCESS':
    case 'EVENT_SUB_PROCESS':
      if (!d.startEventId) return problem('a sub-process needs a start event');
      if (d.type === 'EVENT_SUB_PROCESS') {
        if (d.multiInstance) return problem('an event sub-process cannot be multi-instance');
        if (d.boundaryEvents.length) return problem('an event sub-process cannot have boundary events');
        return { ...base, ...scope, kind: 'eventSubProcess', startEventId: d.startEventId };
      }
      return { ...activity, ...scope, kind: 'subProcess', startEventId: d.startEventId };
    case 'CALL_ACTIVITY':
      if (!d.calledElement?.processId) return problem('a call activity needs zeebe:calledElement processId');
      return { ...activity, kind: 'callActivity', calledElement: d.calledElement };
    case 'MULTI_INSTANCE_BODY':
      return problem('not a BPMN element');
  }
}
