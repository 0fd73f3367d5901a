import { remainingWorkingDays, type WorkingDayClock } from './status';

/** How a task's due date reads in the worklist: red once passed, amber with two working days or fewer left. */
export type DeadlineFlag = 'overdue' | 'amber' | 'none';

export interface TaskDeadline {
  /** Working days left (negative: working days since it passed); null without a due date. */
  remainingWorkingDays: number | null;
  flag: DeadlineFlag;
}

/** Amber from this many working days left: the deadline board's "within 2 working days" band. */
export const AMBER_WORKING_DAYS = 2;

/**
 * The flag of an open task's due date at `now`, the engine's time (never the browser's or the web
 * app's wall clock): terms run in working days ending 18:30 Almaty (domain/legal-clock).
 */
export function taskDeadline(clock: WorkingDayClock, now: Date, dueDate: string | undefined): TaskDeadline {
  const due = dueDate ? new Date(dueDate) : undefined;
  if (!due || Number.isNaN(due.getTime())) return { remainingWorkingDays: null, flag: 'none' };
  const { remaining, urgency } = remainingWorkingDays(clock, now, due);
  if (urgency === 'overdue') return { remainingWorkingDays: remaining, flag: 'overdue' };
  return { remainingWorkingDays: remaining, flag: remaining <= AMBER_WORKING_DAYS ? 'amber' : 'none' };
}
