/**
 * The slice of the official SDK's activated job that our handlers use. `@camunda8/sdk`'s REST job
 * worker passes an object of this shape; unit tests pass a fake.
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

/** One job type: `workers/<type>.ts` default-exports one of these. */
export interface WorkerDefinition<Deps = unknown> {
  type: string;
  /** How long the engine waits before offering the job again. */
  timeoutMs?: number;
  handler(job: WorkerJob, deps: Deps): Promise<unknown>;
}
