/**
 * How long a test waits for something to happen before it fails. Generous on purpose: on a busy
 * two-core machine a child node process took over 20 s to start and a projector over 5 s to catch
 * up (issue 19.9), while a condition that already holds costs one probe. Jest's per-test bound
 * (jest.config.js) is above it, so a wait that runs out fails with its own message.
 */
export const PATIENCE_MS = 90_000;

/**
 * Polls `probe` until it gives a value other than undefined/false and returns that value; a probe
 * that throws counts as "not yet" (a server not listening yet). Fails naming `what` and the last
 * error after `timeoutMs`.
 */
export const eventually = async <T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = PATIENCE_MS, everyMs = 50 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};
