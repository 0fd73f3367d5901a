import type { RecordKind } from '../../store/sqlite-store';
import type { ElementInstanceRec, IncidentRec, JobRec, ProcessInstanceRec, UserTaskRec } from '../records';
import { DecisionState } from './decision-state';
import { DeploymentState } from './deployment-state';
import { ElementInstanceState } from './element-instance-state';
import { isOpenJob, JobState } from './job-state';
import { MessageState } from './message-state';
import { INSTANCE_KINDS, InstanceKind, ProcessInstanceState } from './process-instance-state';
import { DirtyHook, RecordTable, StoredTable } from './table';
import { TimerState } from './timer-state';
import { VariableState } from './variable-state';

/**
 * The engine's state (Zeebe's ZeebeState): one store per kind of record, each owning its map and
 * secondary indexes; every write reports to the one dirty hook that the commit path reads.
 */
export class EngineState {
  readonly deployment: DeploymentState;
  readonly decision: DecisionState;
  readonly processInstances: ProcessInstanceState;
  readonly elementInstances: ElementInstanceState;
  readonly variables: VariableState;
  readonly jobs: JobState;
  readonly userTasks: RecordTable<UserTaskRec>;
  readonly incidents: RecordTable<IncidentRec>;
  readonly timers: TimerState;
  readonly message: MessageState;
  private readonly tables: Record<RecordKind, StoredTable>;

  constructor(dirty: DirtyHook) {
    this.deployment = new DeploymentState(dirty);
    this.decision = new DecisionState(dirty);
    const pis = (this.processInstances = new ProcessInstanceState(dirty));
    const track =
      (kind: InstanceKind) =>
      (rec: { key: string; processInstanceKey?: string }): void =>
        pis.track(kind, rec.processInstanceKey, rec.key);
    this.elementInstances = new ElementInstanceState(dirty, track('elementInstance'));
    this.variables = new VariableState(dirty, track('variable'));
    this.jobs = new JobState(dirty, track('job'));
    this.userTasks = new RecordTable<UserTaskRec>('userTask', dirty, track('userTask'));
    this.incidents = new RecordTable<IncidentRec>('incident', dirty, track('incident'));
    this.timers = new TimerState(dirty);
    this.message = new MessageState(dirty);
    this.tables = {
      deployment: this.deployment.deployments,
      process: this.deployment.processes,
      form: this.deployment.forms,
      processInstance: this.processInstances,
      elementInstance: this.elementInstances,
      variable: this.variables,
      job: this.jobs,
      userTask: this.userTasks,
      incident: this.incidents,
      timer: this.timers,
      messageSubscription: this.message.subscriptions,
      message: this.message.messages,
      decisionRequirements: this.decision.requirements,
      decision: this.decision.decisions,
    };
  }

  /** The store of one record kind, for the generic paths (load, rollback, eviction). */
  table(kind: RecordKind): StoredTable {
    return this.tables[kind];
  }

  /** The lookup structures derived from the records, rebuilt from scratch (start, rollback). */
  rebuildIndexes(): void {
    const tables = {} as Record<InstanceKind, Iterable<{ key: string; processInstanceKey?: string }>>;
    for (const kind of INSTANCE_KINDS) tables[kind] = this.tables[kind].values();
    this.processInstances.rebuildIndexes(tables);
    this.variables.rebuildIndexes();
    this.jobs.rebuildIndexes();
    this.message.rebuildIndexes();
    this.elementInstances.rebuildIndexes([...this.message.subscriptions.values(), ...this.timers.values()]);
    this.timers.rebuildIndexes();
  }

  /**
   * What a command finished leaves memory once the command ran, as Zeebe removes it from its state.
   * A finished process instance goes whole ({@link evictInstance}), with the processes it called;
   * inside a running one, element instances that completed or were terminated go with the variables
   * they held, and so do closed jobs and completed or canceled user tasks. Their search rows,
   * projected from the same records first, keep them, so memory and stored records follow what runs
   * and what it waits in, not history.
   */
  evictFinished(changed: ReadonlyMap<RecordKind, ReadonlyMap<string, unknown | null>>): void {
    const pis = this.processInstances;
    const finished = <T>(kind: RecordKind, done: (rec: T) => boolean): T[] => {
      const out: T[] = [];
      for (const rec of changed.get(kind)?.values() ?? [])
        if (rec !== null && done(rec as T)) out.push(rec as T);
      return out;
    };
    const elements = finished<ElementInstanceRec>(
      'elementInstance',
      (ei) => ei.state !== 'ACTIVE' && ei.type !== 'PROCESS',
    );
    const jobs = finished<JobRec>('job', (j) => !isOpenJob(j));
    const tasks = finished<UserTaskRec>('userTask', (t) => t.state !== 'CREATED');
    const instances = finished<ProcessInstanceRec>('processInstance', (pi) => pi.state !== 'ACTIVE');
    for (const ei of elements) {
      for (const v of this.variables.evictScope(ei.key)) pis.untrack('variable', v.processInstanceKey, v.key);
      this.elementInstances.forgetScope(ei.key);
      this.elementInstances.evict(ei.key);
      pis.untrack('elementInstance', ei.processInstanceKey, ei.key);
    }
    for (const job of jobs) {
      this.jobs.markClosed(job);
      this.jobs.evict(job.key);
      pis.untrack('job', job.processInstanceKey, job.key);
    }
    for (const t of tasks) {
      this.userTasks.evict(t.key);
      pis.untrack('userTask', t.processInstanceKey, t.key);
    }
    for (const pi of instances) this.evictInstance(pi.key);
  }

  /** A finished process instance leaves memory: its records are deleted (marked so) with their indexes. */
  private evictInstance(piKey: string): void {
    for (const [kind, keys] of this.processInstances.allRecordsOf(piKey)) {
      for (const k of keys) {
        if (kind === 'job') {
          const job = this.jobs.get(k);
          if (job) this.jobs.markClosed(job);
        }
        if (kind === 'elementInstance') {
          this.variables.forgetScope(k);
          this.elementInstances.forgetScope(k);
        }
        this.tables[kind].evict(k);
      }
    }
    this.processInstances.forget(piKey);
    this.variables.forgetScope(piKey);
    this.processInstances.evict(piKey);
  }
}

export { INSTANCE_KINDS, isInstanceKind } from './process-instance-state';
export type { InstanceKind } from './process-instance-state';
export { isOpenJob } from './job-state';
export { cmpKey } from './timer-state';
export type { RecordView } from './table';
