import { almatyDay } from '../domain/almaty-time';
import { caseSummary } from '../domain/case-summary';
import type { Clock } from '../domain/clock';
import type { LegalClock } from '../domain/legal-clock';
import { DEFAULT_HEARING_MIN_NOTICE_WD } from '../domain/rules/hearing-time';
import { defineWorker } from './define';
import { applicationInput } from './support';

export interface CaseSummaryDeps {
  clock: Clock;
  /** The calendar with operator revisions applied: working days left are counted on it. */
  currentLegalClock: () => Promise<LegalClock>;
  rules?: { hearingMinNoticeWd?: number };
  /** Where the web app serves a stored document; an absolute address also feeds the forms' preview. */
  documentsBaseUrl?: string;
}

/**
 * Prepares what the next user task's form shows (domain/case-summary.ts): `displayKk` and
 * `displayRu`, the case in each language (the form shows the one of its language), with the working
 * days left counted on the legal clock at the moment the task is created, and `recordedGroundCodes`, the refusal grounds the application and the automatic
 * checks recorded (the diagrams route such a case to the hearing, never straight to issue).
 */
export default defineWorker({
  type: 'case-summary',
  timeoutMs: 30_000,
  // The application it belongs to; every other variable of the case is read as it is, and what is
  // missing or unreadable is shown as not yet known.
  input: applicationInput.loose(),
  config: (deps): CaseSummaryDeps => ({
    clock: deps.clock,
    currentLegalClock: deps.currentLegalClock,
    rules: { hearingMinNoticeWd: deps.rules.hearingMinNoticeWd },
  }),
  async run(_job, variables, deps) {
    const legalClock = await deps.currentLegalClock();
    const now = deps.clock.now();
    const minNotice = deps.rules?.hearingMinNoticeWd ?? DEFAULT_HEARING_MIN_NOTICE_WD;
    const today = almatyDay(now);
    let earliestHearingDay: string | undefined;
    try {
      earliestHearingDay = minNotice > 0 ? legalClock.addWorkingDays(today, minNotice) : today;
    } catch {
      earliestHearingDay = undefined; // a day outside the calendar's years: the window states the latest only
    }
    const summary = caseSummary(variables, {
      now,
      clock: legalClock,
      documentsBaseUrl: deps.documentsBaseUrl ?? '/api/documents/',
      earliestHearingDay,
    });
    return { ...summary };
  },
});
