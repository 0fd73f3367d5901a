/** The legal clock: Kazakhstan working-day calendar, registration day, term ends and fees. */
export * from './errors';
export { DAY_KINDS, loadCalendar, shippedCalendar } from './calendar';
export type { Calendar, CalendarDay, CalendarYear, DayKind } from './calendar';
export { createLegalClock, defaultLegalClock } from './legal-clock';
export type { LegalClock } from './legal-clock';
export {
  chainedStepWorkingDays,
  COMPLAINT_REVIEW_WORKING_DAYS,
  REQUEST_KINDS,
  RULE_CHANGE_NOTICE_WORKING_DAYS,
  SERVICE_IDS,
  isServiceId,
} from './steps';
export type { ChainedStep, DeadlineName, ServiceId, StepDeadlines, StepTermConfig } from './steps';
export {
  LICENCE_REQUEST_KINDS,
  createFeeSchedule,
  licenceFee,
  mciTableWith,
  mciUnknownMessage,
  parseMciRecord,
  shippedFeeSchedule,
  shippedMciTable,
} from './fees';
export type { FeeSchedule, LicenceFee, LicenceRequestKind, MciRecord, MciTable } from './fees';
export {
  buildCalendar,
  calendarRevisionSchema,
  changedDays,
  deadlinesAffected,
  parseCalendarRevision,
} from './revisions';
export type {
  AffectedDeadline,
  CalendarRevision,
  ChangedDay,
  DayStatus,
  RevisionChangeKind,
} from './revisions';
export { parseDay, parseInstant } from './time';

import { defaultLegalClock } from './legal-clock';
export default defaultLegalClock;
