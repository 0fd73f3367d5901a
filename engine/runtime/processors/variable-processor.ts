/** Variable commands (Zeebe's VariableDocumentUpdateProcessor): set variables on an active scope, locally or by propagation. */
import type { VariableBehaviour } from '../behaviours/variables';
import type { Vars } from '../elements/processor';
import { notFound } from '../errors';
import type { EngineState } from '../state';

export class VariableProcessor {
  constructor(private readonly deps: { readonly state: EngineState; readonly vars: VariableBehaviour }) {}

  /** Sets each variable on the element instance (`local`) or where it already exists, nearest first. */
  set(elementInstanceKey: string, variables: Vars, local: boolean): void {
    const { state, vars } = this.deps;
    const ei = state.elementInstances.get(elementInstanceKey);
    if (!ei || ei.state !== 'ACTIVE') throw notFound('Element instance', elementInstanceKey);
    for (const [n, v] of Object.entries(variables)) {
      if (local) vars.setLocal(ei.key, ei.processInstanceKey, n, v);
      else vars.setPropagate(ei.key, n, v);
    }
  }
}
