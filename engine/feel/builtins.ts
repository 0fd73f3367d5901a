import { randomUUID } from 'node:crypto';
import { clockDate, clockDateTime, isDateTime, temporalKind } from './temporal';
import { toJsonValue } from './convert';

/**
 * Camunda extensions to FEEL that @bpmn-io/feelin does not provide (or provides with a narrower
 * signature), following the Camunda 8.8 built-in function reference. feelin resolves a function
 * name from the evaluation context before its own built-ins, so these are passed in the context.
 */

/** Thrown by `assert()`; unlike other failures it must surface as an incident, not as null. */
export class FeelAssertionError extends Error {}

type FeelFunction = ((...args: any[]) => unknown) & { $args: string[] };

/**
 * Declares a FEEL function with named parameters. A failure inside the implementation yields null,
 * as FEEL's built-ins do, except for assertion failures.
 */
function feelFunction(parameterNames: string[], impl: (...args: any[]) => unknown): FeelFunction {
  const wrapped = (...args: unknown[]): unknown => {
    try {
      const result = impl(...args);
      return result === undefined ? null : result;
    } catch (err) {
      if (err instanceof FeelAssertionError) throw err;
      return null;
    }
  };
  return Object.assign(wrapped, { $args: parameterNames });
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Structural key for equality of FEEL values in list functions. */
function valueKey(value: unknown): string {
  return JSON.stringify(toJsonValue(value), (_k, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const STATIC_FUNCTIONS: Record<string, FeelFunction> = {
  'is defined': feelFunction(['value'], (value) => value !== null && value !== undefined),
  'get or else': feelFunction(['value', 'default'], (value, fallback) => value ?? fallback ?? null),
  assert: feelFunction(['value', 'condition', 'cause'], (value, condition, cause) => {
    if (condition !== true)
      throw new FeelAssertionError(isString(cause) ? cause : 'The condition is not fulfilled');
    return value;
  }),

  trim: feelFunction(['string'], (s) => (isString(s) ? s.trim() : null)),
  'is blank': feelFunction(['string'], (s) => (isString(s) ? s.trim() === '' : null)),
  'is empty': feelFunction(['list'], (v) =>
    Array.isArray(v) ? v.length === 0 : isString(v) ? v === '' : null,
  ),
  uuid: feelFunction([], () => randomUUID()),
  'to base64': feelFunction(['value'], (s) =>
    isString(s) ? Buffer.from(s, 'utf8').toString('base64') : null,
  ),
  extract: feelFunction(['string', 'pattern'], (s, pattern) =>
    isString(s) && isString(pattern) ? Array.from(s.matchAll(new RegExp(pattern, 'gu')), (m) => m[0]) : null,
  ),
  'string join': feelFunction(
    ['list', 'delimiter', 'prefix', 'suffix'],
    (list, delimiter, prefix, suffix) => {
      if (!Array.isArray(list) || list.some((e) => e !== null && !isString(e))) return null;
      const optional = [delimiter, prefix, suffix];
      if (optional.some((v) => v !== undefined && v !== null && !isString(v))) return null;
      const joined = list.filter(isString).join((delimiter as string | null | undefined) ?? '');
      return `${(prefix as string | null | undefined) ?? ''}${joined}${(suffix as string | null | undefined) ?? ''}`;
    },
  ),

  partition: feelFunction(['list', 'size'], (list, size) => {
    if (!Array.isArray(list) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return null;
    const parts: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
    return parts;
  }),
  'duplicate values': feelFunction(['list'], (list) => {
    if (!Array.isArray(list)) return null;
    const seen = new Map<string, number>();
    const firsts: unknown[] = [];
    for (const item of list) {
      const key = valueKey(item);
      const count = seen.get(key) ?? 0;
      if (count === 1) firsts.push(item);
      seen.set(key, count + 1);
    }
    return firsts;
  }),

  'last day of month': feelFunction(['date'], (d) =>
    isDateTime(d) && temporalKind(d) !== 'time' ? d.daysInMonth : null,
  ),

  // feelin's `get value` takes a single key; Camunda also accepts a path of keys.
  'get value': feelFunction(['context', 'key'], (context, key) => {
    const keys = Array.isArray(key) ? key : [key];
    let current: unknown = context;
    for (const k of keys) {
      if (!isString(k) || !isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, k))
        return null;
      current = current[k];
    }
    return current;
  }),

  'from json': feelFunction(['value'], (s) => (isString(s) ? (JSON.parse(s) as unknown) : null)),
  'to json': feelFunction(['value'], (value) => JSON.stringify(toJsonValue(value))),
  'random number': feelFunction([], () => Math.random()),
};

/** Names of the functions added here, for parsing without variables (deploy-time checks). */
export const EXTENSION_FUNCTION_NAMES = [...Object.keys(STATIC_FUNCTIONS), 'now', 'today'];

/**
 * The extension functions for one evaluation. `now()` and `today()` read the given clock
 * (the engine's, possibly pinned) and never the wall clock when one is given.
 */
export function extensionFunctions(now: Date | undefined): Record<string, FeelFunction> {
  const clock = (): Date => now ?? new Date();
  return {
    ...STATIC_FUNCTIONS,
    now: feelFunction([], () => clockDateTime(clock())),
    today: feelFunction([], () => clockDate(clock())),
  };
}
