import type { MessageRec, MessageSubscriptionRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/**
 * Buffered messages and message/signal subscriptions (Zeebe's message and subscription state), with
 * the open subscriptions indexed by message name and correlation key (signals by name alone).
 */
export class MessageState {
  readonly messages: RecordTable<MessageRec>;
  readonly subscriptions: RecordTable<MessageSubscriptionRec>;
  private readonly open = new Map<string, Set<string>>();

  constructor(dirty: DirtyHook) {
    this.messages = new RecordTable('message', dirty);
    this.subscriptions = new RecordTable('messageSubscription', dirty);
  }

  /** Keys of the open subscriptions to a message name and correlation key. */
  openFor(messageName: string, correlationKey: string): string[] {
    return [...(this.open.get(subIndex(messageName, correlationKey)) ?? [])];
  }

  /** Keys of the open subscriptions to a signal. */
  openForSignal(signalName: string): string[] {
    return this.openFor(SIGNAL_INDEX + signalName, '');
  }

  markOpen(s: MessageSubscriptionRec): void {
    const k = indexOf(s);
    let set = this.open.get(k);
    if (!set) this.open.set(k, (set = new Set()));
    set.add(s.key);
  }

  markClosed(s: MessageSubscriptionRec): void {
    this.open.get(indexOf(s))?.delete(s.key);
  }

  /** Drops buffered messages whose time to live is over at `now` (Zeebe's message expiry). */
  expire(now: number): void {
    for (const m of [...this.messages.values()]) if (m.expiresAt <= now) this.messages.remove(m.key);
  }

  rebuildIndexes(): void {
    this.open.clear();
    for (const s of this.subscriptions.values()) if (s.state === 'CREATED') this.markOpen(s);
  }
}

/** Signal subscriptions are indexed apart from messages: no message name can start with this. */
const SIGNAL_INDEX = '\u0000signal\u0000';

function subIndex(name: string, corr: string): string {
  return `${name}\u0000${corr}`;
}

function indexOf(s: MessageSubscriptionRec): string {
  return s.signal ? subIndex(SIGNAL_INDEX + s.messageName, '') : subIndex(s.messageName, s.correlationKey);
}
