/** Signal commands (Zeebe's SignalBroadcastProcessor): a signal reaches every open subscription and signal start event. */
import type { ProcessModel } from '../../model/types';
import type { VariableBehaviour } from '../behaviours/variables';
import type { Vars } from '../elements/processor';
import { cmpKey, EngineState } from '../state';
import type { MessageProcessorDeps } from './message-processor';
import { latestDefinitions } from './message-processor';

/** What a broadcast needs: the stores, and how a subscription or start event is reached. */
export interface SignalProcessorDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  model(processDefinitionKey: string): ProcessModel;
  startInstance: MessageProcessorDeps['startInstance'];
  triggerSubscription: MessageProcessorDeps['triggerSubscription'];
}

export class SignalProcessor {
  constructor(private readonly deps: SignalProcessorDeps) {}

  /**
   * Triggers every open signal subscription of that name (catch events, boundary events, event
   * sub-processes) and starts every latest definition with a signal start event of that name.
   * Signals are not buffered: nothing waits for a later subscription.
   */
  broadcast(name: string, variables: Vars): void {
    const { state } = this.deps;
    const subs = state.message
      .openForSignal(name)
      .map((k) => state.message.subscriptions.get(k)!)
      .sort((a, b) => cmpKey(a.key, b.key));
    for (const sub of subs) this.deps.triggerSubscription(sub, { variables });
    for (const def of latestDefinitions(state)) {
      const model = this.deps.model(def.key);
      for (const start of model.signalStartEvents) {
        if (start.signalName !== name) continue;
        const pi = this.deps.startInstance(def, start.elementId, {});
        const startEi = [...state.elementInstances.values()].find(
          (e) => e.processInstanceKey === pi.key && e.elementId === start.elementId && e.state === 'ACTIVE',
        );
        if (startEi)
          for (const [n, v] of Object.entries(variables)) this.deps.vars.setPropagate(startEi.key, n, v);
      }
    }
  }
}
