/** Message commands (Zeebe's MessagePublishProcessor and MessageCorrelateProcessor): publish, correlate, expire. */
import type { ProcessModel } from '../../model/types';
import type { VariableBehaviour } from '../behaviours/variables';
import type { Vars } from '../elements/processor';
import { EngineError } from '../errors';
import { cmpKey, EngineState } from '../state';
import {
  ElementInstanceRec,
  MessageRec,
  MessageSubscriptionRec,
  ProcessDefinitionRec,
  ProcessInstanceRec,
  TENANT,
} from '../records';

/** What the message commands need: the stores, keys and clock, and how a subscription or start event is reached. */
export interface MessageProcessorDeps {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  nextKey(): string;
  now(): number;
  nowIso(): string;
  model(processDefinitionKey: string): ProcessModel;
  startInstance(
    def: ProcessDefinitionRec,
    startElementId: string,
    variables: Vars,
    parent?: ElementInstanceRec,
    startCorrelationKey?: string,
  ): ProcessInstanceRec;
  /** Triggers an open message or signal subscription (Zeebe's event trigger). */
  triggerSubscription(
    sub: MessageSubscriptionRec,
    msg: Pick<MessageRec, 'variables'> & Partial<MessageRec>,
  ): void;
  /** A correlation to a message start event, for the correlated-message-subscription search. */
  recordCorrelation(row: Record<string, unknown>): void;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey?: string;
  /** How long the message stays buffered for later subscriptions, in ms (0: not buffered). */
  timeToLive?: number;
  /** A publisher's id: a second message with the same id and name is refused while the first is buffered. */
  messageId?: string;
  variables?: Vars;
}

/** The latest version of every deployed process (start events of older versions do not start instances). */
export function latestDefinitions(state: EngineState): ProcessDefinitionRec[] {
  const latest = new Map<string, ProcessDefinitionRec>();
  for (const p of state.deployment.processes.values()) {
    const cur = latest.get(p.bpmnProcessId);
    if (!cur || p.version > cur.version) latest.set(p.bpmnProcessId, p);
  }
  return [...latest.values()];
}

/** Each public method is one command's work; the caller runs it inside `Engine.command` (commit or roll back). */
export class MessageProcessor {
  constructor(private readonly deps: MessageProcessorDeps) {}

  /** Publishes a message: correlated at once where it can be, buffered for `timeToLive` ms. */
  publish(req: PublishMessageRequest): MessageRec {
    const { state } = this.deps;
    const ttl = req.timeToLive ?? 0;
    this.deps.state.message.expire(this.deps.now());
    if (req.messageId) {
      for (const m of state.message.messages.values()) {
        if (m.messageId === req.messageId && m.name === req.name) {
          throw new EngineError(
            409,
            'ALREADY_EXISTS',
            `Expected to publish a new message with id '${req.messageId}', but a message with that id was already published`,
          );
        }
      }
    }
    const msg: MessageRec = {
      key: this.deps.nextKey(),
      name: req.name,
      correlationKey: req.correlationKey ?? '',
      variables: req.variables ?? {},
      messageId: req.messageId,
      publishedAt: this.deps.now(),
      expiresAt: this.deps.now() + ttl,
      correlatedTo: [],
    };
    this.correlate(msg, false);
    if (ttl > 0) state.message.messages.put(msg);
    return msg;
  }

  /** Correlates immediately to one subscription or start event; no buffering. */
  correlateNow(req: { name: string; correlationKey?: string; variables?: Vars }): {
    messageKey: string;
    processInstanceKey: string;
  } {
    const msg: MessageRec = {
      key: this.deps.nextKey(),
      name: req.name,
      correlationKey: req.correlationKey ?? '',
      variables: req.variables ?? {},
      publishedAt: this.deps.now(),
      expiresAt: this.deps.now(),
      correlatedTo: [],
    };
    const reached = this.correlate(msg, true);
    if (!reached) {
      throw new EngineError(
        404,
        'NOT_FOUND',
        `Expected to find subscription for message with name '${req.name}' and correlation key '${msg.correlationKey}', but none was found`,
      );
    }
    return { messageKey: msg.key, processInstanceKey: reached };
  }

  /** Returns the first process instance reached. */
  private correlate(msg: MessageRec, onlyOne: boolean): string | undefined {
    const { state } = this.deps;
    let first: string | undefined;
    const subs = state.message
      .openFor(msg.name, msg.correlationKey)
      .map((k) => state.message.subscriptions.get(k)!)
      .sort((a, b) => cmpKey(a.key, b.key));
    for (const sub of subs) {
      if (sub.state !== 'CREATED' || msg.correlatedTo.includes(sub.processInstanceKey)) continue;
      msg.correlatedTo.push(sub.processInstanceKey);
      this.deps.triggerSubscription(sub, msg);
      first ??= sub.processInstanceKey;
      if (onlyOne) return first;
    }
    for (const def of latestDefinitions(state)) {
      const model = this.deps.model(def.key);
      const start = model.messageStartEvents.find((s) => s.messageName === msg.name);
      if (!start || msg.correlatedTo.includes(def.bpmnProcessId)) continue;
      if (msg.correlationKey) {
        const active = [...state.processInstances.values()].some(
          (pi) =>
            pi.state === 'ACTIVE' &&
            pi.bpmnProcessId === def.bpmnProcessId &&
            pi.startCorrelationKey === msg.correlationKey,
        );
        if (active) continue;
      }
      msg.correlatedTo.push(def.bpmnProcessId);
      const pi = this.deps.startInstance(
        def,
        start.elementId,
        {},
        undefined,
        msg.correlationKey || undefined,
      );
      const startEi = [...state.elementInstances.values()].find(
        (e) => e.processInstanceKey === pi.key && e.elementId === start.elementId && e.state === 'ACTIVE',
      );
      if (startEi)
        for (const [n, v] of Object.entries(msg.variables)) this.deps.vars.setPropagate(startEi.key, n, v);
      // A message start event's subscription belongs to the definition; its key stands for it.
      this.deps.recordCorrelation({
        correlationKey: msg.correlationKey,
        correlationTime: this.deps.nowIso(),
        elementId: start.elementId,
        elementInstanceKey: startEi?.key,
        messageKey: msg.key,
        messageName: msg.name,
        partitionId: 1,
        processDefinitionId: def.bpmnProcessId,
        processDefinitionKey: def.key,
        processInstanceKey: pi.key,
        subscriptionKey: def.key,
        tenantId: TENANT,
      });
      first ??= pi.key;
      if (onlyOne) return first;
    }
    if (msg.correlatedTo.length && state.message.messages.has(msg.key)) state.message.messages.update(msg);
    return first;
  }

  /** Drops buffered messages whose time to live has passed. */
}
