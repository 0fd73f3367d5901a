/** Gateway processors: exclusive and inclusive choose flows by condition, parallel joins, event-based waits for the first event. */
import { evaluateCondition } from '../../feel';
import { ExclusiveGateway, flowOf, flowTarget, InclusiveGateway } from '../../model/types';
import type { ElementInstanceRec } from '../records';
import type { BpmnBehaviours, ElementProcessors } from './processor';

/** The flows an exclusive (first true) or inclusive (every true) gateway takes; the default when none holds. */
function chosenFlows(
  b: BpmnBehaviours,
  el: ExclusiveGateway | InclusiveGateway,
  ei: ElementInstanceRec,
): string[] {
  const model = b.model(ei.processDefinitionKey);
  if (el.outgoing.length === 1 && !flowOf(model, el.outgoing[0]).condition) return el.outgoing;
  if (!ei.flowScopeKey) throw new Error(`gateway instance '${ei.key}' has no flow scope`);
  const vars = b.visibleVariables(ei.flowScopeKey);
  const taken: string[] = [];
  for (const fid of el.outgoing) {
    if (fid === el.defaultFlow) continue;
    const cond = flowOf(model, fid).condition;
    if (!cond) continue;
    let ok: boolean;
    try {
      ok = evaluateCondition(cond.slice(1), vars, b.feelOptions());
    } catch (err) {
      throw new Error(
        `Expected to evaluate condition of flow '${fid}' ('${cond}'): ${(err as Error).message}`,
      );
    }
    if (ok) {
      taken.push(fid);
      if (el.kind === 'exclusiveGateway') break;
    }
  }
  if (taken.length === 0) {
    if (el.defaultFlow) return [el.defaultFlow];
    throw new Error(
      `Expected at least one condition to evaluate to true, or to have a default flow (gateway '${el.id}')`,
    );
  }
  return taken;
}

export function gatewayProcessors(
  b: BpmnBehaviours,
): Pick<
  ElementProcessors,
  'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway' | 'eventBasedGateway'
> {
  return {
    exclusiveGateway: {
      onActivate: (_el, ei) => b.completeActivity(ei, {}),
      onLeave: (el, ei) => chosenFlows(b, el, ei),
    },
    inclusiveGateway: {
      onActivate: (_el, ei) => b.completeActivity(ei, {}),
      onLeave: (el, ei) => chosenFlows(b, el, ei),
    },
    parallelGateway: {
      onActivate: (_el, ei) => b.completeActivity(ei, {}),
      // A joining gateway counts the tokens taken on each incoming flow in its flow scope and is
      // activated once every incoming flow has one; each activation consumes one token per flow.
      onArrive: (el, scope, flowId) => {
        if (el.incoming.length <= 1) return true;
        scope.joins ??= {};
        const j = (scope.joins[el.id] ??= {});
        j[flowId] = (j[flowId] ?? 0) + 1;
        b.state.elementInstances.update(scope);
        if (!el.incoming.every((f) => (j[f] ?? 0) > 0)) return false;
        for (const f of el.incoming) if (--j[f] === 0) delete j[f];
        if (Object.keys(j).length === 0) delete scope.joins[el.id];
        return true;
      },
    },
    eventBasedGateway: {
      onActivate: (el, ei) => {
        const model = b.model(ei.processDefinitionKey);
        for (const fid of el.outgoing) {
          const target = flowTarget(model, fid);
          if (target.kind === 'intermediateCatchEvent' || target.kind === 'receiveTask')
            b.openCatch(ei, target.id, target.event, 'event-gateway', ei);
        }
      },
    },
  };
}
