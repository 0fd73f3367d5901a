/** Decision commands (Zeebe's DecisionEvaluationEvaluteProcessor and `BpmnDecisionBehavior`): evaluate a deployed decision. */
import type { FeelOptions } from '../../feel';
import { DecisionEvaluationFailure, DecisionResult, evaluateDecision } from '../../dmn/evaluate';
import type { CalledDecisionDefinition } from '../../model/types';
import type { Vars } from '../elements/processor';
import { EngineError, invalid, StepFailure } from '../errors';
import type { EngineState } from '../state';
import type { DecisionRec, DecisionRequirementsRec, ElementInstanceRec } from '../records';

/** A decision evaluated through the API or a business rule task, with the records it used. */
export interface DecisionEvaluation extends DecisionResult {
  decision: DecisionRec;
  drg: DecisionRequirementsRec;
  decisionEvaluationKey: string;
  /** A key for each evaluated decision (Zeebe's decision instance keys), in the same order. */
  instanceKeys: string[];
  /** Set when the evaluation failed: the decision that failed and why (Zeebe still reports it). */
  failure?: { decisionId: string; message: string };
}

/** What an evaluation needs: the stores, keys, FEEL options and the variables of a scope. */
export interface DecisionProcessorDeps {
  readonly state: EngineState;
  nextKey(): string;
  feelOptions(): FeelOptions;
  evalIn(expr: string, scopeKey: string): unknown;
  visibleVariables(scopeKey: string): Vars;
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

  /** Evaluates a deployed decision; a failed evaluation is a result too (it carries `failure`). */
  evaluate(decision: DecisionRec, variables: Vars): DecisionEvaluation {
    const { state } = this.deps;
    const drg = state.decision.requirements.get(decision.decisionRequirementsKey)!;
    const model = state.decision.drg(drg.key)!;
    const decisionEvaluationKey = this.deps.nextKey();
    try {
      const r = evaluateDecision(model, decision.decisionId, variables, this.deps.feelOptions());
      const instanceKeys = r.evaluatedDecisions.map(() => this.deps.nextKey());
      return { ...r, decision, drg, decisionEvaluationKey, instanceKeys };
    } catch (err) {
      if (!(err instanceof DecisionEvaluationFailure)) throw err;
      return {
        output: null,
        evaluatedDecisions: err.evaluatedDecisions,
        decision,
        drg,
        decisionEvaluationKey,
        instanceKeys: err.evaluatedDecisions.map(() => this.deps.nextKey()),
        failure: { decisionId: err.failedDecisionId, message: err.message },
      };
    }
  }

  /** A business rule task's zeebe:calledDecision: the decision's output, or a StepFailure (an incident). */
  evaluateCalled(ei: ElementInstanceRec, called: CalledDecisionDefinition): unknown {
    const { state } = this.deps;
    const decisionId = String(this.deps.evalIn(called.decisionId, ei.key));
    let decision: DecisionRec | undefined;
    if (called.bindingType === 'deployment') {
      const def = state.deployment.processes.get(ei.processDefinitionKey);
      for (const d of state.decision.decisions.values())
        if (d.decisionId === decisionId && d.deploymentKey === def?.deploymentKey) decision = d;
      if (!decision)
        throw new StepFailure(
          'CALLED_DECISION_ERROR',
          `Expected to evaluate decision with id '${decisionId}' and binding type 'deployment', but no such decision was deployed with the process`,
        );
    } else {
      decision = state.decision.latestDecision(decisionId);
      if (!decision)
        throw new StepFailure(
          'CALLED_DECISION_ERROR',
          `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`,
        );
    }
    const r = this.evaluate(decision, this.deps.visibleVariables(ei.key));
    if (r.failure) throw new StepFailure('DECISION_EVALUATION_ERROR', r.failure.message);
    return r.output;
  }
}
