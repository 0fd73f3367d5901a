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

/** Bounded in entries and in total length of keys (expression, values) and answers. */
export const answerCache = new BoundedCache<Answer | null>(10_000, 1_000_000);

const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  // JSON would write -0 as 0 and non-finite numbers as null: such values are not keyed.
  (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0));

/**
 * Whether an expression has no function call and no syntax error, by the expression and the names
 * of its context (with scalar values only the names shape the parse, not the values).
 */
export const purityCache = new BoundedCache<boolean>(10_000, 1_000_000);

export interface AnswerKey {
  /** The expression and the names of the context: what the parse depends on. */
  shape: string;
  /** The shape and the values: what the answer depends on. */
  key: string;
}

/** The key for an evaluation, or undefined when the context holds more than JSON scalars. */
export function answerKey(
  kind: 'expression' | 'unary tests',
  text: string,
  context: Record<string, unknown>,
): AnswerKey | undefined {
  const names = Object.keys(context);
  const values: unknown[] = [];
  for (const name of names) {
    const value = context[name];
    if (!isScalar(value)) return undefined;
    values.push(value);
  }
  // JSON arrays end where they close and the text is preceded by its length: no two inputs collide.
  const shape = `${kind} ${text.length}:${text}${JSON.stringify(names)}`;
  return { shape, key: `${shape}${JSON.stringify(values)}` };
}

/**
 * Keeps under `key` what a fresh evaluation answered, or null when it is not pure. The text of the
 * answer (a string value, the warnings) counts towards the cache's bound, as the key does.
 */
export function keepAnswer(key: AnswerKey, tree: () => Tree, value: unknown, warnings: string[]): void {
  const answer = answerToKeep(key.shape, tree, value, warnings);
  const chars =
    (typeof answer?.value === 'string' ? answer.value.length : 0) +
    (answer?.warnings.reduce((sum, w) => sum + w.length, 0) ?? 0);
  answerCache.set(key.key, answer, chars);
}

function answerToKeep(shape: string, tree: () => Tree, value: unknown, warnings: string[]): Answer | null {
  if (!isScalar(value)) return null;
  let pure = purityCache.get(shape);
  if (pure === undefined) {
    let found = true;
    tree().iterate({
      enter(node) {
        if (!found) return false;
        if (node.type.isError || node.type.name === 'FunctionInvocation') found = false;
        return undefined;
      },
    });
    pure = found;
    purityCache.set(shape, pure);
  }
  return pure ? { value, warnings: Object.freeze([...warnings]) } : null;
}
