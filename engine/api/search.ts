import { invalid } from '../runtime/errors';

/**
 * The search semantics of the Camunda 8.8 REST API: a filter object whose values are either plain
 * (equality) or advanced operators, a list of sort fields, and offset or cursor pagination.
 */
export interface SearchRequest {
  filter?: Record<string, unknown>;
  sort?: { field: string; order?: 'ASC' | 'DESC' | 'asc' | 'desc' }[];
  page?: { from?: number; limit?: number; after?: string; before?: string };
}

export interface SearchResponse<T> {
  items: T[];
  page: { totalItems: number; startCursor?: string; endCursor?: string; hasMoreTotalItems?: boolean };
}

const OPERATORS = new Set(['$eq', '$neq', '$exists', '$in', '$notIn', '$like', '$gt', '$gte', '$lt', '$lte']);

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  // Keys are int64 strings: compare them as numbers.
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    return a.length - b.length || (a < b ? -1 : 1);
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export function matchesCondition(actual: unknown, cond: unknown, field: string): boolean {
  if (cond === undefined) return true;
  if (cond !== null && typeof cond === 'object' && !Array.isArray(cond)) {
    const ops = Object.entries(cond as Record<string, unknown>);
    for (const [op, value] of ops) {
      if (!OPERATORS.has(op)) throw invalid(`unknown filter operator '${op}' on '${field}'`);
      switch (op) {
        case '$eq':
          if (!eq(actual, value)) return false;
          break;
        case '$neq':
          if (eq(actual, value)) return false;
          break;
        case '$exists':
          if ((actual !== undefined && actual !== null) !== value) return false;
          break;
        case '$in':
          if (!Array.isArray(value) || !value.some((v) => eq(actual, v))) return false;
          break;
        case '$notIn':
          if (Array.isArray(value) && value.some((v) => eq(actual, v))) return false;
          break;
        case '$like':
          if (typeof actual !== 'string' || !likeToRegExp(String(value)).test(actual)) return false;
          break;
        case '$gt':
          if (!(compare(actual, value) > 0) || actual == null) return false;
          break;
        case '$gte':
          if (!(compare(actual, value) >= 0) || actual == null) return false;
          break;
        case '$lt':
          if (!(compare(actual, value) < 0) || actual == null) return false;
          break;
        case '$lte':
          if (!(compare(actual, value) <= 0) || actual == null) return false;
          break;
      }
    }
    return true;
  }
  return eq(actual, cond);
}

function eq(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((a) => eq(a, expected));
  if (typeof actual === 'number' && typeof expected === 'string') return String(actual) === expected;
  if (typeof actual === 'boolean' && typeof expected === 'string') return String(actual) === expected;
  return actual === expected;
}

const encodeCursor = (i: number) => Buffer.from(`idx:${i}`).toString('base64');
function decodeCursor(c: string): number {
  const m = /^idx:(\d+)$/.exec(Buffer.from(c, 'base64').toString());
  if (!m) throw invalid(`invalid cursor '${c}'`);
  return Number(m[1]);
}

/**
 * Filters, sorts and pages API-shaped items. `special` handles filter fields that need more than a
 * comparison with the item's own property (e.g. variable-value filters on user tasks).
 */
export function search<T extends Record<string, any>>(
  all: Iterable<T>,
  req: SearchRequest | undefined,
  opts: {
    defaultSort: string;
    special?: Record<string, (item: T, cond: unknown) => boolean>;
    allowed?: string[];
  },
): SearchResponse<T> {
  const filter = req?.filter ?? {};
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalid('filter must be an object');
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined);
  let items = [...all].filter((item) =>
    entries.every(([field, cond]) =>
      opts.special?.[field] ? opts.special[field](item, cond) : matchesCondition(item[field], cond, field),
    ),
  );
  const sort = req?.sort?.length ? req.sort : [{ field: opts.defaultSort, order: 'ASC' as const }];
  for (const s of sort) if (!s || typeof s.field !== 'string') throw invalid('each sort entry needs a field');
  items.sort((a, b) => {
    for (const s of sort) {
      const c = compare(a[s.field], b[s.field]);
      if (c !== 0) return String(s.order ?? 'ASC').toUpperCase() === 'DESC' ? -c : c;
    }
    return 0;
  });
  const total = items.length;
  const limit = req?.page?.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 0 || limit > 10_000)
    throw invalid('page.limit must be an integer between 0 and 10000');
  let from = req?.page?.from ?? 0;
  if (req?.page?.after) from = decodeCursor(req.page.after) + 1;
  if (req?.page?.before) from = Math.max(0, decodeCursor(req.page.before) - limit);
  items = items.slice(from, from + limit);
  const page: SearchResponse<T>['page'] = { totalItems: total, hasMoreTotalItems: false };
  if (items.length) {
    page.startCursor = encodeCursor(from);
    page.endCursor = encodeCursor(from + items.length - 1);
  }
  return { items, page };
}
