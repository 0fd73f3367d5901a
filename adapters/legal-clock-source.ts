import { createLegalClock, shippedCalendar, type LegalClock } from '../domain/legal-clock';
import type { CalendarRevisionStore } from './calendar-revisions';

/**
 * The legal clock on the shipped calendar with every recorded operator revision applied. The
 * store's version is read on every call (one small query) and the clock rebuilt only when it
 * changed, so a revision recorded by any process is used on the next job and a deadline
 * computation otherwise stays an index lookup.
 */
export function revisedLegalClock(store: CalendarRevisionStore): () => Promise<LegalClock> {
  let cached: { version: string; clock: LegalClock } | undefined;
  return async () => {
    const version = await store.version();
    if (!cached || cached.version !== version) {
      cached = { version, clock: createLegalClock(await store.calendarAsOf(shippedCalendar)) };
    }
    return cached.clock;
  };
}
