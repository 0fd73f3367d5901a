import type { CalendarRevisionStore, StoredCalendarRevision } from '../adapters/calendar-revisions';
import type { CalendarRevision } from '../domain/legal-clock/revisions';
import { ScopeKey } from '@camunda8/orchestration-cluster-api';
import { SERVICE_IDS } from '../domain/services';
import type { CamundaPort } from '../intake/camunda-port';

/** The four public-service procedures whose applications carry working-day deadlines. */
export const PROCEDURES = SERVICE_IDS;

/** The message the diagrams wait for to recompute deadlines and re-arm their timers. */
export const CALENDAR_REVISED_MESSAGE = 'calendar-revised';

/** The slice of the official client this needs, with its own types. */
export type RevisionCamunda = Pick<
  CamundaPort,
  'searchProcessInstances' | 'searchVariables' | 'publishMessage'
>;

export interface RevisionOutcome {
  revision: StoredCalendarRevision;
  /** Application numbers whose running process was told to recompute its deadlines. */
  rearmed: string[];
}

const NOW = { consistency: { waitUpToMs: 0 } };

/**
 * Records an operator's calendar revision (kept with its history) and tells every running
 * application to recompute its pending deadlines. Zeebe cannot reschedule a running timer, so each
 * diagram catches `calendar-revised` on its review stage, recomputes with the revised calendar and
 * re-enters the stage with new timers; the stage report records the change on the application.
 */
export async function reviseCalendar(
  deps: { store: CalendarRevisionStore; camunda: RevisionCamunda; now: () => Date },
  revision: CalendarRevision,
): Promise<RevisionOutcome> {
  const stored = await deps.store.append(revision, deps.now());
  const rearmed: string[] = [];
  for (const processDefinitionId of PROCEDURES) {
    const page = await deps.camunda.searchProcessInstances(
      { filter: { processDefinitionId, state: 'ACTIVE' }, page: { limit: 10_000 } },
      NOW,
    );
    for (const pi of page.items ?? []) {
      const vars = await deps.camunda.searchVariables(
        {
          filter: {
            processInstanceKey: pi.processInstanceKey,
            scopeKey: ScopeKey.assumeExists(String(pi.processInstanceKey)),
            name: 'applicationNumber',
          },
        },
        NOW,
      );
      const raw = vars.items?.[0]?.value;
      if (typeof raw !== 'string') continue;
      const applicationNumber = JSON.parse(raw) as string;
      await deps.camunda.publishMessage({
        name: CALENDAR_REVISED_MESSAGE,
        correlationKey: applicationNumber,
        timeToLive: 0,
        variables: {
          calendarRevisionId: stored.id,
          calendarRevisionBasis: stored.legalBasis,
          calendarRevisedAt: stored.recordedAt,
        },
      });
      rearmed.push(applicationNumber);
    }
  }
  return { revision: stored, rearmed };
}
