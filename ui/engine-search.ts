/**
 * Searches over several process instances at once, correct against a Camunda 8.8 cluster.
 *
 * The 8.8 API takes a list (`$in`) on some filter fields only: process instances'
 * `parentProcessInstanceKey` and variables' `processInstanceKey`, `scopeKey` and `name` have it;
 * element instances', incidents' and user tasks' `processInstanceKey` is one key. Where the field has
 * no `$in`, the search runs once per instance, a few at a time; where it has, once for all.
 * (The embedded engine accepts `$in` everywhere; a cluster does not, so nothing here relies on it.)
 */
import {
  ProcessInstanceKey,
  ScopeKey,
  type ElementInstanceFilter,
  type ElementInstanceResult,
  type ElementInstanceSearchQuery,
  type IncidentFilter,
  type IncidentResult,
  type ProcessInstanceResult,
  type UserTaskFilter,
  type UserTaskResult,
} from '@camunda8/orchestration-cluster-api';
import { NO_WAIT, parseVariableValue, type CamundaPort } from '../intake/camunda-port';

/** At most this many searches run at once when a search is made per process instance. */
export const PER_INSTANCE_CONCURRENCY = 8;
/** The rows one per-instance search returns at most. */
const PER_INSTANCE_LIMIT = 1000;

/** Runs `work` on every item, at most `limit` at once; the results in the items' order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

const distinct = (keys: readonly string[]) => [...new Set(keys)];

/**
 * The element instances of the given process instances (8.8: one `processInstanceKey` per search),
 * in the order of the keys, each instance's in the search's `sort`.
 */
export async function elementInstancesOf(
  camunda: Pick<CamundaPort, 'searchElementInstances'>,
  keys: readonly string[],
  filter: Omit<ElementInstanceFilter, 'processInstanceKey'> = {},
  sort?: ElementInstanceSearchQuery['sort'],
): Promise<ElementInstanceResult[]> {
  const pages = await mapBounded(distinct(keys), PER_INSTANCE_CONCURRENCY, (key) =>
    camunda.searchElementInstances(
      {
        filter: { ...filter, processInstanceKey: ProcessInstanceKey.assumeExists(key) },
        ...(sort ? { sort } : {}),
        page: { limit: PER_INSTANCE_LIMIT },
      },
      NO_WAIT,
    ),
  );
  return pages.flatMap((p) => p.items ?? []);
}

/** The incidents of the given process instances (8.8: one `processInstanceKey` per search). */
export async function incidentsOf(
  camunda: Pick<CamundaPort, 'searchIncidents'>,
  keys: readonly string[],
  filter: Omit<IncidentFilter, 'processInstanceKey'> = {},
): Promise<IncidentResult[]> {
  const pages = await mapBounded(distinct(keys), PER_INSTANCE_CONCURRENCY, (key) =>
    camunda.searchIncidents(
      {
        filter: { ...filter, processInstanceKey: ProcessInstanceKey.assumeExists(key) },
        page: { limit: PER_INSTANCE_LIMIT },
      },
      NO_WAIT,
    ),
  );
  return pages.flatMap((p) => p.items ?? []);
}

/** The user tasks of the given process instances (8.8: one `processInstanceKey` per search). */
export async function userTasksOf(
  camunda: Pick<CamundaPort, 'searchUserTasks'>,
  keys: readonly string[],
  filter: Omit<UserTaskFilter, 'processInstanceKey'> = {},
): Promise<UserTaskResult[]> {
  const pages = await mapBounded(distinct(keys), PER_INSTANCE_CONCURRENCY, (key) =>
    camunda.searchUserTasks(
      {
        filter: { ...filter, processInstanceKey: ProcessInstanceKey.assumeExists(key) },
        page: { limit: PER_INSTANCE_LIMIT },
      },
      NO_WAIT,
    ),
  );
  return pages.flatMap((p) => p.items ?? []);
}

/** The process instances the given ones called: one search (8.8's `parentProcessInstanceKey` has `$in`). */
export async function childInstancesOf(
  camunda: Pick<CamundaPort, 'searchProcessInstances'>,
  parentKeys: readonly string[],
): Promise<ProcessInstanceResult[]> {
  const parents = distinct(parentKeys);
  if (!parents.length) return [];
  const r = await camunda.searchProcessInstances(
    {
      filter: { parentProcessInstanceKey: { $in: parents.map((k) => ProcessInstanceKey.assumeExists(k)) } },
      page: { limit: PER_INSTANCE_LIMIT },
    },
    NO_WAIT,
  );
  return r.items ?? [];
}

/**
 * The root-scope variables of the given process instances by instance key, parsed: one search
 * (8.8's variable filter has `$in` on the instance, the scope and the name); all of them, or `names`.
 */
export async function rootVariablesOf(
  camunda: Pick<CamundaPort, 'searchVariables'>,
  keys: readonly string[],
  names?: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const unique = distinct(keys);
  if (!unique.length) return out;
  const r = await camunda.searchVariables(
    {
      filter: {
        processInstanceKey: { $in: unique.map((k) => ProcessInstanceKey.assumeExists(k)) },
        scopeKey: { $in: unique.map((k) => ScopeKey.assumeExists(k)) },
        ...(names ? { name: { $in: [...names] } } : {}),
      },
      page: { limit: names ? unique.length * names.length : 10_000 },
      truncateValues: false,
    },
    NO_WAIT,
  );
  for (const v of r.items ?? []) {
    const k = String(v.processInstanceKey);
    const vars = out.get(k) ?? {};
    vars[v.name] = parseVariableValue(v.value);
    out.set(k, vars);
  }
  return out;
}
