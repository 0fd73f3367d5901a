import type { IncidentErrorType } from './records';

/** A rejected command, carrying what the REST layer turns into RFC 9457 problem details. */
export class EngineError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 429 | 500 | 503 | 504,
    readonly title:
      | 'INVALID_ARGUMENT'
      | 'NOT_FOUND'
      | 'INVALID_STATE'
      | 'ALREADY_EXISTS'
      | 'INTERNAL'
      | 'UNAVAILABLE'
      | 'UNAUTHENTICATED'
      | 'PAYLOAD_TOO_LARGE'
      | 'UNSUPPORTED_MEDIA_TYPE'
      | 'RESOURCE_EXHAUSTED'
      | 'DEADLINE_EXCEEDED',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export const notFound = (what: string, key: string) =>
  new EngineError(404, 'NOT_FOUND', `${what} with key '${key}' not found`);
export const invalid = (message: string) => new EngineError(400, 'INVALID_ARGUMENT', message);
export const invalidState = (message: string) => new EngineError(409, 'INVALID_STATE', message);

/** Thrown inside the interpreter when an element cannot go on (an expression failed): becomes an incident. */
export class StepFailure extends Error {
  constructor(
    readonly errorType: IncidentErrorType,
    message: string,
  ) {
    super(message);
  }
}
