import type { VariableRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/** Variables (Zeebe's variable state), indexed by the scope (element instance) that holds them. */
export class VariableState extends RecordTable<VariableRec> {
  private readonly scopes = new Map<string, Map<string, VariableRec>>();

  constructor(dirty: DirtyHook, onPut?: (rec: VariableRec) => void) {
    super('variable', dirty, onPut);
  }

  /** Adds or replaces a variable in its scope and marks it written. */
  override put(v: VariableRec): void {
    let m = this.scopes.get(v.scopeKey);
    if (!m) this.scopes.set(v.scopeKey, (m = new Map()));
    m.set(v.name, v);
    super.put(v);
  }

  /** The variables held by one scope, by name (empty when none). */
  inScope(scopeKey: string): ReadonlyMap<string, VariableRec> {
    return this.scopes.get(scopeKey) ?? EMPTY;
  }

  local(scopeKey: string, name: string): VariableRec | undefined {
    return this.scopes.get(scopeKey)?.get(name);
  }

  /** Deletes every variable a finished scope holds (marking each deleted), with its index. */
  evictScope(scopeKey: string): VariableRec[] {
    const held = [...(this.scopes.get(scopeKey)?.values() ?? [])];
    for (const v of held) this.evict(v.key);
    this.scopes.delete(scopeKey);
    return held;
  }

  /** Drops the index of a finished scope. */
  forgetScope(scopeKey: string): void {
    this.scopes.delete(scopeKey);
  }

  rebuildIndexes(): void {
    this.scopes.clear();
    for (const v of this.values()) {
      let m = this.scopes.get(v.scopeKey);
      if (!m) this.scopes.set(v.scopeKey, (m = new Map()));
      m.set(v.name, v);
    }
  }
}

const EMPTY: ReadonlyMap<string, VariableRec> = new Map();
