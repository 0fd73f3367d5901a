import type { SubscriptionKind, TimerRec } from '../records';
import type { EngineState } from '../state';

/**
 * Zeebe's event-subscription behaviour: the timers and message/signal subscriptions an element
 * instance owns are opened with it and closed with it (or, for one kind, when its scope says so).
 */
export class EventSubscriptionBehaviour {
  constructor(private readonly state: EngineState) {}

  addTimer(t: TimerRec): void {
    this.state.timers.put(t);
    this.state.elementInstances.own(t.ownerKey, t.key);
  }

  /**
   * Closes the timers and message subscriptions an element instance owns; with `only`, just those of
   * one kind (an interrupting event sub-process closes its scope's event sub-process subscriptions,
   * while boundary events attached to the scope stay open).
   */
  closeOwnedBy(ownerKey: string, only?: SubscriptionKind): void {
    for (const key of this.state.elementInstances.owned(ownerKey)) {
      const t = this.state.timers.get(key);
      const s = this.state.message.subscriptions.get(key);
      if (only && (t?.kind ?? s?.kind) !== only) continue;
      this.state.elementInstances.disown(ownerKey, key);
      if (t) this.state.timers.remove(key);
      if (s) {
        this.state.message.subscriptions.remove(key);
        this.state.message.markClosed(s);
      }
    }
  }
}
