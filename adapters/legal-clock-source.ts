import { stat } from 'node:fs/promises';
import { createLegalClock, shippedCalendar, type LegalClock } from '../domain/legal-clock';
import type { CalendarRevisionStore } from './calendar-revisions';

/**
 * The legal clock on the shipped calendar with every recorded operator revision applied. The
 * revision file is re-read only when it changes, so a deadline computation stays an index lookup.
 */
export function revisedLegalClock(store: CalendarRevisionStore, filePath: string): () => Promise<LegalClock> {
  let cached: { stamp: string; clock: LegalClock } | undefined;
  return async () => {
    let stamp = 'none';
    try {
      const s = await stat(filePath);
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!cached || cached.stamp !== stamp) {
      cached = { stamp, clock: createLegalClock(await store.calendarAsOf(shippedCalendar)) };
    }
    return cached.clock;
  };
}
