import type { ElementInstanceRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/**
 * Element instances (Zeebe's element instance state) with two indexes: the active children of each
 * flow scope, and the timers and message subscriptions each element instance owns (event scopes).
 */
export class ElementInstanceState extends RecordTable<ElementInstanceRec> {
  private readonly activeChildren = new Map<string, Set<string>>();
  private readonly byOwner = new Map<string, Set<string>>();

  constructor(dirty: DirtyHook, onPut?: (rec: ElementInstanceRec) => void) {
    super('elementInstance', dirty, onPut);
  }

  /** Keys of the active children of a flow scope, as a snapshot safe to iterate while they change. */
  children(scopeKey: string): string[] {
    return [...(this.activeChildren.get(scopeKey) ?? [])];
  }

  /** A scope's key and the keys of its flow scopes, innermost first, up to its process instance. */
  scopeChain(scopeKey: string): string[] {
    const chain: string[] = [];
    for (let cur: string | undefined = scopeKey; cur; cur = this.get(cur)?.flowScopeKey) chain.push(cur);
    return chain;
  }

  hasActiveChildren(scopeKey: string): boolean {
    return (this.activeChildren.get(scopeKey)?.size ?? 0) > 0;
  }

  addChild(scopeKey: string, key: string): void {
    let s = this.activeChildren.get(scopeKey);
    if (!s) this.activeChildren.set(scopeKey, (s = new Set()));
    s.add(key);
  }

  removeChild(scopeKey: string, key: string): void {
    this.activeChildren.get(scopeKey)?.delete(key);
  }

  /** Drops the children index of an element instance that is no longer active. */
  forgetChildren(key: string): void {
    this.activeChildren.delete(key);
  }

  /** Keys of the timers and subscriptions an element instance owns (a snapshot). */
  owned(ownerKey: string): string[] {
    return [...(this.byOwner.get(ownerKey) ?? [])];
  }

  own(ownerKey: string | undefined, key: string): void {
    if (!ownerKey) return;
    let s = this.byOwner.get(ownerKey);
    if (!s) this.byOwner.set(ownerKey, (s = new Set()));
    s.add(key);
  }

  disown(ownerKey: string, key: string): void {
    const s = this.byOwner.get(ownerKey);
    if (!s) return;
    s.delete(key);
    if (s.size === 0) this.byOwner.delete(ownerKey);
  }

  /** Drops the indexes kept for a finished element instance (it is a flow scope and an owner no more). */
  forgetScope(key: string): void {
    this.activeChildren.delete(key);
    this.byOwner.delete(key);
  }

  /** Rebuilds the indexes from the records: children here, ownership from the owners' timers and subscriptions. */
  rebuildIndexes(owned: Iterable<{ key: string; ownerKey?: string }>): void {
    this.activeChildren.clear();
    this.byOwner.clear();
    for (const ei of this.values())
      if (ei.state === 'ACTIVE' && ei.flowScopeKey) this.addChild(ei.flowScopeKey, ei.key);
    for (const o of owned) this.own(o.ownerKey, o.key);
  }
}
