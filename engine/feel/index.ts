import vm from 'node:vm';
import { evaluate, parseExpression, parseUnaryTests, unaryTest } from '@bpmn-io/feelin';
import { answerCache, answerKey, keepAnswer } from './answers';
import { EXTENSION_FUNCTION_NAMES, FeelAssertionError } from './builtins';
import { evaluationContext, expressionInfo } from './context';
import { toJsonValue } from './convert';

export { toJsonValue } from './convert';

/** Evaluation failure that Zeebe would turn into an incident. */
export class FeelEvaluationError extends Error {
  constructor(
    readonly expression: string,
    reason: string,
  ) {
    super(`failed to evaluate expression '${expression}': ${reason}`);
    this.name = 'FeelEvaluationError';
  }
}

export interface FeelOptions {
  /** The engine clock; `now()` and `today()` read it instead of the wall clock. */
  now?: Date;
  /** Largest JSON result, in bytes; a larger one is an evaluation failure (an incident). */
  maxOutputBytes?: number;
  /** Longest the evaluation may run, in milliseconds; a longer one is interrupted and fails. */
  timeoutMs?: number;
}

// One reusable context: `vm`'s timeout interrupts whatever runs on this thread during the call,
// including feelin's functions from the host realm, so a runaway expression cannot hold the engine.
const budgetContext = vm.createContext({ run: undefined, out: undefined });
const budgetScript = new vm.Script('out = run(); run = undefined;');

class FeelTimeoutError extends Error {}

function withinBudget<T>(fn: () => T, timeoutMs: number | undefined): T {
  if (timeoutMs === undefined) return fn();
  const ctx = budgetContext as { run?: () => T; out?: T };
  ctx.run = fn;
  try {
    budgetScript.runInContext(budgetContext, { timeout: timeoutMs });
    return ctx.out as T;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new FeelTimeoutError(`the evaluation took longer than the limit of ${timeoutMs} ms`);
    throw err;
  } finally {
    ctx.run = undefined;
    ctx.out = undefined;
  }
}

/** Syntax nodes whose evaluation can loop over data or recurse: such an expression runs under the budget. */
const UNBOUNDED_NODES = new Set([
  'ForExpression',
  'QuantifiedExpression',
  'FilterExpression',
  'FunctionDefinition',
  'Interval',
]);
/** Built-ins that run in time linear in their arguments (no regular expressions, no repetition). */
const LINEAR_FUNCTIONS = new Set([
  'not',
  'string',
  'number',
  'is defined',
  'count',
  'string length',
  'upper case',
  'lower case',
  'contains',
  'starts with',
  'ends with',
  'substring',
  'abs',
  'floor',
  'ceiling',
  'decimal',
  'min',
  'max',
  'sum',
  'list contains',
  'get value',
]);

/**
 * True when an expression cannot run away: no iteration, no user functions, and only built-ins
 * that run in linear time. Such expressions skip the time budget, whose watchdog thread costs
 * more than the evaluation itself; a syntax error is left to `evaluate` to report.
 */
export function isBounded(text: string): boolean {
  const info = expressionInfo(text);
  if (info.bounded !== undefined) return info.bounded;
  let bounded = true;
  try {
    parseExpression(text, PARSE_CONTEXT, undefined).iterate({
      enter(node) {
        if (!bounded) return false;
        if (node.type.isError || UNBOUNDED_NODES.has(node.type.name)) bounded = false;
        else if (node.type.name === 'FunctionInvocation') {
          const callee = node.node.firstChild;
          const name = callee?.type.name === 'VariableName' ? text.slice(callee.from, callee.to) : '';
          if (!LINEAR_FUNCTIONS.has(name)) bounded = false;
        }
        return undefined;
      },
    });
  } catch {
    bounded = false;
  }
  info.bounded = bounded;
  return bounded;
}

