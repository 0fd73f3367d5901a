import type { CalendarRevision } from '../../domain/legal-clock';

const changeKey = (c: CalendarRevision['changes'][number]) => `${c.date}|${c.kind}|${c.name?.trim() ?? ''}`;
const changesKey = (r: Pick<CalendarRevision, 'changes'>) =>
  [...new Set(r.changes.map(changeKey))].sort().join('\n');

/**
 * The recorded revision `candidate` repeats exactly: the same day of effect and the same days with
 * the same kinds and names, whatever its number or legal basis (the form still holding the last
 * revision, sent again). A later revision changing the same days back is not a repeat.
 */
export function repeatedRevision<R extends CalendarRevision>(
  recorded: readonly R[],
  candidate: CalendarRevision,
): R | undefined {
  const key = changesKey(candidate);
  const at = new Date(candidate.effectiveAt).getTime();
  return recorded.find((r) => new Date(r.effectiveAt).getTime() === at && changesKey(r) === key);
}
