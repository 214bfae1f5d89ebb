import {
  AccessDeniedError,
  InvalidArgumentError,
  StreamDeletedError,
  UnsupportedError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ExpectedRevision, WrongExpectedRevision } from '../event-store';

/** The client's conflict as our port's: the revision the stream is at, or `no_stream`. */
export const toPortError = (error: unknown, streamId: string, expected: ExpectedRevision): unknown =>
  error instanceof WrongExpectedVersionError
    ? new WrongExpectedRevision(streamId, expected, error.actualVersion)
    : error;

/** onEvent threw: the subscription ends and the caller hears of it (the port's onError). */
export class HandlerFailed extends Error {
  override readonly name = 'HandlerFailed';
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** The server closed a subscription without an error (restart, leader change, scavenge). */
export class SubscriptionEnded extends Error {
  override readonly name = 'SubscriptionEnded';
  constructor() {
    super('the server ended the subscription');
  }
}

/**
 * Errors a resubscription cannot cure: a bug on our side, or a setting to fix. Everything else
 * (UNAVAILABLE, CANCELLED by the server, deadlines, not-leader, a reset connection, an ended
 * stream) is a dropped connection, healed by resubscribing after the last delivered position.
 */
export const isPermanent = (error: unknown): boolean =>
  error instanceof HandlerFailed ||
  error instanceof AccessDeniedError ||
  error instanceof InvalidArgumentError ||
  error instanceof UnsupportedError ||
  error instanceof StreamDeletedError;
