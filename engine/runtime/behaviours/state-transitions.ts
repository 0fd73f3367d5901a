/** Zeebe's `BpmnStateTransitionBehavior`: element instances are created, activated, completed (leaving by their flows) and terminated, with their records. */
import type { Activity, FlowElement, ProcessModel } from '../../model/types';
import { ELEMENT_TYPES, elementOf, flowTarget, isActivity } from '../../model/types';
import type { ElementProcessors, Vars } from '../elements/processor';
import { processorOf } from '../elements';
import type { MultiInstanceBodyProcessor } from '../elements/multi-instance';
import { EngineError } from '../errors';
import type { ElementInstanceRec, ProcessInstanceRec } from '../records';
import type { EngineState } from '../state';
import type { EventSubscriptionBehaviour } from './event-subscriptions';
import type { ExpressionBehaviour } from './expressions';
import type { IncidentBehaviour } from './incidents';
import type { ProcessResultBehaviour } from './process-results';
import type { VariableBehaviour } from './variables';

/** What the state transitions need: the stores and the behaviours they apply on the way. */
export interface StateTransitionDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  readonly events: EventSubscriptionBehaviour;
  readonly expressions: ExpressionBehaviour;
  readonly incidents: IncidentBehaviour;
  readonly results: ProcessResultBehaviour;
  nextKey(): string;
  nowIso(): string;
  model(processDefinitionKey: string): ProcessModel;
  /** Runs a step after the current one (the command's agenda). */
  later(step: () => void): void;
  /** The element processors, and the multi-instance body's (built over these behaviours). */
  processors(): ElementProcessors;
  multiInstanceBody(): MultiInstanceBodyProcessor;
  openBoundaryEvents(host: ElementInstanceRec, el: Activity): void;
}

export class StateTransitionBehaviour {
  constructor(private readonly deps: StateTransitionDeps) {}

  activateLater(ei: ElementInstanceRec): void {
    this.deps.later(() => this.activate(ei));
  }

  createElementInstance(
    scope: ElementInstanceRec,
    elementId: string,
    extra?: Partial<ElementInstanceRec>,
  ): ElementInstanceRec {
    const el = elementOf(this.deps.model(scope.processDefinitionKey), elementId);
    const ei: ElementInstanceRec = {
      key: this.deps.nextKey(),
      processInstanceKey: scope.processInstanceKey,
      processDefinitionKey: scope.processDefinitionKey,
      bpmnProcessId: scope.bpmnProcessId,
      elementId,
      type:
        isActivity(el) && el.multiInstance && extra?.loopIndex === undefined
          ? 'MULTI_INSTANCE_BODY'
          : ELEMENT_TYPES[el.kind],
      flowScopeKey: scope.key,
      state: 'ACTIVE',
      startDate: this.deps.nowIso(),
      ...extra,
    };
    this.deps.state.elementInstances.put(ei);
    this.deps.state.elementInstances.addChild(scope.key, ei.key);
    return ei;
  }

  element(ei: ElementInstanceRec): FlowElement {
    return elementOf(this.deps.model(ei.processDefinitionKey), ei.elementId);
  }

  /** The element instance of the flow scope an element instance runs in (not for the process itself). */
  flowScopeOf(ei: ElementInstanceRec): ElementInstanceRec {
    const scope = ei.flowScopeKey ? this.deps.state.elementInstances.get(ei.flowScopeKey) : undefined;
    if (!scope) throw new Error(`element instance '${ei.key}' has no flow scope instance`);
    return scope;
  }

  /** An element instance known to exist (a child, an owner, a caller): a miss is a bug. */
  instance(key: string): ElementInstanceRec {
    const ei = this.deps.state.elementInstances.get(key);
    if (!ei) throw new Error(`no element instance '${key}'`);
    return ei;
  }

  /** Activates an element instance: input mappings, boundary events, then its kind's processor. */
  activate(ei: ElementInstanceRec): void {
    if (ei.state !== 'ACTIVE') return;
    const el = this.element(ei);
    try {
      if (ei.type === 'MULTI_INSTANCE_BODY' && isActivity(el))
        return this.deps.multiInstanceBody().onActivate(el, ei);
      if (el.inputs.length) this.applyInputs(ei, el);
      if (isActivity(el) && el.boundaryEvents.length && ei.loopIndex === undefined)
        this.deps.openBoundaryEvents(ei, el);
      processorOf(this.deps.processors(), el).onActivate(el, ei);
    } catch (err) {
      if (err instanceof EngineError) throw err;
      this.deps.incidents.fail(ei, err, 'activate');
    }
  }

