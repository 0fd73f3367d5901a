import { formatDateTime, formatDuration, isDateTime, isDuration } from './temporal';

/**
 * Converts a FEEL value into the JSON value Zeebe stores as a variable: temporal values become
 * strings, contexts plain objects; functions and ranges, which Zeebe cannot store, become null.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isDateTime(value)) return formatDateTime(value);
  if (isDuration(value)) return formatDuration(value);
  if (Object.getPrototypeOf(value) !== Object.prototype) return null; // feelin Range, FunctionWrapper
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) result[key] = toJsonValue(entry);
  return result;
}
