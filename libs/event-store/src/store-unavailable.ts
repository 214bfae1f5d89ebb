import { DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError } from '@eventstore/db-client';

/** Socket errors of a store that cannot be reached (pg, and Node's net under it). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "not this": connection exceptions (class
 * 08), shutting down or starting up (57P01-57P03), too many connections (53300).
 */
const PG_NOT_NOW = /^(08...|57P0[123]|53300)$/;
/** SQLite: another writer held the file longer than busy_timeout. */
const SQLITE_NOT_NOW = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);

/**
 * Is this the store (events or read models) being out of reach or busy, rather than anything
 * wrong with the request? The API answers those 503 with Retry-After, so a client repeats the
 * request (with the same Idempotency-Key, in case the first one was written after all).
 */
export const isStoreUnavailable = (error: unknown): boolean => {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  )
    return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_NOT_NOW.test(code) || SQLITE_NOT_NOW.has(code)))
    return true;
  // pg: the server went away mid-query, or the pool could not connect in time.
  if (typeof message === 'string' && /^(Connection terminated|timeout exceeded when trying to connect)/.test(message))
    return true;
  // Node's net tries every address of a name (::1, 127.0.0.1) and reports them together.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isStoreUnavailable);
};