  applyInputs(ei: ElementInstanceRec, el: FlowElement): void {
    const local: Vars = {};
    const scopeKey = flowScopeKey(ei);
    const outer = this.deps.vars.visible(scopeKey);
    for (const m of el.inputs) {
      const value = this.deps.expressions.evalIn(m.source, scopeKey, local);
      assignPath(local, m.target, value, outer);
    }
    for (const [n, v] of Object.entries(local)) this.deps.vars.setLocal(ei.key, ei.processInstanceKey, n, v);
  }

  /** An activity finished its work: apply variables and output mappings, then leave. */
  completeActivity(ei: ElementInstanceRec, variables: Vars, retrying = false, local?: Vars): void {
    if (ei.state !== 'ACTIVE') return;
    const el = this.element(ei);
    try {
      if (!retrying) this.setOutputsOrPropagate(ei, variables, el.outputs.length === 0);
      if (local)
        for (const [n, v] of Object.entries(local))
          this.deps.vars.setLocal(ei.key, ei.processInstanceKey, n, v);
      if (ei.type !== 'MULTI_INSTANCE_BODY' && el.outputs.length) {
        this.applyOutputs(ei, el);
      } else if (ei.type === 'MULTI_INSTANCE_BODY' && isActivity(el) && el.multiInstance?.outputCollection) {
        // The output collection leaves the body like any result: propagated to the enclosing scope.
        const name = el.multiInstance.outputCollection;
        this.deps.vars.setPropagate(
          flowScopeKey(ei),
          name,
          this.deps.state.variables.local(ei.key, name)?.value,
        );
      }
    } catch (err) {
      if (err instanceof EngineError) throw err;
      this.deps.incidents.fail(ei, err, 'complete');
      return;
    }
    this.deps.later(() => this.leave(ei));
  }

  /**
   * Variables produced by an element (job completion, message, called process) are local to it when it
   * has output mappings; otherwise they are merged into the nearest scope that has them, starting at
   * the element itself (a local variable from an input mapping is updated in place), else the root.
   */
  setOutputsOrPropagate(ei: ElementInstanceRec, variables: Vars, propagate: boolean): void {
    for (const [n, v] of Object.entries(variables)) {
      if (propagate) this.deps.vars.setPropagate(ei.key, n, v);
      else this.deps.vars.setLocal(ei.key, ei.processInstanceKey, n, v);
    }
  }

  applyOutputs(ei: ElementInstanceRec, el: FlowElement): void {
    const vars = this.deps.vars.visible(ei.key);
    const outer = this.deps.vars.visible(flowScopeKey(ei));
    const out: Vars = {};
    for (const m of el.outputs) {
      const value = this.deps.expressions.evalWith(m.source, { ...vars, ...out });
      assignPath(out, m.target, value, outer);
    }
    for (const [n, v] of Object.entries(out)) this.deps.vars.setPropagate(flowScopeKey(ei), n, v);
  }

  /** Completes the element instance and takes its outgoing flows. */
  leave(ei: ElementInstanceRec): void {
    if (ei.state !== 'ACTIVE') return;
    const el = this.element(ei);
    const model = this.deps.model(ei.processDefinitionKey);
    let flows: string[];
    try {
      flows = ei.type === 'MULTI_INSTANCE_BODY' ? el.outgoing : this.outgoingFlows(ei, el);
    } catch (err) {
      this.deps.incidents.raise(ei, 'CONDITION_ERROR', (err as Error).message, 'flow');
      return;
    }
    this.finish(ei, 'COMPLETED');
    const scope = this.deps.state.elementInstances.get(flowScopeKey(ei));
    if (!scope || scope.state !== 'ACTIVE') return;
    if (ei.loopIndex !== undefined && scope.type === 'MULTI_INSTANCE_BODY') {
      if (isActivity(el)) this.deps.multiInstanceBody().onChildCompleted(el, scope, ei);
      return;
    }
    for (const fid of flows) {
      const target = flowTarget(model, fid);
      const arrive = processorOf(this.deps.processors(), target).onArrive;
      if (arrive && !arrive(target, scope, fid)) continue;
      const next = this.createElementInstance(scope, target.id);
      this.activateLater(next);
    }
    this.maybeCompleteScope(scope);
  }

  /** The flows an element leaves by: its processor chooses (gateways), else all of them. */
  outgoingFlows(ei: ElementInstanceRec, el: FlowElement): string[] {
    const leave = processorOf(this.deps.processors(), el).onLeave;
    return leave ? leave(el, ei) : el.outgoing;
  }

