import type { RecordKind } from '../../store/sqlite-store';

/**
 * One kind of record held in memory (Zeebe's column family): a private map whose every write goes
 * through the engine's dirty tracking, so a command's changes are committed, or rolled back, as one.
 */

/**
 * The engine's durability hook: a record written (or `null`: deleted) by the running command;
 * `created` when the put added a key that was not there (so it was never stored).
 */
export type DirtyHook = (kind: RecordKind, key: string, rec: unknown | null, created?: boolean) => void;

/** What readers outside the state see of a table: lookups and iteration, never writes. */
export interface RecordView<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  values(): IterableIterator<T>;
  keys(): IterableIterator<string>;
  readonly size: number;
}

/** A store seen by the generic paths (load, rollback, eviction) whatever its record type. */
export interface StoredTable {
  values(): IterableIterator<{ key: string }>;
  restore(key: string, rec: { key: string } | undefined): void;
  evict(key: string): boolean;
}

export class RecordTable<T extends { key: string }> implements RecordView<T> {
  private readonly rows = new Map<string, T>();

  constructor(
    readonly kind: RecordKind,
    private readonly dirty: DirtyHook,
    /** Called after each put (the owning process instance's index). */
    private readonly onPut?: (rec: T) => void,
  ) {}

  get(key: string): T | undefined {
    return this.rows.get(key);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  values(): IterableIterator<T> {
    return this.rows.values();
  }

  keys(): IterableIterator<string> {
    return this.rows.keys();
  }

  get size(): number {
    return this.rows.size;
  }

  /** Adds or replaces a record and marks it written. */
  put(rec: T): void {
    const created = !this.rows.has(rec.key);
    this.rows.set(rec.key, rec);
    this.dirty(this.kind, rec.key, rec, created);
    this.onPut?.(rec);
  }

  /** Marks a record changed in place as written. */
  update(rec: T): void {
    this.dirty(this.kind, rec.key, rec);
  }

  /** Deletes a record and marks it deleted. */
  remove(key: string): void {
    this.rows.delete(key);
    this.dirty(this.kind, key, null);
  }

  /** Deletes a record if present (marking it deleted); false when there was none. */
  evict(key: string): boolean {
    if (!this.rows.delete(key)) return false;
    this.dirty(this.kind, key, null);
    return true;
  }

  /** Sets a record as stored (start, rollback) without marking it: `undefined` drops it. */
  restore(key: string, rec: T | undefined): void {
    if (rec === undefined) this.rows.delete(key);
    else this.rows.set(key, rec);
  }
}
