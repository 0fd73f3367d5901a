import type { Clock } from '../domain/clock';
import type { LegalClock } from '../domain/legal-clock';
import { checkHearingTime } from '../domain/rules/hearing-time';
import { z } from 'zod';
import { defineWorker } from './define';
import { BpmnError } from './types';

export interface ValidateHearingTimeDeps {
  clock: Clock;
  /** The calendar with operator revisions applied. */
  currentLegalClock: () => Promise<LegalClock>;
  /** HEARING_MIN_NOTICE_WD. */
  minNoticeWorkingDays: number;
}

/**
 * Spec C6 (Order 923 §8; APPC art. 73): checks the hearing time of the preliminary decision when
 * the clerk submits it. A time outside the window is the clerk's to correct: BPMN error
 * `HEARING_TIME_INVALID` with `hearingTimeError {kk, ru}` goes back to the clerk's task, never an
 * incident. A missing `deadlineHearing` is a modelling error: an incident naming the variable.
 */
export default defineWorker({
  type: 'validate-hearing-time',
  timeoutMs: 30_000,
  input: z.object({
    deadlineHearing: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not an instant'),
    // The clerk's entry: checked by the rule, which answers the clerk in Kazakh and Russian.
    hearingAt: z.unknown(),
  }),
  config: (deps): ValidateHearingTimeDeps => ({
    clock: deps.clock,
    currentLegalClock: deps.currentLegalClock,
    minNoticeWorkingDays: deps.rules.hearingMinNoticeWd,
  }),
  async run(_job, v, deps) {
    const check = checkHearingTime(await deps.currentLegalClock(), {
      hearingAt: v.hearingAt,
      noticeAt: deps.clock.now(),
      deadlineHearing: v.deadlineHearing,
      minNoticeWorkingDays: deps.minNoticeWorkingDays,
    });
    if (!check.ok)
      throw new BpmnError('HEARING_TIME_INVALID', check.ru, {
        hearingTimeError: { problem: check.problem, kk: check.kk, ru: check.ru },
      });
    return { hearingTimeError: null };
  },
});