  maybeCompleteScope(scope: ElementInstanceRec): void {
    if (scope.state !== 'ACTIVE' || scope.type === 'MULTI_INSTANCE_BODY') return;
    if (this.deps.state.elementInstances.hasActiveChildren(scope.key)) return;
    if (scope.joins && Object.keys(scope.joins).length > 0) return;
    if (scope.type === 'PROCESS') return this.completeProcessInstance(scope);
    if (scope.type === 'SUB_PROCESS' || scope.type === 'EVENT_SUB_PROCESS')
      this.deps.later(() => this.completeActivity(scope, {}));
  }

  completeProcessInstance(root: ElementInstanceRec): void {
    this.finish(root, 'COMPLETED');
    const pi = this.processInstance(root.key);
    pi.state = 'COMPLETED';
    pi.endDate = this.deps.nowIso();
    this.deps.state.processInstances.update(pi);
    this.deps.results.settle(pi.key, () => ({
      state: 'COMPLETED',
      variables: this.deps.vars.visible(root.key),
    }));
    if (pi.parentElementInstanceKey) {
      const caller = this.deps.state.elementInstances.get(pi.parentElementInstanceKey);
      if (caller && caller.state === 'ACTIVE') {
        const el = this.element(caller);
        // With output mappings the child's variables are local to the call activity and only mapped ones leave it.
        const childVars =
          (el.kind === 'callActivity' && el.calledElement.propagateAllChildVariables) || el.outputs.length
            ? this.deps.vars.visible(root.key)
            : {};
        this.deps.later(() => this.completeActivity(caller, childVars));
      }
    }
  }

  /** Marks an element instance ended and releases everything it holds. */
  finish(ei: ElementInstanceRec, state: 'COMPLETED' | 'TERMINATED'): void {
    ei.state = state;
    ei.endDate = this.deps.nowIso();
    this.deps.state.elementInstances.update(ei);
    if (ei.flowScopeKey) this.deps.state.elementInstances.removeChild(ei.flowScopeKey, ei.key);
    this.deps.state.elementInstances.forgetChildren(ei.key);
    this.deps.events.closeOwnedBy(ei.key);
    if (ei.incidentKey) {
      const inc = this.deps.state.incidents.get(ei.incidentKey);
      if (inc && inc.state === 'ACTIVE') {
        inc.state = 'RESOLVED';
        this.deps.state.incidents.update(inc);
      }
      ei.incidentKey = undefined;
    }
  }

  /** Terminates an element instance with everything inside it (children, jobs, tasks, called processes). */
  terminate(ei: ElementInstanceRec): void {
    if (ei.state !== 'ACTIVE') return;
    this.terminateChildren(ei);
    if (ei.type !== 'MULTI_INSTANCE_BODY') {
      const el = this.element(ei);
      processorOf(this.deps.processors(), el).onTerminate?.(el, ei);
    }
    this.finish(ei, 'TERMINATED');
    if (ei.type === 'PROCESS') {
      const pi = this.processInstance(ei.key);
      pi.state = 'TERMINATED';
      pi.endDate = this.deps.nowIso();
      this.deps.state.processInstances.update(pi);
      this.deps.results.settle(pi.key, () => ({ state: 'TERMINATED' }));
    }
  }

  /** Terminates every active child of a flow scope. */
  terminateChildren(scope: ElementInstanceRec): void {
    for (const k of this.deps.state.elementInstances.children(scope.key)) this.terminate(this.instance(k));
  }

  /** The process instance record of a running element instance's process. */
  processInstance(key: string): ProcessInstanceRec {
    const pi = this.deps.state.processInstances.get(key);
    if (!pi) throw new Error(`no process instance '${key}'`);
    return pi;
  }
}

/** The key of the flow scope an element instance runs in; only the process instance has none. */
function flowScopeKey(ei: ElementInstanceRec): string {
  if (!ei.flowScopeKey) throw new Error(`element instance '${ei.key}' has no flow scope`);
  return ei.flowScopeKey;
}

/**
 * Sets `a.b.c` inside an object, creating contexts on the way (Zeebe allows nested mapping targets).
 * A nested target updates the existing context of that name (from `existing`, the variables where the
 * mapping result lands) rather than replacing it.
 */
function assignPath(target: Vars, path: string, value: unknown, existing: Vars = {}): void {
  const parts = path.split('.');
  if (parts.length > 1 && !(parts[0] in target)) {
    const prior = existing[parts[0]];
    if (prior && typeof prior === 'object' && !Array.isArray(prior)) target[parts[0]] = prior;
  }
  let cur: Vars = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    cur = cur[parts[i]] =
      next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Vars) } : {};
  }
  cur[parts[parts.length - 1]] = value;
}
