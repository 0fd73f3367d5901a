import { evaluateFeel, evaluateFeelValue, FeelOptions, matchesUnaryTests, toJsonValue } from '../feel';
import type { DecisionModel, DecisionTable, DrgModel } from './parse';

/**
 * Evaluation of a decision and the decisions it requires, as Zeebe's DMN engine does it: each
 * required decision is evaluated first and its result is a variable named by its decision id; a
 * decision table matches its rules' input entries (unary tests) against its inputs and combines
 * the matched rules' outputs by its hit policy. Pure: no clock (given in `opts.now`), no I/O.
 */

export interface EvaluatedDecision {
  decisionId: string;
  decisionName?: string;
  decisionType: 'DECISION_TABLE' | 'LITERAL_EXPRESSION';
  output: unknown;
  evaluatedInputs: { inputId: string; inputName: string; inputValue: unknown }[];
  matchedRules: {
    ruleId: string;
    /** 1-based, as Zeebe reports it. */
    ruleIndex: number;
    evaluatedOutputs: { outputId: string; outputName: string; outputValue: unknown }[];
  }[];
}

export interface DecisionResult {
  output: unknown;
  /** Required decisions first, the called decision last. */
  evaluatedDecisions: EvaluatedDecision[];
}

/** An evaluation that failed; what was evaluated before the failure is kept, as Zeebe reports it. */
export class DecisionEvaluationFailure extends Error {
  constructor(
    readonly failedDecisionId: string,
    message: string,
    readonly evaluatedDecisions: EvaluatedDecision[],
  ) {
    super(`Expected to evaluate decision '${failedDecisionId}', but ${message}`);
    this.name = 'DecisionEvaluationFailure';
  }
}

export function evaluateDecision(
  drg: DrgModel,
  decisionId: string,
  variables: Record<string, unknown>,
  opts: FeelOptions = {},
): DecisionResult {
  const byId = new Map(drg.decisions.map((d) => [d.id, d]));
  const evaluated: EvaluatedDecision[] = [];
  const results = new Map<string, unknown>();
  const run = (d: DecisionModel): unknown => {
    if (results.has(d.id)) return results.get(d.id);
    const context: Record<string, unknown> = { ...variables };
    for (const r of d.required) context[r] = run(byId.get(r)!);
    let one: EvaluatedDecision;
    try {
      one =
        d.logic.kind === 'LITERAL_EXPRESSION'
          ? {
              decisionId: d.id,
              decisionName: d.name,
              decisionType: 'LITERAL_EXPRESSION',
              output: evaluateFeel(d.logic.expression, context, opts).value,
              evaluatedInputs: [],
              matchedRules: [],
            }
          : evaluateTable(d, d.logic, context, opts);
    } catch (err) {
      if (err instanceof DecisionEvaluationFailure) throw err;
      throw new DecisionEvaluationFailure(d.id, (err as Error).message, [...evaluated]);
    }
    evaluated.push(one);
    results.set(d.id, one.output);
    return one.output;
  };
  const decision = byId.get(decisionId);
  if (!decision) throw new Error(`no decision '${decisionId}' in '${drg.id}'`);
  const output = run(decision);
  return { output, evaluatedDecisions: evaluated };
}

function evaluateTable(
  d: DecisionModel,
  table: DecisionTable,
  context: Record<string, unknown>,
  opts: FeelOptions,
): EvaluatedDecision {
  const inputValues = table.inputs.map((i) => evaluateFeelValue(i.expression, context, opts));
  const matched: { index: number; id: string; values: unknown[] }[] = [];
  table.rules.forEach((rule, index) => {
    const hit = rule.inputEntries.every((entry, k) =>
      matchesUnaryTests(entry, inputValues[k], context, opts),
    );
    if (!hit) return;
    const values = rule.outputEntries.map((e) => (e ? evaluateFeel(e, context, opts).value : null));
    matched.push({ index, id: rule.id, values });
  });
  const shape = (values: unknown[]): unknown =>
    table.outputs.length === 1
      ? values[0]
      : Object.fromEntries(table.outputs.map((o, k) => [o.name, values[k]]));
  const fail = (message: string) => {
    throw new Error(message);
  };
  let hits = matched;
  let output: unknown;
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1)
        fail(
          `the hit policy UNIQUE allows one matching rule and ${matched.length} rules matched: ${matched
            .map((m) => `'${m.id}'`)
            .join(', ')}`,
        );
      output = matched.length ? shape(matched[0].values) : null;
      break;
    case 'ANY': {
      const distinct = new Set(matched.map((m) => JSON.stringify(m.values)));
      if (distinct.size > 1)
        fail(
          `the hit policy ANY needs the matching rules to have equal outputs, and rules ${matched
            .map((m) => `'${m.id}'`)
            .join(', ')} differ`,
        );
      hits = matched.slice(0, 1);
      output = matched.length ? shape(matched[0].values) : null;
      break;
    }
    case 'FIRST':
      hits = matched.slice(0, 1);
      output = hits.length ? shape(hits[0].values) : null;
      break;
    case 'PRIORITY':
      hits = byPriority(table, matched, context, opts).slice(0, 1);
      output = hits.length ? shape(hits[0].values) : null;
      break;
    case 'OUTPUT ORDER':
      hits = byPriority(table, matched, context, opts);
      output = hits.map((m) => shape(m.values));
      break;
    case 'RULE ORDER':
      output = matched.map((m) => shape(m.values));
      break;
    case 'COLLECT': {
      const values = matched.map((m) => m.values[0]);
      switch (table.aggregation) {
        case undefined:
          output = matched.map((m) => shape(m.values));
          break;
        case 'COUNT':
          output = values.length;
          break;
        default: {
          if (values.some((v) => typeof v !== 'number'))
            fail(`the aggregation ${table.aggregation} needs numbers, got ${JSON.stringify(values)}`);
          const nums = values as number[];
          if (nums.length === 0) output = null;
          else if (table.aggregation === 'SUM') output = nums.reduce((a, b) => a + b, 0);
          else if (table.aggregation === 'MIN') output = Math.min(...nums);
          else output = Math.max(...nums);
        }
      }
      break;
    }
  }
  return {
    decisionId: d.id,
    decisionName: d.name,
    decisionType: 'DECISION_TABLE',
    output,
    evaluatedInputs: table.inputs.map((i, k) => ({
      inputId: i.id,
      inputName: i.label ?? i.expression,
      inputValue: toJsonValue(inputValues[k]),
    })),
    matchedRules: hits.map((m) => ({
      ruleId: m.id,
      ruleIndex: m.index + 1,
      evaluatedOutputs: table.outputs.map((o, k) => ({
        outputId: o.id,
        outputName: o.name,
        outputValue: m.values[k],
      })),
    })),
  };
}

/**
 * Matched rules ordered by their outputs' priority: the position of each output value in the
 * output's list of values, first output first; a value outside the list comes last.
 */
function byPriority<T extends { index: number; values: unknown[] }>(
  table: DecisionTable,
  matched: T[],
  context: Record<string, unknown>,
  opts: FeelOptions,
): T[] {
  const lists = table.outputs.map((o) =>
    o.outputValues
      ? ((evaluateFeel(`[${o.outputValues}]`, context, opts).value as unknown[]) ?? []).map((v) =>
          JSON.stringify(v),
        )
      : [],
  );
  const rank = (m: T) =>
    m.values.map((v, k) => {
      if (lists[k].length === 0) return 0;
      const at = lists[k].indexOf(JSON.stringify(v));
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    });
  return [...matched].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k] - rb[k];
    return a.index - b.index;
  });
}
