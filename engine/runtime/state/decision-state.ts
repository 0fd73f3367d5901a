import type { DrgModel } from '../../dmn/parse';
import type { DecisionRec, DecisionRequirementsRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/** Deployed DMN (Zeebe's decision state): decision requirements graphs with their parsed models, and decisions. */
export class DecisionState {
  readonly requirements: RecordTable<DecisionRequirementsRec>;
  readonly decisions: RecordTable<DecisionRec>;
  /** Parsed DRGs by decision requirements key (derived: re-parsed at start). */
  private readonly drgModels = new Map<string, DrgModel>();

  constructor(dirty: DirtyHook) {
    this.requirements = new RecordTable('decisionRequirements', dirty);
    this.decisions = new RecordTable('decision', dirty);
  }

  drg(decisionRequirementsKey: string): DrgModel | undefined {
    return this.drgModels.get(decisionRequirementsKey);
  }

  setDrg(decisionRequirementsKey: string, model: DrgModel): void {
    this.drgModels.set(decisionRequirementsKey, model);
  }

  /** Forgets the models of DRGs that are no longer held (after a rollback). */
  pruneModels(): void {
    for (const key of [...this.drgModels.keys()]) if (!this.requirements.has(key)) this.drgModels.delete(key);
  }

  latestDecision(decisionId: string): DecisionRec | undefined {
    let best: DecisionRec | undefined;
    for (const d of this.decisions.values())
      if (d.decisionId === decisionId && (!best || d.version > best.version)) best = d;
    return best;
  }
}
