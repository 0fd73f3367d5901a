import type { VariableRec } from '../records';
import type { EngineState } from '../state';

/**
 * Zeebe's variable behaviour: setting a variable locally or by propagation to the nearest scope that
 * has it, and reading the variables visible from a scope (inner scopes shadow outer ones).
 */
export class VariableBehaviour {
  constructor(
    private readonly state: EngineState,
    private readonly nextKey: () => string,
  ) {}

  setLocal(scopeKey: string, processInstanceKey: string, name: string, value: unknown): void {
    let v = this.state.variables.local(scopeKey, name);
    if (v) v.value = value;
    else v = { key: this.nextKey(), name, value, scopeKey, processInstanceKey };
    this.state.variables.put(v);
  }

  /** Zeebe's propagation: set where the variable already exists, nearest first, else on the root scope. */
  setPropagate(fromScopeKey: string, name: string, value: unknown): void {
    let cur: string | undefined = fromScopeKey;
    let last = fromScopeKey;
    while (cur) {
      if (this.state.variables.inScope(cur).has(name)) break;
      last = cur;
      cur = this.state.elementInstances.get(cur)?.flowScopeKey;
    }
    const target = cur ?? last;
    const pi = this.state.elementInstances.get(target)?.processInstanceKey ?? target;
    this.setLocal(target, pi, name, value);
  }

  /** The records of the variables visible from a scope, inner scopes shadowing outer ones. */
  visibleRecords(scopeKey: string): VariableRec[] {
    const out = new Map<string, VariableRec>();
    for (const scope of this.state.elementInstances.scopeChain(scopeKey))
      for (const [n, v] of this.state.variables.inScope(scope)) if (!out.has(n)) out.set(n, v);
    return [...out.values()];
  }

  /** All variables visible from a scope, inner scopes shadowing outer ones. */
  visible(scopeKey: string): Record<string, unknown> {
    const chain = this.state.elementInstances.scopeChain(scopeKey);
    const out: Record<string, unknown> = {};
    for (let i = chain.length - 1; i >= 0; i--)
      for (const [n, v] of this.state.variables.inScope(chain[i])) out[n] = v.value;
    return out;
  }

  /** The variables a scope holds itself, by name. */
  local(scopeKey: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [n, v] of this.state.variables.inScope(scopeKey)) out[n] = v.value;
    return out;
  }
}
