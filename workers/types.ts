/**
 * The slice of the official SDK's activated job that our workers use. `@camunda8/sdk`'s REST job
 * worker and its gRPC stream both pass an object of this shape (see `toWorkerJob`); tests pass a fake.
 */
export interface WorkerJob {
  key: string;
  type: string;
  processInstanceKey: string;
  elementId: string;
  retries: number;
  variables: Record<string, unknown>;
  customHeaders: Record<string, unknown>;
  complete(variables?: Record<string, unknown>): Promise<unknown>;
  /** Note the spelling `retryBackOff`, as in the Camunda API. */
  fail(body: { errorMessage: string; retries: number; retryBackOff?: number }): Promise<unknown>;
  error(body: {
    errorCode: string;
    errorMessage?: string;
    variables?: Record<string, unknown>;
  }): Promise<unknown>;
}

export interface WorkerLogger {
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

/**
 * A business outcome the diagram catches (an error boundary event with this code), e.g. the fee not
 * paid or a hearing time outside its window: `job.error`, never an incident.
 */
export class BpmnError extends Error {
  override readonly name = 'BpmnError';
  constructor(
    readonly errorCode: string,
    message: string,
    readonly variables?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The process variables or headers do not let the job run: a modelling or intake fault (incident). */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
}

/** A fault that may pass by itself (a store or a system briefly unavailable): retried with back-off. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  constructor(
    message: string,
    /** When the other side said how long to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
