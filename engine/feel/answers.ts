import type { parseExpression } from '@bpmn-io/feelin';
import { BoundedCache } from './cache';

type Tree = ReturnType<typeof parseExpression>;

/**
 * Answers of FEEL evaluations kept by their exact inputs. feelin re-parses an expression on every
 * call and its parsed form cannot be reused, so what is kept is the answer: a condition such as
 * `documentsComplete = true` or a decision rule `< 18` is asked again and again with the same few
 * values. An answer is kept only when it is a pure function of its inputs:
 * - every entry of the context handed to feelin (see `context.ts`) is a JSON scalar, and the key
 *   holds the expression, those entries' names and values, in order;
 * - the expression, parsed with that very context, has no function call (`now()`, `uuid()`,
 *   `random number()` and the rest) and no syntax error;
 * - the answer is a JSON scalar, so no caller can change what is kept.
 * A kept answer was first computed within the time budget; answering it again does no work.
 */

export interface Answer {
  value: string | number | boolean | null;
  warnings: readonly string[];
}

/** Bounded in entries and in total key length (expression and values). */
export const answerCache = new BoundedCache<Answer | null>(10_000, 1_000_000);

const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  // JSON would write -0 as 0 and non-finite numbers as null: such values are not keyed.
  (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0));

/** The key for an evaluation, or undefined when the context holds more than JSON scalars. */
export function answerKey(
  kind: 'expression' | 'unary tests',
  text: string,
  context: Record<string, unknown>,
): string | undefined {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(context)) {
    const value = context[key];
    if (!isScalar(value)) return undefined;
    entries.push([key, value]);
  }
  return `${kind} ${text.length}:${text}${JSON.stringify(entries)}`;
}

/** What to keep under a key after a fresh evaluation: the answer, or null when it is not pure. */
export function answerToKeep(tree: () => Tree, value: unknown, warnings: string[]): Answer | null {
  if (!isScalar(value)) return null;
  let pure = true;
  tree().iterate({
    enter(node) {
      if (!pure) return false;
      if (node.type.isError || node.type.name === 'FunctionInvocation') pure = false;
      return undefined;
    },
  });
  return pure ? { value, warnings: Object.freeze([...warnings]) } : null;
}
