import { DmnModdle } from 'dmn-moddle';
import { checkExpressionSyntax } from '../feel';
import { UnsupportedModelError } from '../model/types';

/**
 * DMN 1.3 decision requirements graphs (one per .dmn resource), read with dmn-moddle. Only what
 * Zeebe's DMN engine evaluates is kept: decision tables and literal expressions, and the decisions
 * each one requires.
 */

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionTable {
  kind: 'DECISION_TABLE';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: { id: string; label?: string; expression: string }[];
  /** Output values (FEEL literals, in priority order) matter for PRIORITY and OUTPUT ORDER. */
  outputs: { id: string; name: string; label?: string; outputValues?: string }[];
  rules: { id: string; inputEntries: string[]; outputEntries: string[] }[];
}

export interface LiteralExpression {
  kind: 'LITERAL_EXPRESSION';
  expression: string;
}

export interface DecisionModel {
  id: string;
  name?: string;
  logic: DecisionTable | LiteralExpression;
  /** Ids of the decisions whose results this one reads (information requirements). */
  required: string[];
}

export interface DrgModel {
  /** The `definitions` id: Zeebe's decisionRequirementsId. */
  id: string;
  name?: string;
  decisions: DecisionModel[];
}

const HIT_POLICIES: HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

let moddle: DmnModdle | undefined;

type Problem = { elementId: string; message: string };

/** Parses a .dmn resource; anything Zeebe would refuse to deploy is an UnsupportedModelError. */
export async function parseDmn(xml: string, resourceName: string): Promise<DrgModel> {
  moddle ??= new DmnModdle();
  let root: any;
  try {
    const result = await moddle.fromXML(xml, 'dmn:Definitions');
    root = result.rootElement;
  } catch (err) {
    throw new UnsupportedModelError(
      [{ elementId: resourceName, message: `not valid DMN XML: ${(err as Error).message}` }],
      resourceName,
    );
  }
  const problems: Problem[] = [];
  if (!root?.id) problems.push({ elementId: resourceName, message: 'the definitions need an id' });
  const decisions: DecisionModel[] = [];
  for (const el of (root?.drgElement ?? []) as any[]) {
    if (el.$type === 'dmn:BusinessKnowledgeModel' || el.$type === 'dmn:DecisionService') {
      problems.push({
        elementId: el.id ?? resourceName,
        message: 'business knowledge models and decision services are not supported',
      });
      continue;
    }
    if (el.$type !== 'dmn:Decision') continue;
    const decision = buildDecision(el, problems);
    if (decision) decisions.push(decision);
  }
  if (decisions.length === 0 && problems.length === 0)
    problems.push({ elementId: resourceName, message: 'contains no decision' });
  const ids = new Set(decisions.map((d) => d.id));
  for (const d of decisions)
    for (const r of d.required)
      if (!ids.has(r))
        problems.push({
          elementId: d.id,
          message: `requires decision '${r}', which is not in this resource`,
        });
  const cycle = findCycle(decisions);
  if (cycle) problems.push({ elementId: cycle, message: 'the required decisions form a cycle' });
  if (problems.length) throw new UnsupportedModelError(problems, resourceName);
  return { id: root.id, name: root.name, decisions };
}

function buildDecision(el: any, problems: Problem[]): DecisionModel | undefined {
  const p = (message: string) => problems.push({ elementId: el.id, message });
  if (!el.id) {
    problems.push({ elementId: '?', message: 'a decision needs an id' });
    return undefined;
  }
  const required = ((el.informationRequirement ?? []) as any[])
    .map((ir) => ir.requiredDecision?.href as string | undefined)
    .filter((href): href is string => typeof href === 'string')
    .map((href) => href.replace(/^#/, ''));
  const logic = el.decisionLogic;
  const feel = (text: string | undefined, what: string, allowEmpty = false) => {
    const t = (text ?? '').trim();
    if (!t) {
      if (!allowEmpty) p(`${what} is empty`);
      return t;
    }
    const problem = checkExpressionSyntax(t);
    if (problem) p(`${what}: ${problem}`);
    return t;
  };
  if (logic?.$type === 'dmn:LiteralExpression') {
    return {
      id: el.id,
      name: el.name,
      required,
      logic: { kind: 'LITERAL_EXPRESSION', expression: feel(logic.text, 'the literal expression') },
    };
  }
  if (logic?.$type !== 'dmn:DecisionTable') {
    p('only decision tables and literal expressions are supported');
    return undefined;
  }
  const hitPolicy = (logic.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) p(`unknown hit policy '${hitPolicy}'`);
  const aggregation = logic.aggregation as Aggregation | undefined;
  if (aggregation !== undefined) {
    if (!AGGREGATIONS.includes(aggregation)) p(`unknown aggregation '${aggregation}'`);
    if (hitPolicy !== 'COLLECT') p('an aggregation is only allowed with the hit policy COLLECT');
  }
  const inputs = ((logic.input ?? []) as any[]).map((i) => ({
    id: i.id as string,
    label: i.label as string | undefined,
    expression: feel(i.inputExpression?.text, `input '${i.id}'`),
  }));
  const outputs = ((logic.output ?? []) as any[]).map((o) => ({
    id: o.id as string,
    name: (o.name as string | undefined) ?? '',
    label: o.label as string | undefined,
    outputValues: (o.outputValues?.text as string | undefined)?.trim() || undefined,
  }));
  if (outputs.length === 0) p('a decision table needs at least one output');
  if (outputs.length > 1 && outputs.some((o) => !o.name))
    p('each output of a decision table with several outputs needs a name');
  if (aggregation && outputs.length > 1) p('an aggregation needs a decision table with one output');
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && outputs.every((o) => !o.outputValues))
    p(`the hit policy ${hitPolicy} needs output values that give the priority`);
  const rules = ((logic.rule ?? []) as any[]).map((r, n) => {
    const inputEntries = ((r.inputEntry ?? []) as any[]).map((e) => (e.text ?? '').trim() as string);
    const outputEntries = ((r.outputEntry ?? []) as any[]).map((e, k) =>
      feel(e.text, `rule ${n + 1}, output ${k + 1}`, true),
    );
    if (inputEntries.length !== inputs.length)
      p(`rule '${r.id}' has ${inputEntries.length} input entries for ${inputs.length} inputs`);
    if (outputEntries.length !== outputs.length)
      p(`rule '${r.id}' has ${outputEntries.length} output entries for ${outputs.length} outputs`);
    return { id: r.id as string, inputEntries, outputEntries };
  });
  return {
    id: el.id,
    name: el.name,
    required,
    logic: { kind: 'DECISION_TABLE', hitPolicy, aggregation, inputs, outputs, rules },
  };
}

function findCycle(decisions: DecisionModel[]): string | undefined {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): string | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return id;
    state.set(id, 'visiting');
    for (const r of byId.get(id)?.required ?? []) {
      const c = visit(r);
      if (c) return c;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const d of decisions) {
    const c = visit(d.id);
    if (c) return c;
  }
  return undefined;
}
