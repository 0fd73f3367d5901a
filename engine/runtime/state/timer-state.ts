import type { TimerRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/** Timers (Zeebe's timer state), with a lower bound of the next due date. */
export class TimerState extends RecordTable<TimerRec> {
  /** A lower bound of the earliest due date; stale-low is fine (it only causes a scan). */
  minDue = Infinity;

  constructor(dirty: DirtyHook) {
    super('timer', dirty);
  }

  override put(t: TimerRec): void {
    super.put(t);
    if (t.dueAt < this.minDue) this.minDue = t.dueAt;
  }

  /** Timers due at `now`, earliest first (ties by key). */
  due(now: number): TimerRec[] {
    return [...this.values()]
      .filter((t) => t.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || cmpKey(a.key, b.key));
  }

  /** Recomputes the next due date exactly. */
  rebuildIndexes(): void {
    this.minDue = Infinity;
    for (const t of this.values()) if (t.dueAt < this.minDue) this.minDue = t.dueAt;
  }
}

/** Orders keys numerically (they are decimal strings of one width class). */
export function cmpKey(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
