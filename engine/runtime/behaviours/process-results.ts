/** Zeebe's `BpmnProcessResultSenderBehavior`: a request awaiting a process instance is answered when it ends, once that is committed. */
import type { Vars } from '../elements/processor';

/** How an awaited process instance ended: its root-scope variables, or that it was terminated. */
export type InstanceOutcome = { state: 'COMPLETED'; variables: Vars } | { state: 'TERMINATED' };

export class ProcessResultBehaviour {
  /** Requests waiting for a process instance to end (createProcessInstance with awaitCompletion). */
  private readonly awaiting = new Map<string, (outcome: InstanceOutcome) => void>();

  /** `afterCommit` runs an answer once the running command is written (dropped on rollback). */
  constructor(private readonly afterCommit: (deliver: () => void) => void) {}

  await(processInstanceKey: string, settle: (outcome: InstanceOutcome) => void): void {
    this.awaiting.set(processInstanceKey, settle);
  }

  forget(processInstanceKey: string): void {
    this.awaiting.delete(processInstanceKey);
  }

  /** Answers a request awaiting this instance once the running command is committed. */
  settle(processInstanceKey: string, outcome: () => InstanceOutcome): void {
    const settle = this.awaiting.get(processInstanceKey);
    if (!settle) return;
    const end = outcome();
    this.afterCommit(() => {
      this.awaiting.delete(processInstanceKey);
      settle(end);
    });
  }

  /** On shutdown every waiting request is answered as terminated. */
  closeAll(): void {
    for (const settle of [...this.awaiting.values()]) settle({ state: 'TERMINATED' });
  }
}
