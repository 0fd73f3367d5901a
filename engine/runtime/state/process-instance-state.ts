import type { RecordKind } from '../../store/sqlite-store';
import type { ProcessInstanceRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/** The searchable record kinds that belong to one process instance. */
export const INSTANCE_KINDS = ['elementInstance', 'variable', 'job', 'userTask', 'incident'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

/**
 * Process instances, with the keys of the records each running instance holds (element instances,
 * variables, jobs, user tasks, incidents), so a finished one leaves memory in O(its size).
 */
export class ProcessInstanceState extends RecordTable<ProcessInstanceRec> {
  private readonly byInstance = new Map<string, Map<InstanceKind, Set<string>>>();

  constructor(dirty: DirtyHook) {
    super('processInstance', dirty);
  }

  /** Notes that a record of `kind` belongs to a process instance. */
  track(kind: InstanceKind, processInstanceKey: string | undefined, key: string): void {
    if (!processInstanceKey) return;
    let m = this.byInstance.get(processInstanceKey);
    if (!m) this.byInstance.set(processInstanceKey, (m = new Map()));
    let s = m.get(kind);
    if (!s) m.set(kind, (s = new Set()));
    s.add(key);
  }

  /** Notes that a record of `kind` left a running process instance before the instance ended. */
  untrack(kind: InstanceKind, processInstanceKey: string, key: string): void {
    this.byInstance.get(processInstanceKey)?.get(kind)?.delete(key);
  }

  /** Keys of the records of one kind that a process instance holds. */
  recordsOf(processInstanceKey: string, kind: InstanceKind): Iterable<string> {
    return this.byInstance.get(processInstanceKey)?.get(kind) ?? [];
  }

  /** Every record a process instance holds, kind by kind. */
  allRecordsOf(processInstanceKey: string): Iterable<[InstanceKind, Set<string>]> {
    return this.byInstance.get(processInstanceKey) ?? [];
  }

  forget(processInstanceKey: string): void {
    this.byInstance.delete(processInstanceKey);
  }

  rebuildIndexes(tables: Record<InstanceKind, Iterable<{ key: string; processInstanceKey?: string }>>): void {
    this.byInstance.clear();
    for (const kind of INSTANCE_KINDS)
      for (const rec of tables[kind]) this.track(kind, rec.processInstanceKey, rec.key);
  }
}

export function isInstanceKind(kind: RecordKind): kind is InstanceKind {
  return (INSTANCE_KINDS as readonly string[]).includes(kind);
}
