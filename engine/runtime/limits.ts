/** The longest delay a Node timer takes (about 24.8 days); longer waits are capped or chunked. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Size, time and queue limits of the embedded engine (configured through config/schema.ts). */
export interface EngineLimits {
  /**
   * Largest variables document of one command and largest stored record, in bytes: Zeebe's
   * maxMessageSize (4 MB by default). JSON request bodies may exceed it by the envelope allowance.
   */
  maxMessageBytes: number;
  /** Longest a FEEL expression may evaluate, in milliseconds, before it becomes an incident. */
  feelTimeoutMs: number;
  /** Commands waiting for the engine beyond which new ones are answered 429 RESOURCE_EXHAUSTED. */
  maxQueuedCommands: number;
  /** Largest document `/v2/documents` accepts, in bytes; a larger upload is answered 413. */
  maxDocumentBytes: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  feelTimeoutMs: 1000,
  maxQueuedCommands: 256,
  maxDocumentBytes: 10 * 1024 * 1024,
};

/** Room for the JSON around the variables (names, keys, options) in a request body. */
export const ENVELOPE_BYTES = 64 * 1024;
