/** Typed errors of the legal clock. Adapters map them to job failures, HTTP statuses or exit codes. */

/** A day or year the calendar data does not cover: we never guess which days are worked. */
export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';
}

/** Calendar data (a shipped year file or a revision) breaks a rule of the calendar's shape. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

/** No monthly calculation index is known for the payment date's year. */
export class MciUnknownError extends Error {
  override readonly name = 'MciUnknownError';
}

/** A request kind the service does not have (e.g. a duplicate of a training-centre designation). */
export class UnknownRequestKindError extends Error {
  override readonly name = 'UnknownRequestKindError';
}

/** A service id the legal clock has no term table for. */
export class UnknownServiceError extends Error {
  override readonly name = 'UnknownServiceError';
}

/** A malformed argument: a date that does not exist, an instant without offset, a term that is not a positive integer. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}
