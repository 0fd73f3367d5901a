import type { JobRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/** Jobs (Zeebe's job state), with the open jobs of each type and a lower bound of the next activation deadline. */
export class JobState extends RecordTable<JobRec> {
  private readonly openByType = new Map<string, Set<string>>();
  /** A lower bound of the earliest deadline of an activated job; stale-low is fine (it only causes a scan). */
  minDeadline = Infinity;

  constructor(dirty: DirtyHook, onPut?: (rec: JobRec) => void) {
    super('job', dirty, onPut);
  }

  /** Keys of the open jobs of one type. */
  openOfType(type: string): Iterable<string> {
    return this.openByType.get(type) ?? [];
  }

  /** Keys of every open job, type by type. */
  *open(): IterableIterator<string> {
    for (const s of this.openByType.values()) yield* s;
  }

  openCount(): number {
    let n = 0;
    for (const s of this.openByType.values()) n += s.size;
    return n;
  }

  markOpen(job: JobRec): void {
    let s = this.openByType.get(job.type);
    if (!s) this.openByType.set(job.type, (s = new Set()));
    s.add(job.key);
  }

  markClosed(job: JobRec): void {
    this.openByType.get(job.type)?.delete(job.key);
  }

  noteDeadline(deadline: number): void {
    if (deadline < this.minDeadline) this.minDeadline = deadline;
  }

  rebuildIndexes(): void {
    this.openByType.clear();
    this.minDeadline = Infinity;
    for (const j of this.values()) if (isOpenJob(j)) this.markOpen(j);
    for (const j of this.values()) if (j.deadline !== undefined) this.noteDeadline(j.deadline);
  }
}

export function isOpenJob(j: JobRec): boolean {
  return ['CREATED', 'ACTIVATED', 'FAILED', 'RETRIES_UPDATED', 'TIMED_OUT', 'ERROR_THROWN'].includes(j.state);
}
