/** Zeebe's `BpmnEventSubscriptionBehavior` (triggering part): catch events, boundary events and event sub-processes are opened and, when their timer, message or signal comes, triggered. */
import type { Activity, CatchEventDefinition, FlowScope, ProcessModel, StartEvent } from '../../model/types';
import { elementOf, elementOfKind, isFlowScope } from '../../model/types';
import { parseTimer } from '../../timers';
import type { Vars } from '../elements/processor';
import { typeName } from '../elements/multi-instance';
import { StepFailure } from '../errors';
import { timerText } from '../processors/timer-processor';
import type {
  ElementInstanceRec,
  MessageRec,
  MessageSubscriptionRec,
  SubscriptionKind,
  TimerRec,
} from '../records';
import { TENANT } from '../records';
import type { EngineState } from '../state';
import type { EventSubscriptionBehaviour } from './event-subscriptions';
import type { ExpressionBehaviour } from './expressions';
import type { StateTransitionBehaviour } from './state-transitions';

/** What the event triggers need: the stores, the subscriptions, and the state transitions an event causes. */
export interface EventTriggerDeps {
  readonly state: EngineState;
  readonly events: EventSubscriptionBehaviour;
  readonly expressions: ExpressionBehaviour;
  readonly transitions: StateTransitionBehaviour;
  nextKey(): string;
  now(): number;
  nowIso(): string;
  model(processDefinitionKey: string): ProcessModel;
  later(step: () => void): void;
  /** A message correlated to a subscription, for the search tables. */
  recordCorrelation(row: Record<string, unknown>): void;
}

export class EventTriggerBehaviour {
  constructor(private readonly deps: EventTriggerDeps) {}

  openBoundaryEvents(host: ElementInstanceRec, el: Activity): void {
    const model = this.deps.model(host.processDefinitionKey);
    for (const bid of el.boundaryEvents) {
      const b = elementOfKind(model, bid, 'boundaryEvent');
      if (b.event.kind !== 'error') this.openCatch(host, b.id, b.event, 'boundary', host, b.interrupting);
    }
  }

  openEventSubProcesses(scope: ElementInstanceRec): void {
    const model = this.deps.model(scope.processDefinitionKey);
    const scopeEl = elementOf(model, scope.elementId);
    if (!isFlowScope(scopeEl)) return;
    for (const start of eventSubProcessStarts(model, scopeEl))
      if (start.event.kind !== 'none' && start.event.kind !== 'error')
        this.openCatch(scope, start.id, start.event, 'event-sub-process', scope, start.interrupting);
  }

  /**
   * Opens a timer or message/signal subscription for the event `elementId`, owned by `owner`;
   * expressions evaluate in `ctx`'s scope.
   */
  openCatch(
    owner: ElementInstanceRec,
    elementId: string,
    ev: CatchEventDefinition,
    kind: SubscriptionKind,
    ctx: ElementInstanceRec,
    interrupting = true,
  ): void {
    if (ev.kind === 'timer') {
      const text = this.deps.expressions.evalIn(ev.expression, ctx.key);
      let schedule;
      try {
        schedule = parseTimer(ev.timerKind, timerText(text), new Date(this.deps.now()));
      } catch (err) {
        throw new StepFailure('EXTRACT_VALUE_ERROR', (err as Error).message);
      }
      const t: TimerRec = {
        key: this.deps.nextKey(),
        kind,
        ownerKey: owner.key,
        processInstanceKey: owner.processInstanceKey,
        processDefinitionKey: owner.processDefinitionKey,
        elementId,
        dueAt: schedule.dueAt.getTime(),
        repetitions: schedule.repetitions,
        timerKind: ev.timerKind,
        definition: timerText(text),
      };
      this.deps.events.addTimer(t);
      return;
    }
    if (ev.kind === 'signal') {
      const name = String(this.deps.expressions.evalIn(ev.signalName, ctx.key));
      this.subscribe(owner, elementId, kind, interrupting, name, '', true);
      return;
    }
    if (ev.kind === 'message') {
      const name = String(this.deps.expressions.evalIn(ev.messageName, ctx.key));
      const keyExpr = ev.correlationKey ?? '';
      const corr = this.deps.expressions.evalIn(keyExpr, ctx.key);
      if (corr === null || corr === undefined || (typeof corr !== 'string' && typeof corr !== 'number')) {
        throw new StepFailure(
          'EXTRACT_VALUE_ERROR',
          `Failed to extract the correlation key for '${keyExpr}': The value must be either a string or a number, but was '${typeName(corr)}'.`,
        );
      }
      const sub = this.subscribe(owner, elementId, kind, interrupting, name, String(corr), false);
      // A buffered message that this instance has not received yet is correlated at once.
      this.deps.state.message.expire(this.deps.now());
      const buffered = [...this.deps.state.message.messages.values()]
        .filter(
          (m) =>
            m.name === name &&
            m.correlationKey === sub.correlationKey &&
            !m.correlatedTo.includes(sub.processInstanceKey),
        )
        .sort((a, b) => a.publishedAt - b.publishedAt)[0];
      if (buffered) {
        buffered.correlatedTo.push(sub.processInstanceKey);
        this.deps.state.message.messages.update(buffered);
        this.deps.later(() => this.triggerSubscription(sub, buffered));
      }
    }
  }

