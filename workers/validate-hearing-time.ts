import type { Clock } from '../domain/clock';
import type { LegalClock } from '../domain/legal-clock';
import { checkHearingTime, DEFAULT_HEARING_MIN_NOTICE_WD } from '../domain/rules/hearing-time';
import type { WorkerDefinition } from './types';

export interface ValidateHearingTimeDeps {
  clock: Clock;
  /** The calendar with operator revisions applied. */
  currentLegalClock: () => Promise<LegalClock>;
  rules?: { hearingMinNoticeWd?: number };
}

/**
 * Spec C6 (Order 923 §8; APPC art. 73): checks the hearing time of the preliminary decision when
 * the clerk submits it. A time outside the window is the clerk's to correct: BPMN error
 * `HEARING_TIME_INVALID` with `hearingTimeError {kk, ru}` goes back to the clerk's task, never an
 * incident. A missing `deadlineHearing` is a modelling error: an incident naming the variable.
 */
const worker: WorkerDefinition<ValidateHearingTimeDeps> = {
  type: 'validate-hearing-time',
  timeoutMs: 30_000,
  async handler(job, deps) {
    const deadlineHearing = job.variables.deadlineHearing;
    if (typeof deadlineHearing !== 'string' || Number.isNaN(Date.parse(deadlineHearing))) {
      return job.fail({
        errorMessage: `validate-hearing-time: variable deadlineHearing is missing or not an instant: ${JSON.stringify(deadlineHearing)}`,
        retries: 0,
      });
    }
    const check = checkHearingTime(await deps.currentLegalClock(), {
      hearingAt: job.variables.hearingAt,
      noticeAt: deps.clock.now(),
      deadlineHearing,
      minNoticeWorkingDays: deps.rules?.hearingMinNoticeWd ?? DEFAULT_HEARING_MIN_NOTICE_WD,
    });
    if (!check.ok) {
      return job.error({
        errorCode: 'HEARING_TIME_INVALID',
        errorMessage: check.ru,
        variables: { hearingTimeError: { problem: check.problem, kk: check.kk, ru: check.ru } },
      });
    }
    return job.complete({ hearingTimeError: null });
  },
};

export default worker;
