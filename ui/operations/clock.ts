import { formatAlmatyDateTime } from '../../domain/almaty-time';
import type { OpsEngineClock } from '../api-types';

/** Below this the two clocks are the same to a person reading minutes. */
const SAME_CLOCK_MS = 60_000;

/**
 * The engine's time that decided "overdue" on an operator's screen, in Almaty time, and the
 * server's own time beside it when they differ (a pinned or simulated engine clock).
 */
export function engineClockView(engine: Date, wall: Date): OpsEngineClock {
  return {
    at: formatAlmatyDateTime(engine),
    wall: Math.abs(engine.getTime() - wall.getTime()) >= SAME_CLOCK_MS ? formatAlmatyDateTime(wall) : null,
  };
}
