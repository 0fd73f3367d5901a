/** Timer commands (Zeebe's TriggerTimerProcessor and DueDateTimerChecker): due timers fire, cycles re-arm, start timers follow the latest version. */
import type { ProcessModel } from '../../model/types';
import { elementOf } from '../../model/types';
import { parseTimer } from '../../timers';
import type { EventSubscriptionBehaviour } from '../behaviours/event-subscriptions';
import type { Vars } from '../elements/processor';
import { invalid } from '../errors';
import type { EngineState } from '../state';
import type {
  ElementInstanceRec,
  ProcessDefinitionRec,
  ProcessInstanceRec,
  SubscriptionKind,
  TimerRec,
} from '../records';

/** What the timers need: the stores, keys and clock, and what a timer's event means for its owner. */
export interface TimerProcessorDeps {
  readonly state: EngineState;
  readonly events: EventSubscriptionBehaviour;
  nextKey(): string;
  now(): number;
  model(processDefinitionKey: string): ProcessModel;
  latestProcess(bpmnProcessId: string): ProcessDefinitionRec | undefined;
  startInstance(def: ProcessDefinitionRec, startElementId: string, variables: Vars): ProcessInstanceRec;
  evalWith(expr: string, vars: Vars): unknown;
  /** The event reached: complete a catch, take a gateway's branch, interrupt a host, start an event sub-process. */
  fire(
    kind: SubscriptionKind,
    owner: ElementInstanceRec,
    eventId: string,
    variables: Vars,
    interrupting: boolean,
  ): void;
  /** Runs what the fired timer caused before the next timer fires. */
  runAgenda(): void;
}

/** A timer expression's value as the text the timer parser reads. */
export function timerText(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export class TimerProcessor {
  constructor(private readonly deps: TimerProcessorDeps) {}

  /** Fires every timer due at `now`, in due order; true when one fired. */
  fireDue(now: number): boolean {
    const { state } = this.deps;
    if (state.timers.minDue > now) return false;
    let any = false;
    for (const t of state.timers.due(now)) {
      if (!state.timers.has(t.key)) continue;
      this.trigger(t);
      any = true;
      this.deps.runAgenda();
    }
    state.timers.rebuildIndexes();
    return any;
  }

  private trigger(t: TimerRec): void {
    const { state } = this.deps;
    state.timers.remove(t.key);
    if (t.kind === 'start') {
      const def = state.deployment.processes.get(t.processDefinitionKey);
      if (!def || this.deps.latestProcess(def.bpmnProcessId)?.key !== def.key) return;
      this.deps.startInstance(def, t.elementId, {});
      this.rearm(t);
      return;
    }
    const owner = t.ownerKey ? state.elementInstances.get(t.ownerKey) : undefined;
    if (!owner || owner.state !== 'ACTIVE') return;
    const model = this.deps.model(t.processDefinitionKey);
    const el = elementOf(model, t.elementId);
    const interrupting = el.kind === 'boundaryEvent' || el.kind === 'startEvent' ? el.interrupting : true;
    if ((t.kind === 'boundary' || t.kind === 'event-sub-process') && !interrupting) this.rearm(t);
    this.deps.fire(
      t.kind,
      owner,
      t.elementId,
      {},
      t.kind === 'catch' || t.kind === 'event-gateway' ? true : interrupting,
    );
  }

  /** A cycle's next occurrence, while repetitions remain. */
  private rearm(t: TimerRec): void {
    if (t.repetitions <= 0) return;
    let schedule;
    try {
      schedule = parseTimer(t.timerKind, t.definition, new Date(t.dueAt));
    } catch {
      return;
    }
    const next = schedule.next(new Date(t.dueAt));
    if (!next) return;
    this.deps.events.addTimer({
      ...t,
      key: this.deps.nextKey(),
      dueAt: next.dueAt.getTime(),
      repetitions: t.repetitions - 1,
    });
  }

  /** Arms the timer start events of a definition that became the latest version. */
  openStartTimers(def: ProcessDefinitionRec): void {
    const model = this.deps.model(def.key);
    for (const s of model.timerStartEvents) {
      try {
        const text = timerText(this.deps.evalWith(s.expression, {}));
        const schedule = parseTimer(s.timerKind, text, new Date(this.deps.now()));
        this.deps.events.addTimer({
          key: this.deps.nextKey(),
          kind: 'start',
          processDefinitionKey: def.key,
          elementId: s.elementId,
          dueAt: schedule.dueAt.getTime(),
          repetitions: schedule.repetitions,
          timerKind: s.timerKind,
          definition: text,
        });
      } catch (err) {
        throw invalid(
          `timer start event '${s.elementId}' of '${def.bpmnProcessId}': ${(err as Error).message}`,
        );
      }
    }
  }

  /** Disarms the timer start events of a definition that is no longer the latest version. */
  closeStartTimers(old: ProcessDefinitionRec): void {
    const { state } = this.deps;
    for (const t of [...state.timers.values()])
      if (t.kind === 'start' && t.processDefinitionKey === old.key) state.timers.remove(t.key);
  }
}
