/** Process instance modification (Zeebe's ProcessInstanceModificationProcessor): activate and terminate elements of a running instance. */
import type { FlowElement, ProcessModel } from '../../model/types';
import type { VariableBehaviour } from '../behaviours/variables';
import type { Vars } from '../elements/processor';
import { invalid } from '../errors';
import type { ElementInstanceRec, ProcessInstanceRec } from '../records';
import type { EngineState } from '../state';
import { runningInstance } from './process-instance-processor';

export interface ModifyProcessInstanceRequest {
  activateInstructions?: {
    elementId?: unknown;
    ancestorElementInstanceKey?: unknown;
    variableInstructions?: { variables?: Vars; scopeId?: string }[];
  }[];
  terminateInstructions?: { elementInstanceKey?: unknown }[];
}

/** A validated modification: the elements to activate (in which scope, with which variables) and the instances to terminate. */
export interface ProcessInstanceModification {
  pi: ProcessInstanceRec;
  activations: { el: FlowElement; scope: ElementInstanceRec; vars: { scopeId: string; variables: Vars }[] }[];
  terminations: ElementInstanceRec[];
}

/** What a modification needs: the stores, and the state transitions it applies. */
export interface ModificationProcessorDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  model(processDefinitionKey: string): ProcessModel;
  checkVariables(variables: unknown): void;
  createElementInstance(scope: ElementInstanceRec, elementId: string): ElementInstanceRec;
  activateLater(ei: ElementInstanceRec): void;
  terminate(ei: ElementInstanceRec): void;
}

export class ModificationProcessor {
  /** Variables of a modification destined for the element instance about to be activated. */
  private readonly pendingLocal: { elementId: string; name: string; value: unknown }[] = [];

  constructor(private readonly deps: ModificationProcessorDeps) {}

  /**
   * Validates every instruction first, as Zeebe does (nothing changes on a rejection). An element is
   * activated in an active instance of its flow scope (the process, or a running sub-process chosen
   * by `ancestorElementInstanceKey` when there are several).
   */
  prepare(key: string, req: ModifyProcessInstanceRequest): ProcessInstanceModification {
    const { state } = this.deps;
    const pi = runningInstance(state, key, 'modify');
    const model = this.deps.model(pi.processDefinitionKey);
    const activations: ProcessInstanceModification['activations'] = [];
    const prefix = `Expected to modify instance of process '${pi.bpmnProcessId}' but it contains one or more`;
    for (const a of req.activateInstructions ?? []) {
      const el = typeof a.elementId === 'string' ? model.elements.get(a.elementId) : undefined;
      if (!el || el.kind === 'process')
        throw invalid(
          `${prefix} activate instructions with an element that could not be found: '${String(a.elementId)}'`,
        );
      if (el.kind === 'startEvent' || el.kind === 'boundaryEvent')
        throw invalid(
          `${prefix} activate instructions for an unsupported element type: '${el.id}' is a ${el.kind === 'startEvent' ? 'start' : 'boundary'} event`,
        );
      const scopes = [...state.elementInstances.values()].filter(
        (e) => e.processInstanceKey === key && e.state === 'ACTIVE' && e.elementId === el.scopeId,
      );
      const ancestor =
        a.ancestorElementInstanceKey === undefined ? undefined : String(a.ancestorElementInstanceKey);
      const chosen =
        ancestor === undefined ? scopes : scopes.filter((s) => this.isSelfOrDescendant(s, ancestor));
      if (chosen.length !== 1)
        throw invalid(
          chosen.length === 0
            ? `${prefix} activate instructions for element '${el.id}' whose flow scope '${el.scopeId}' has no active instance${ancestor ? ` under ancestor '${ancestor}'` : ''}`
            : `${prefix} activate instructions for element '${el.id}' whose flow scope '${el.scopeId}' has several active instances: give an ancestorElementInstanceKey`,
        );
      const vars: { scopeId: string; variables: Vars }[] = [];
      for (const v of a.variableInstructions ?? []) {
        this.deps.checkVariables(v.variables);
        const scopeId = v.scopeId || pi.bpmnProcessId;
        if (!model.elements.has(scopeId))
          throw invalid(`${prefix} variable instructions with a scope that could not be found: '${scopeId}'`);
        vars.push({ scopeId, variables: v.variables ?? {} });
      }
      activations.push({ el, scope: chosen[0], vars });
    }
    const terminations: ElementInstanceRec[] = [];
    for (const t of req.terminateInstructions ?? []) {
      const ei = state.elementInstances.get(String(t.elementInstanceKey));
      if (!ei || ei.processInstanceKey !== key || ei.state !== 'ACTIVE' || ei.type === 'PROCESS')
        throw invalid(
          `${prefix} terminate instructions with an element instance that could not be found: '${String(t.elementInstanceKey)}'`,
        );
      terminations.push(ei);
    }
    return { pi, activations, terminations };
  }

  /**
   * Applies the activate instructions (with their variables), then the terminate instructions;
   * finally every flow scope left without an active element instance is terminated, up to the
   * process instance itself.
   */
  modify({ pi, activations, terminations }: ProcessInstanceModification): void {
    const { state, vars } = this.deps;
    const key = pi.key;
    for (const { el, scope, vars: instructions } of activations) {
      for (const v of instructions) {
        const target =
          v.scopeId === pi.bpmnProcessId
            ? scope.processInstanceKey
            : v.scopeId === scope.elementId
              ? scope.key
              : undefined;
        for (const [n, value] of Object.entries(v.variables))
          if (target) vars.setLocal(target, key, n, value);
          else this.pendingLocal.push({ elementId: v.scopeId, name: n, value });
      }
      const ei = this.deps.createElementInstance(scope, el.id);
      for (const p of this.pendingLocal.splice(0))
        if (p.elementId === el.id) vars.setLocal(ei.key, key, p.name, p.value);
      this.deps.activateLater(ei);
    }
    const scopes = new Set<string>();
    for (const ei of terminations) {
      if (ei.state !== 'ACTIVE') continue;
      this.deps.terminate(ei);
      if (ei.flowScopeKey) scopes.add(ei.flowScopeKey);
    }
    // A flow scope left without active element instances is terminated, up to the process.
    for (let scopeKey of scopes) {
      for (;;) {
        const scope = state.elementInstances.get(scopeKey);
        if (!scope || scope.state !== 'ACTIVE' || state.elementInstances.hasActiveChildren(scope.key)) break;
        this.deps.terminate(scope);
        if (!scope.flowScopeKey) break;
        scopeKey = scope.flowScopeKey;
      }
    }
  }

  private isSelfOrDescendant(ei: ElementInstanceRec, ancestorKey: string): boolean {
    let cur: ElementInstanceRec | undefined = ei;
    while (cur) {
      if (cur.key === ancestorKey) return true;
      cur = cur.flowScopeKey ? this.deps.state.elementInstances.get(cur.flowScopeKey) : undefined;
    }
    return false;
  }
}
