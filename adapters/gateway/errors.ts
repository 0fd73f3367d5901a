/**
 * The two ways a state system can let a worker down. Workers map them to job outcomes:
 * unavailable ⇒ `fail` with retries left and a back-off; contract ⇒ `fail` with no retries (incident).
 * Messages name the system and the status, never the URL: paths carry IINs.
 */
export class GatewayUnavailableError extends Error {
  override readonly name = 'GatewayUnavailableError';
  constructor(
    readonly system: string,
    readonly detail: string,
    /** From `Retry-After`, when the system said how long to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(`${system} unavailable: ${detail}`);
  }
}

export class GatewayContractError extends Error {
  override readonly name = 'GatewayContractError';
  constructor(
    readonly system: string,
    readonly detail: string,
    readonly status?: number,
  ) {
    super(`${system} broke its contract: ${detail}`);
  }
}
