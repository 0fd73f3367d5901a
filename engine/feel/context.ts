import { EXTENSION_FUNCTION_NAMES, extensionFunctions } from './builtins';
import { BoundedCache } from './cache';

/**
 * The evaluation context handed to feelin, cut down to the entries that can matter.
 *
 * feelin parses an expression on every evaluation, and the parser (lezer-feel) first indexes every
 * name of the context (normalised, with all its prefixes) because FEEL names may contain spaces
 * and operators (`is defined`, `a-b`): whether `a-b` is one name or a subtraction depends on the
 * context. That indexing costs more than parsing a short condition, and grows with the number of
 * variables. feelin keeps its parsed tree and interpreter to itself, so the tree cannot be cached;
 * what can be cut is the context it indexes.
 *
 * The parser matches a context name only against a run of tokens read from the expression's text,
 * so a name whose first token does not occur in the text cannot change the parse; the interpreter
 * likewise looks up only names read from the text. An entry is therefore kept when the text
 * contains its leading run of characters up to the first space or operator character (a prefix of
 * the first token of lezer-feel's normalised name, so the test errs on the side of keeping) at a
 * place where a name can start.
 * Values are kept whole, so nested names (`a.b c`) are seen exactly as before.
 */

/** Whitespace and the characters lezer-feel treats as operators inside names (`'./-+*^`). */
const LEADING_RUN = /^[^\s'./\-+*^]*/u;

/** The part of a context name that must occur in an expression for the name to matter to it. */
export function nameLead(name: string): string {
  return LEADING_RUN.exec(name.trimStart())?.[0] ?? '';
}

const ASCII_NAME_CHAR = /[A-Za-z_]/;

/**
 * Whether `lead` occurs in `text` where a name can start. An occurrence right after an ASCII letter
 * or underscore cannot: the tokenizer reads such a run of letters as one identifier (`is` inside
 * `ministers`). Every other occurrence counts, and an empty lead is found everywhere.
 */
export function mayStartName(text: string, lead: string): boolean {
  for (let at = text.indexOf(lead); at !== -1; at = text.indexOf(lead, at + 1))
    if (at === 0 || !ASCII_NAME_CHAR.test(text[at - 1])) return true;
  return false;
}

const EXTENSION_LEADS = EXTENSION_FUNCTION_NAMES.map((name) => [name, nameLead(name)] as const);

/** What is worked out once per expression text. */
export interface ExpressionInfo {
  /** Extension functions whose names may occur in the text. */
  readonly extensions: readonly string[];
  /** Whether the expression cannot run away (see `isBounded`), once computed. */
  bounded?: boolean;
}

/** Per expression text; bounded in entries and in total text length. */
export const expressionInfoCache = new BoundedCache<ExpressionInfo>(10_000, 2_000_000);

export function expressionInfo(text: string): ExpressionInfo {
  let info = expressionInfoCache.get(text);
  if (!info) {
    info = {
      extensions: EXTENSION_LEADS.filter(([, lead]) => mayStartName(text, lead)).map(([name]) => name),
    };
    expressionInfoCache.set(text, info);
  }
  return info;
}

function put(context: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment of `__proto__` would set the prototype instead of adding an entry.
  if (key === '__proto__')
    Object.defineProperty(context, key, { value, enumerable: true, writable: true, configurable: true });
  else context[key] = value;
}

/**
 * The context for evaluating `text`: the extension functions (the engine clock's `now()` and
 * `today()`), shadowed by the variables, as `{ ...extensionFunctions(now), ...variables }` would
 * give, minus the entries the text cannot refer to. Key order is kept, since feelin takes the first
 * of two names that normalise alike.
 */
export function evaluationContext(
  text: string,
  variables: Record<string, unknown>,
  now: Date | undefined,
): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  const { extensions } = expressionInfo(text);
  if (extensions.length > 0) {
    const functions = extensionFunctions(now);
    for (const name of extensions) context[name] = functions[name];
  }
  for (const key of Object.keys(variables)) {
    if (mayStartName(text, nameLead(key))) put(context, key, variables[key]);
  }
  return context;
}
