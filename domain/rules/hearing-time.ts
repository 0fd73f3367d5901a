import { both, t, type Lang, type MessageKey, type MessageParams } from '../../i18n';
import { formatDateTime } from '../documents/format';
import type { LegalClock } from '../legal-clock';
import { formatDay, localDayAndTime } from '../legal-clock/time';

/**
 * The hearing time a clerk sets in the preliminary decision (Order 923 §8 second indent; APPC
 * art. 73; spec C6): late enough for the applicant to prepare a position, inside the hearing's
 * window, and when the provider works.
 */

/** C6 [config]: working days between the notice and the hearing; the spec's window (held within 2 WD of the notice) leaves 1. */
export const DEFAULT_HEARING_MIN_NOTICE_WD = 1;

/** Working hours of state bodies (spec C10): 09:00–18:30 Asia/Almaty. */
const OPENS_MS = 9 * 3_600_000;
const CLOSES_MS = (18 * 60 + 30) * 60_000;

export interface HearingTimeInput {
  /** What the clerk entered (ISO instant with offset). */
  hearingAt: unknown;
  /** When the notice goes out: the moment the clerk's preliminary decision is checked. */
  noticeAt: Date;
  /** The hearing term (deadlineHearing), an ISO instant. */
  deadlineHearing: string;
  minNoticeWorkingDays?: number;
}

export type HearingTimeProblem = 'missing' | 'too-soon' | 'after-deadline' | 'day-off' | 'outside-hours';

export type HearingTimeCheck =
  { ok: true; hearingAt: string } | { ok: false; problem: HearingTimeProblem; kk: string; ru: string };

export function checkHearingTime(
  clock: Pick<LegalClock, 'isWorkingDay' | 'addWorkingDays'>,
  input: HearingTimeInput,
): HearingTimeCheck {
  const minNotice = input.minNoticeWorkingDays ?? DEFAULT_HEARING_MIN_NOTICE_WD;
  if (!Number.isSafeInteger(minNotice) || minNotice < 0)
    throw new RangeError(`minNoticeWorkingDays must be a non-negative integer, got ${minNotice}`);
  const deadline = new Date(input.deadlineHearing);
  if (Number.isNaN(deadline.getTime()))
    throw new RangeError(`deadlineHearing is not an instant: ${input.deadlineHearing}`);

  const text = typeof input.hearingAt === 'string' ? input.hearingAt.trim() : '';
  const at = new Date(text);
  // An instant without its offset would be read in the server's zone: it must carry one.
  if (!text || Number.isNaN(at.getTime()) || !/(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    return {
      ok: false,
      problem: 'missing',
      ...both('error.hearingAt.missing'),
    };
  }
  const local = localDayAndTime(at.getTime());
  const day = formatDay(local.ordinal);
  const earliestDay = formatDay(localDayAndTime(input.noticeAt.getTime()).ordinal);
  const earliest = minNotice > 0 ? clock.addWorkingDays(earliestDay, minNotice) : earliestDay;
  const say = (key: MessageKey, params: (lang: Lang) => MessageParams) => ({
    kk: t('kk', key, { at: formatDateTime(at, 'kk'), ...params('kk') }),
    ru: t('ru', key, { at: formatDateTime(at, 'ru'), ...params('ru') }),
  });

  if (at.getTime() > deadline.getTime()) {
    return {
      ok: false,
      problem: 'after-deadline',
      ...say('error.hearingAt.afterDeadline', (lang) => ({ deadline: formatDateTime(deadline, lang) })),
    };
  }
  if (day < earliest || (minNotice === 0 && at.getTime() < input.noticeAt.getTime())) {
    return {
      ok: false,
      problem: 'too-soon',
      ...say('error.hearingAt.tooSoon', () => ({ earliest: dotted(earliest), minNotice })),
    };
  }
  if (!clock.isWorkingDay(day)) {
    return {
      ok: false,
      problem: 'day-off',
      ...both('error.hearingAt.dayOff', { day: dotted(day) }),
    };
  }
  if (local.msOfDay < OPENS_MS || local.msOfDay > CLOSES_MS) {
    return {
      ok: false,
      problem: 'outside-hours',
      ...say('error.hearingAt.outsideHours', () => ({})),
    };
  }
  return { ok: true, hearingAt: text };
}

function dotted(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}
