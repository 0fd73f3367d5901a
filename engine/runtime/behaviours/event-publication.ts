/** Zeebe's `BpmnEventPublicationBehavior`: a thrown error is caught by the nearest error event sub-process or boundary event; a thrown signal is broadcast. */
import type { EventDefinition, ProcessModel } from '../../model/types';
import { elementOf, elementOfKind, isActivity, isFlowScope } from '../../model/types';
import type { Vars } from '../elements/processor';
import type { ElementInstanceRec } from '../records';
import type { EngineState } from '../state';
import type { EventSubscriptionBehaviour } from './event-subscriptions';
import { eventSubProcessStarts } from './event-triggers';
import type { ExpressionBehaviour } from './expressions';
import type { StateTransitionBehaviour } from './state-transitions';
import type { VariableBehaviour } from './variables';

/** What throwing needs: the stores, the transitions a caught error causes, and the signal broadcast. */
export interface EventPublicationDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  readonly events: EventSubscriptionBehaviour;
  readonly expressions: ExpressionBehaviour;
  readonly transitions: StateTransitionBehaviour;
  model(processDefinitionKey: string): ProcessModel;
  later(step: () => void): void;
  broadcastSignal(name: string, variables: Vars): void;
}

export class EventPublicationBehaviour {
  constructor(private readonly deps: EventPublicationDeps) {}

  /** Finds the nearest catch for an error thrown at `source`; returns false when none exists. */
  throwError(source: ElementInstanceRec, errorCode: string, errorMessage: string, variables: Vars): boolean {
    const errVars = { ...variables };
    let cur: ElementInstanceRec | undefined = source;
    while (cur) {
      const model = this.deps.model(cur.processDefinitionKey);
      const el = elementOf(model, cur.elementId);
      const catches = (ev: EventDefinition) =>
        ev.kind === 'error' && (!ev.errorCode || ev.errorCode === errorCode);
      // 1. an error event sub-process inside the scope the error came from (inner before outer)
      if (isFlowScope(el) && cur.type !== 'MULTI_INSTANCE_BODY') {
        const start = eventSubProcessStarts(model, el).find((s) => catches(s.event));
        if (start && cur !== source) {
          const scope = cur;
          this.deps.transitions.terminateChildren(scope);
          scope.joins = undefined;
          this.deps.events.closeOwnedBy(scope.key, 'event-sub-process');
          const esp = this.deps.transitions.createElementInstance(scope, start.scopeId);
          const startEi = this.deps.transitions.createElementInstance(esp, start.id);
          this.deps.later(() => this.deps.transitions.completeActivity(startEi, {}, false, errVars));
          return true;
        }
      }
      // 2. error boundary events of the element (for MI, the body carries them)
      if (cur.loopIndex === undefined && isActivity(el)) {
        const catchId = el.boundaryEvents.find((b) =>
          catches(elementOfKind(model, b, 'boundaryEvent').event),
        );
        if (catchId) {
          const scope = this.deps.transitions.flowScopeOf(cur);
          this.deps.transitions.terminate(cur);
          const ev = this.deps.transitions.createElementInstance(scope, catchId);
          this.deps.later(() => this.deps.transitions.completeActivity(ev, {}, false, errVars));
          return true;
        }
      }
      if (cur.type === 'PROCESS') {
        const pi = this.deps.transitions.processInstance(cur.key);
        cur = pi.parentElementInstanceKey
          ? this.deps.state.elementInstances.get(pi.parentElementInstanceKey)
          : undefined;
        continue;
      }
      cur = cur.flowScopeKey ? this.deps.state.elementInstances.get(cur.flowScopeKey) : undefined;
    }
    void errorMessage;
    return false;
  }

  /** A signal throw or end event broadcasts its local variables (the result of its input mappings). */
  throwSignal(ei: ElementInstanceRec, nameExpr: string): void {
    const name = String(this.deps.expressions.evalIn(nameExpr, ei.key));
    const variables = this.deps.vars.local(ei.key);
    this.deps.later(() => this.deps.broadcastSignal(name, variables));
  }
}
