/**
 * Decisions (Zeebe's `DecisionBehavior`): evaluates a deployed decision for a business rule task
 * (`evaluateCalled`) and for the evaluation command (`processors/decision-processor.ts`), and
 * reports each evaluated decision as a decision instance.
 */
import type { FeelOptions } from '../../feel';
import {
  DecisionEvaluationFailure,
  DecisionResult,
  EvaluatedDecision,
  evaluateDecision,
} from '../../dmn/evaluate';
import type { CalledDecisionDefinition } from '../../model/types';
import type { Vars } from '../elements/processor';
import { StepFailure } from '../errors';
import type { EngineState } from '../state';
import type { DecisionRec, DecisionRequirementsRec, ElementInstanceRec } from '../records';
import { TENANT } from '../records';

/** A decision evaluated through the API or a business rule task, with the records it used. */
export interface DecisionEvaluation extends DecisionResult {
  decision: DecisionRec;
  drg: DecisionRequirementsRec;
  decisionEvaluationKey: string;
  /** A key for each evaluated decision (Zeebe's decision instance keys), in the same order. */
  instanceKeys: string[];
  /**
   * Set when the evaluation failed: the decision that failed and why (Zeebe still reports it), with
   * the key of its decision instance (it is not among `evaluatedDecisions`).
   */
  failure?: { decisionId: string; message: string; instanceKey: string };
}

/** What an evaluation needs: the stores, keys, FEEL options and the variables of a scope. */
export interface DecisionBehaviourDeps {
  readonly state: EngineState;
  nextKey(): string;
  feelOptions(): FeelOptions;
  evalIn(expr: string, scopeKey: string): unknown;
  visibleVariables(scopeKey: string): Vars;
  nowIso(): string;
  /** A decision instance's row for the search tables, written with the command that evaluated it. */
  recordDecisionInstance(row: Record<string, unknown>): void;
}

export class DecisionBehaviour {
  constructor(private readonly deps: DecisionBehaviourDeps) {}

  /**
   * Evaluates a deployed decision; a failed evaluation is a result too (it carries `failure`). Each
   * evaluated decision, and the one that failed, is recorded as a decision instance (`ei`: the
   * business rule task that called it).
   */
  evaluate(decision: DecisionRec, variables: Vars, ei?: ElementInstanceRec): DecisionEvaluation {
    const { state } = this.deps;
    const drg = state.decision.requirements.get(decision.decisionRequirementsKey)!;
    const model = state.decision.drg(drg.key)!;
    const decisionEvaluationKey = this.deps.nextKey();
    let r: DecisionEvaluation;
    try {
      const result = evaluateDecision(model, decision.decisionId, variables, this.deps.feelOptions());
      const instanceKeys = result.evaluatedDecisions.map(() => this.deps.nextKey());
      r = { ...result, decision, drg, decisionEvaluationKey, instanceKeys };
    } catch (err) {
      if (!(err instanceof DecisionEvaluationFailure)) throw err;
      r = {
        output: null,
        evaluatedDecisions: err.evaluatedDecisions,
        decision,
        drg,
        decisionEvaluationKey,
        instanceKeys: err.evaluatedDecisions.map(() => this.deps.nextKey()),
        failure: { decisionId: err.failedDecisionId, message: err.message, instanceKey: this.deps.nextKey() },
      };
    }
    for (const row of this.decisionInstances(r, ei)) this.deps.recordDecisionInstance(row);
    return r;
  }

  /**
   * Camunda 8.8's decision instances of one evaluation (DecisionInstanceGetQueryResult, as the
   * exporters write them): one per evaluated decision, required decisions first, and last the one
   * that failed (state FAILED with the evaluation's failure message). Outside a process instance the
   * process keys are -1, as Zeebe's DecisionEvaluationRecord leaves them.
   */
  private decisionInstances(
    r: DecisionEvaluation,
    ei: ElementInstanceRec | undefined,
  ): Record<string, unknown>[] {
    const { state } = this.deps;
    const recs = new Map<string, DecisionRec>();
    for (const d of state.decision.decisions.values())
      if (d.decisionRequirementsKey === r.drg.key) recs.set(d.decisionId, d);
    const evaluationDate = this.deps.nowIso();
    const row = (
      key: string,
      decisionId: string,
      name: string | undefined,
      type: string,
      failed: boolean,
      output: unknown,
      inputs: EvaluatedDecision['evaluatedInputs'],
      rules: EvaluatedDecision['matchedRules'],
    ) => {
      const rec = recs.get(decisionId) ?? r.decision;
      return {
        decisionEvaluationInstanceKey: key,
        state: failed ? 'FAILED' : 'EVALUATED',
        evaluationDate,
        ...(failed ? { evaluationFailure: r.failure!.message } : {}),
        decisionDefinitionId: decisionId,
        decisionDefinitionName: name ?? rec.name ?? decisionId,
        decisionDefinitionVersion: rec.version,
        decisionDefinitionType: type,
        result: jsonText(output),
        tenantId: TENANT,
        decisionEvaluationKey: r.decisionEvaluationKey,
        processDefinitionKey: ei?.processDefinitionKey ?? '-1',
        processInstanceKey: ei?.processInstanceKey ?? '-1',
        elementInstanceKey: ei?.key ?? '-1',
        decisionDefinitionKey: rec.key,
        rootDecisionDefinitionKey: r.decision.key,
        evaluatedInputs: evaluatedInputsRecord(inputs),
        matchedRules: matchedRulesRecord(rules),
      };
    };
    const rows = r.evaluatedDecisions.map((e, n) =>
      row(
        r.instanceKeys[n],
        e.decisionId,
        e.decisionName,
        e.decisionType,
        false,
        e.output,
        e.evaluatedInputs,
        e.matchedRules,
      ),
    );
    if (r.failure) {
      const failed = state.decision.drg(r.drg.key)?.decisions.find((d) => d.id === r.failure!.decisionId);
      const type = failed?.logic.kind ?? 'UNKNOWN';
      rows.push(row(r.failure.instanceKey, r.failure.decisionId, failed?.name, type, true, null, [], []));
    }
    return rows;
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
    const r = this.evaluate(decision, this.deps.visibleVariables(ei.key), ei);
    if (r.failure) throw new StepFailure('DECISION_EVALUATION_ERROR', r.failure.message);
    return r.output;
  }
}

const jsonText = (v: unknown) => JSON.stringify(v ?? null);

/** A decision's evaluated inputs as Zeebe's records and the API carry them: values as JSON texts. */
export function evaluatedInputsRecord(inputs: EvaluatedDecision['evaluatedInputs']) {
  return inputs.map((i) => ({
    inputId: i.inputId,
    inputName: i.inputName,
    inputValue: jsonText(i.inputValue),
  }));
}

/** A decision's matched rules as Zeebe's records and the API carry them: output values as JSON texts. */
export function matchedRulesRecord(rules: EvaluatedDecision['matchedRules']) {
  return rules.map((m) => ({
    ruleId: m.ruleId,
    ruleIndex: m.ruleIndex,
    evaluatedOutputs: m.evaluatedOutputs.map((o) => ({
      outputId: o.outputId,
      outputName: o.outputName,
      outputValue: jsonText(o.outputValue),
    })),
  }));
}