export interface FeelResult {
  value: unknown;
  /** Why parts of the expression became null (missing variables, type mismatches), for logs. */
  warnings: string[];
}

const stripEquals = (expression: string): string =>
  expression.startsWith('=') ? expression.slice(1) : expression;

const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'not',
  'and',
  'or',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'between',
  'instance',
  'of',
  'function',
  'external',
]);
const SIMPLE_PATH = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;

/**
 * Most mappings are a bare variable or a property path (`=applicationId`, `=result.fee`). They are
 * resolved here without parsing, with FEEL's semantics: a missing property is null. Returns
 * `undefined` when the expression is not such a path or needs FEEL (lists, builtin names).
 */
function resolveSimplePath(
  expression: string,
  variables: Record<string, unknown>,
): { value: unknown } | undefined {
  const match = SIMPLE_PATH.exec(expression);
  if (!match) return undefined;
  const [head, ...rest] = match[1].split('.');
  if (KEYWORDS.has(head) || !Object.prototype.hasOwnProperty.call(variables, head)) return undefined;
  let current: unknown = variables[head];
  for (const key of rest) {
    if (current === null || current === undefined) return { value: null };
    if (typeof current !== 'object' || Array.isArray(current)) return undefined; // path over a list maps
    current = Object.prototype.hasOwnProperty.call(current, key)
      ? (current as Record<string, unknown>)[key]
      : null;
  }
  return { value: current ?? null };
}

/**
 * Evaluates a FEEL expression (the text after `=`) against JSON variables and returns the JSON
 * value Zeebe would store. A missing variable or property is null (reported as a warning), as in
 * Zeebe; only a syntax error or a failed `assert()` throws.
 */
export function evaluateFeel(
  expression: string,
  variables: Record<string, unknown>,
  opts: FeelOptions = {},
): FeelResult {
  const text = stripEquals(expression);
  const simple = resolveSimplePath(text, variables);
  if (simple) return { value: simple.value, warnings: [] };
  // Variables shadow the extension functions, as feelin lets them shadow its own built-ins.
  const context = evaluationContext(text, variables, opts.now);
  const key = answerKey('expression', text, context);
  const kept = key === undefined ? undefined : answerCache.get(key.key);
  let value: unknown;
  let warnings: string[];
  if (kept) {
    value = kept.value;
    warnings = [...kept.warnings];
  } else {
    let result: { value: unknown; warnings: { message: string }[] };
    try {
      [result, value] = withinBudget(
        () => {
          const r = evaluate(text, context);
          return [r, toJsonValue(r.value)] as const;
        },
        isBounded(text) ? undefined : opts.timeoutMs,
      );
    } catch (err) {
      throw new FeelEvaluationError(text, describeFailure(err));
    }
    warnings = result.warnings.map((w) => w.message);
    if (key !== undefined && kept === undefined)
      keepAnswer(key, () => parseExpression(text, context, undefined), value, warnings);
  }
  if (opts.maxOutputBytes !== undefined) {
    const json = JSON.stringify(value) ?? 'null';
    const bytes = json.length * 3 > opts.maxOutputBytes ? Buffer.byteLength(json) : 0;
    if (bytes > opts.maxOutputBytes)
      throw new FeelEvaluationError(
        text,
        `the result is ${bytes} bytes, more than the limit of ${opts.maxOutputBytes} bytes`,
      );
  }
  return { value, warnings };
}

function describeFailure(err: unknown): string {
  if (err instanceof FeelAssertionError) return `Assertion failure: ${err.message}`;
  if (err instanceof FeelTimeoutError) return err.message;
  const e = err as { message?: string; position?: { from: number } };
  const position = e.position ? ` at position ${e.position.from}` : '';
  return `${e.message ?? String(err)}${position}`;
}

/**
 * Evaluates an expression to feelin's own value (dates stay dates), for DMN inputs that are then
 * matched against unary tests; {@link toJsonValue} turns it into what Zeebe reports.
 */
