import { isServiceTerm, matchesStep } from '../domain/applications/status';

/**
 * The deadline board's order: every running application by the nearest of its running legal terms
 * (the service's overall term, and the term of each step that is active), overdue first. The board
 * reads one page of 50 from this index, then the page's current variables and steps from the engine.
 *
 * The engine's API sorts process instances by their own fields only, not by a variable, so the
 * index is built here: one pass over the running instances, 50 at a time with the same batched
 * queries as a board page; a read that finds the index older than `refreshMs` (a minute by default)
 * answers from it and starts the next pass, so nothing runs while nobody reads the board.
 */

export interface RunningApplication {
  processInstanceKey: string;
  processDefinitionId: string;
}

export interface DeadlineSource {
  /** One page of running instances (oldest first) and how many run. */
  running(from: number, limit: number): Promise<{ items: RunningApplication[]; total: number }>;
  /** Active steps of these instances. */
  activeElements(keys: string[]): Promise<Map<string, { elementId: string }[]>>;
  /** Root variables of these instances. */
  variables(keys: string[]): Promise<Map<string, Record<string, unknown>>>;
}

export interface IndexedApplication extends RunningApplication {
  /** The nearest running term (epoch ms), or +Infinity when none runs. */
  nearest: number;
}

/** The nearest running term of one application: `deadline<Step>` variables whose step runs. */
export function nearestRunningTerm(
  variables: Record<string, unknown>,
  active: { elementId: string }[],
): number {
  let nearest = Infinity;
  for (const [name, value] of Object.entries(variables)) {
    const m = /^deadline([A-Z]\w*)$/.exec(name);
    if (!m || typeof value !== 'string') continue;
    const due = Date.parse(value);
    if (Number.isNaN(due)) continue;
    if (!isServiceTerm(m[1]) && !active.some((e) => matchesStep(e.elementId, m[1]))) continue;
    if (due < nearest) nearest = due;
  }
  return nearest;
}

const byTerm = (a: IndexedApplication, b: IndexedApplication) =>
  a.nearest - b.nearest ||
  a.processInstanceKey.length - b.processInstanceKey.length ||
  (a.processInstanceKey < b.processInstanceKey ? -1 : a.processInstanceKey > b.processInstanceKey ? 1 : 0);

export function createDeadlineIndex(
  source: DeadlineSource,
  opts: { refreshMs?: number; batch?: number; now?: () => number } = {},
) {
  const batch = opts.batch ?? 50;
  const refreshMs = opts.refreshMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let builtAt = 0;
  let entries: IndexedApplication[] | undefined;
  let byService = new Map<string, IndexedApplication[]>();
  let building: Promise<void> | undefined;

  async function build(): Promise<void> {
    const started = now();
    const next: IndexedApplication[] = [];
    for (let from = 0; ; from += batch) {
      const page = await source.running(from, batch);
      const keys = page.items.map((i) => i.processInstanceKey);
      if (!keys.length) break;
      const [elements, vars] = await Promise.all([source.activeElements(keys), source.variables(keys)]);
      for (const i of page.items)
        next.push({
          processInstanceKey: i.processInstanceKey,
          processDefinitionId: i.processDefinitionId,
          nearest: nearestRunningTerm(
            vars.get(i.processInstanceKey) ?? {},
            elements.get(i.processInstanceKey) ?? [],
          ),
        });
      if (page.items.length < batch) break;
    }
    entries = next.sort(byTerm);
    builtAt = started;
    byService = new Map();
    for (const e of entries) {
      const list = byService.get(e.processDefinitionId);
      if (list) list.push(e);
      else byService.set(e.processDefinitionId, [e]);
    }
  }

  /** Starts a pass unless one is running; resolves when it ends. */
  function refresh(): Promise<void> {
    building ??= build().finally(() => (building = undefined));
    return building;
  }

  return {
    refresh,
    /** One page in term order, optionally of one service; builds the index on first use. */
    async page(
      from: number,
      limit: number,
      service?: string,
    ): Promise<{ items: IndexedApplication[]; total: number }> {
      if (!entries) await refresh();
      else if (now() - builtAt > refreshMs) void refresh().catch(() => undefined);
      const all = service ? (byService.get(service) ?? []) : entries!;
      return { items: all.slice(from, from + limit), total: all.length };
    },
  };
}
export type DeadlineIndex = ReturnType<typeof createDeadlineIndex>;
