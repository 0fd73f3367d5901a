/** The decision evaluation command (Zeebe's `DecisionEvaluationEvaluateProcessor`): the decision a request names, evaluated by the decision behaviour. */
import type { DecisionBehaviour, DecisionEvaluation } from '../behaviours/decisions';
import type { Vars } from '../elements/processor';
import { EngineError, invalid } from '../errors';
import type { DecisionRec } from '../records';
import type { EngineState } from '../state';

export interface DecisionProcessorDeps {
  readonly state: EngineState;
  readonly decisions: DecisionBehaviour;
}

export class DecisionProcessor {
  constructor(private readonly deps: DecisionProcessorDeps) {}

  /** The decision an evaluation request names: the latest version of an id, or one by key; unknown is refused. */
  find(req: { decisionDefinitionKey?: string; decisionDefinitionId?: string }): DecisionRec {
    const { state } = this.deps;
    if (req.decisionDefinitionId) {
      const decision = state.decision.latestDecision(req.decisionDefinitionId);
      if (!decision)
        throw new EngineError(
          404,
          'NOT_FOUND',
          `Expected to evaluate decision '${req.decisionDefinitionId}', but no decision found for id '${req.decisionDefinitionId}'`,
        );
      return decision;
    }
    if (req.decisionDefinitionKey) {
      const decision = state.decision.decisions.get(req.decisionDefinitionKey);
      if (!decision)
        throw new EngineError(
          404,
          'NOT_FOUND',
          `Expected to evaluate decision with key '${req.decisionDefinitionKey}', but no decision found for key '${req.decisionDefinitionKey}'`,
        );
      return decision;
    }
    throw invalid('Expected either a decision id or a valid decision key, but none provided');
  }

  /** Evaluates the decision with the request's variables, outside any process instance. */
  evaluate(decision: DecisionRec, variables: Vars): DecisionEvaluation {
    return this.deps.decisions.evaluate(decision, variables);
  }
}