export function evaluateFeelValue(
  expression: string,
  variables: Record<string, unknown>,
  opts: FeelOptions = {},
): unknown {
  const text = stripEquals(expression);
  const context = evaluationContext(text, variables, opts.now);
  try {
    return withinBudget(() => evaluate(text, context).value, opts.timeoutMs);
  } catch (err) {
    throw new FeelEvaluationError(text, describeFailure(err));
  }
}

/**
 * Whether `input` satisfies DMN unary tests (`< 18`, `[1..10]`, `"a","b"`, `not(1, 2)`, `-`): an
 * empty entry or `-` matches anything; a result other than true (null included) does not match.
 */
export function matchesUnaryTests(
  tests: string,
  input: unknown,
  variables: Record<string, unknown>,
  opts: FeelOptions = {},
): boolean {
  const text = tests.trim();
  if (text === '' || text === '-') return true;
  // The implicit input is read by name by feelin, whether or not the text mentions `?`.
  const context = evaluationContext(text, variables, opts.now);
  context['?'] = input;
  const key = answerKey('unary tests', text, context);
  const kept = key === undefined ? undefined : answerCache.get(key.key);
  if (kept) return kept.value === true;
  let value: unknown;
  let warnings: string[];
  try {
    [value, warnings] = withinBudget(() => {
      const r = unaryTest(text, context);
      return [r.value, r.warnings.map((w) => w.message)] as const;
    }, opts.timeoutMs);
  } catch (err) {
    throw new FeelEvaluationError(text, describeFailure(err));
  }
  if (key !== undefined && kept === undefined)
    keepAnswer(key, () => parseUnaryTests(text, context, undefined), value, warnings);
  return value === true;
}

/** {@link evaluateFeel} without the warnings. */
export function evaluateExpression(
  expression: string,
  variables: Record<string, unknown>,
  opts?: FeelOptions,
): unknown {
  return evaluateFeel(expression, variables, opts).value;
}

/**
 * A Zeebe property that may be static or an expression: `=…` is evaluated, anything else is the
 * literal string (undefined stays undefined: the property is absent).
 */
export function evaluateValue(
  valueOrExpression: string | undefined,
  variables: Record<string, unknown>,
  opts?: FeelOptions,
): unknown {
  if (valueOrExpression === undefined) return undefined;
  return valueOrExpression.startsWith('=')
    ? evaluateExpression(valueOrExpression.slice(1), variables, opts)
    : valueOrExpression;
}

/**
 * A sequence-flow condition, with or without the leading `=`. Anything but a boolean (null
 * included) is an error, because Zeebe raises an incident instead of taking or skipping the flow.
 */
export function evaluateCondition(
  expression: string,
  variables: Record<string, unknown>,
  opts?: FeelOptions,
): boolean {
  const text = stripEquals(expression);
  const value = evaluateExpression(text, variables, opts);
  if (typeof value !== 'boolean') {
    const found =
      value === null ? 'null' : `${Array.isArray(value) ? 'list' : typeof value} ${JSON.stringify(value)}`;
    throw new FeelEvaluationError(text, `expected boolean but found ${found}`);
  }
  return value;
}

const PARSE_CONTEXT = Object.fromEntries(EXTENSION_FUNCTION_NAMES.map((name) => [name, null]));

/**
 * Checks the syntax of an expression without evaluating it, for rejecting a diagram at deploy.
 * Returns the reason it cannot be parsed, or undefined when it parses.
 */
export function checkExpressionSyntax(expression: string): string | undefined {
  const text = stripEquals(expression);
  const tree = parseExpression(text, PARSE_CONTEXT, undefined);
  let problem: string | undefined;
  tree.iterate({
    enter(node) {
      if (problem) return false;
      if (node.type.isError) {
        problem = `failed to parse expression '${text}': unexpected input at position ${node.from}`;
        return false;
      }
      return undefined;
    },
  });
  return problem;
}