  /** Opens a message (or signal) subscription owned by `owner`. */
  private subscribe(
    owner: ElementInstanceRec,
    elementId: string,
    kind: SubscriptionKind,
    interrupting: boolean,
    messageName: string,
    correlationKey: string,
    signal: boolean,
  ): MessageSubscriptionRec {
    const sub: MessageSubscriptionRec = {
      key: this.deps.nextKey(),
      kind,
      ownerKey: owner.key,
      processInstanceKey: owner.processInstanceKey,
      processDefinitionKey: owner.processDefinitionKey,
      bpmnProcessId: owner.bpmnProcessId,
      elementId,
      messageName,
      correlationKey,
      interrupting,
      state: 'CREATED',
      createdAt: this.deps.nowIso(),
      ...(signal ? { signal: true } : {}),
    };
    this.deps.state.message.subscriptions.put(sub);
    this.deps.state.elementInstances.own(owner.key, sub.key);
    this.deps.state.message.markOpen(sub);
    return sub;
  }

  triggerSubscription(
    sub: MessageSubscriptionRec,
    msg: Pick<MessageRec, 'variables'> & Partial<MessageRec>,
  ): void {
    const variables = msg.variables;
    if (sub.state !== 'CREATED') return;
    const owner = this.deps.state.elementInstances.get(sub.ownerKey);
    if (!owner || owner.state !== 'ACTIVE') return;
    if (!sub.signal && msg.key)
      this.deps.recordCorrelation({
        correlationKey: msg.correlationKey,
        correlationTime: this.deps.nowIso(),
        elementId: sub.elementId,
        elementInstanceKey: sub.ownerKey,
        messageKey: msg.key,
        messageName: msg.name,
        partitionId: 1,
        processDefinitionId: sub.bpmnProcessId,
        processDefinitionKey: sub.processDefinitionKey,
        processInstanceKey: sub.processInstanceKey,
        subscriptionKey: sub.key,
        tenantId: TENANT,
      });
    // Non-interrupting boundary and event sub-process subscriptions stay open for further messages.
    const keepOpen = !sub.interrupting && (sub.kind === 'boundary' || sub.kind === 'event-sub-process');
    if (!keepOpen) {
      sub.state = 'CORRELATED';
      this.deps.state.message.markClosed(sub);
      this.deps.state.message.subscriptions.update(sub);
    }
    this.fire(sub.kind, owner, sub.elementId, variables, sub.interrupting);
  }

  /** A timer or message reached its event: carry out what the event means for its owner. */
  fire(
    kind: SubscriptionKind,
    owner: ElementInstanceRec,
    eventId: string,
    variables: Vars,
    interrupting: boolean,
  ): void {
    switch (kind) {
      case 'catch':
        this.deps.transitions.completeActivity(owner, variables);
        return;
      case 'event-gateway': {
        const scope = this.deps.transitions.flowScopeOf(owner);
        this.deps.transitions.finish(owner, 'COMPLETED');
        const ev = this.deps.transitions.createElementInstance(scope, eventId);
        this.deps.later(() => this.deps.transitions.completeActivity(ev, variables));
        return;
      }
      case 'boundary': {
        const scope = this.deps.transitions.flowScopeOf(owner);
        if (interrupting) this.deps.transitions.terminate(owner);
        const ev = this.deps.transitions.createElementInstance(scope, eventId);
        this.deps.later(() => this.deps.transitions.completeActivity(ev, variables));
        return;
      }
      case 'event-sub-process': {
        const model = this.deps.model(owner.processDefinitionKey);
        const start = elementOfKind(model, eventId, 'startEvent');
        if (interrupting) {
          this.deps.transitions.terminateChildren(owner);
          owner.joins = undefined;
          this.deps.events.closeOwnedBy(owner.key, 'event-sub-process');
          this.deps.state.elementInstances.update(owner);
        }
        const esp = this.deps.transitions.createElementInstance(owner, start.scopeId);
        this.openEventSubProcesses(esp);
        const startEi = this.deps.transitions.createElementInstance(esp, eventId);
        this.deps.later(() => this.deps.transitions.completeActivity(startEi, variables));
        return;
      }
    }
  }
}

/** The start events of a flow scope's event sub-processes. */
export function eventSubProcessStarts(model: ProcessModel, scope: FlowScope): StartEvent[] {
  return scope.eventSubProcesses.map((id) =>
    elementOfKind(model, elementOfKind(model, id, 'eventSubProcess').startEventId, 'startEvent'),
  );
}
