/** Clock commands (Zeebe's ClockProcessor and ClockState): the engine's time, which the clock API can pin and reset. */
import { invalid } from '../errors';

export class ClockProcessor {
  private pinnedAt: number | undefined;

  now(): number {
    return this.pinnedAt ?? Date.now();
  }

  isPinned(): boolean {
    return this.pinnedAt !== undefined;
  }

  checkPin(timestampMs: number): void {
    if (!Number.isFinite(timestampMs) || timestampMs < 0)
      throw invalid(`clock timestamp must be a non-negative epoch millisecond value, got '${timestampMs}'`);
  }

  pin(timestampMs: number): void {
    this.pinnedAt = timestampMs;
  }

  reset(): void {
    this.pinnedAt = undefined;
  }

  /** Reads the pinned time as stored (meta `pinnedClock`, empty when the clock runs). */
  load(stored: string | undefined): void {
    this.pinnedAt = stored ? Number(stored) : undefined;
  }

  /** The pinned time as the store keeps it. */
  stored(): string {
    return this.pinnedAt === undefined ? '' : String(this.pinnedAt);
  }
}
