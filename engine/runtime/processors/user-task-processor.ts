/** User task commands (Zeebe's UserTaskProcessor: assign, unassign, update, complete). */
import type { SearchIndexReader } from '../../store/search-index';
import type { EngineState } from '../state';
import type { Vars } from '../elements/processor';
import { invalidState, notFound } from '../errors';
import type { ElementInstanceRec, UserTaskRec } from '../records';

/** What the user task commands need: the stores, history for finished tasks, the clock, completion. */
export interface UserTaskProcessorDeps {
  readonly state: EngineState;
  /** The search tables, where a finished instance's tasks are. */
  history(): SearchIndexReader;
  nowIso(): string;
  /** An element instance known to exist: a miss is a bug. */
  instance(key: string): ElementInstanceRec;
  /** Completes the task's activity once the command's current step is done. */
  completeLater(ei: ElementInstanceRec, variables: Vars): void;
}

/** The fields an update may change; `null` clears a date. */
export interface UserTaskChanges {
  dueDate?: string | null;
  followUpDate?: string | null;
  candidateGroups?: string[];
  candidateUsers?: string[];
  priority?: number;
}

/** Each method is one command's work; the caller runs it inside `Engine.command` (commit or roll back). */
export class UserTaskProcessor {
  constructor(private readonly deps: UserTaskProcessorDeps) {}

  private open(key: string): UserTaskRec {
    const t = this.deps.state.userTasks.get(key);
    if (t) return t;
    // Only open tasks are in memory: a finished one is in history only, still an invalid state and
    // not an unknown task. Its row there may not show the end yet while the command that ended it
    // is being written: the task is completed or canceled either way.
    const past = this.deps.history().get('userTask', key) as UserTaskRec | undefined;
    if (!past) throw notFound('User task', key);
    const state = past.state === 'CREATED' ? 'completed' : past.state.toLowerCase();
    throw invalidState(
      `Command 'COMPLETE' rejected with code 'INVALID_STATE': user task '${key}' is ${state}`,
    );
  }

  assign(key: string, assignee: string, allowOverride: boolean): void {
    const t = this.open(key);
    if (t.assignee && t.assignee !== assignee && !allowOverride) {
      throw invalidState(`user task '${key}' is already assigned to '${t.assignee}'`);
    }
    t.assignee = assignee;
    this.deps.state.userTasks.update(t);
  }

  unassign(key: string): void {
    const t = this.open(key);
    t.assignee = undefined;
    this.deps.state.userTasks.update(t);
  }

  update(key: string, changes: UserTaskChanges): void {
    const t = this.open(key);
    if (changes.dueDate !== undefined) t.dueDate = changes.dueDate ?? undefined;
    if (changes.followUpDate !== undefined) t.followUpDate = changes.followUpDate ?? undefined;
    if (changes.candidateGroups) t.candidateGroups = changes.candidateGroups;
    if (changes.candidateUsers) t.candidateUsers = changes.candidateUsers;
    if (changes.priority !== undefined) t.priority = changes.priority;
    this.deps.state.userTasks.update(t);
  }

  complete(key: string, variables?: Vars): void {
    const t = this.open(key);
    t.state = 'COMPLETED';
    t.completionDate = this.deps.nowIso();
    this.deps.state.userTasks.update(t);
    this.deps.completeLater(this.deps.instance(t.elementInstanceKey), variables ?? {});
  }
}
