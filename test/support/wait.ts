/** The one polling loop of the tests: no blind sleeps, and a failure that says what was awaited. */
export interface WaitOptions {
  timeoutMs?: number;
  /** Pause between probes (0: next turn of the event loop). */
  intervalMs?: number;
  /** Keep probing when the probe throws (a page still loading); the last error is reported. */
  retryErrors?: boolean;
}

/** Polls `probe` until it returns a value (not undefined or false); fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  { timeoutMs = 15_000, intervalMs = 25, retryErrors = false }: WaitOptions = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      if (!retryErrors) throw err;
      lastError = err;
    }
    if (Date.now() > until)
      throw new Error(
        `timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
      );
    await new Promise((r) => (intervalMs > 0 ? setTimeout(r, intervalMs) : setImmediate(r)));
  }
}
