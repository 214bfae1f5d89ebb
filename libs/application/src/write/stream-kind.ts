import { AnyDomainEvent, Decider, LocalDate } from '@thads/domain';
import { CurrentRevision, RecordedEvent, StreamWrite } from '@thads/event-store';
import { CommandContext } from '../envelope';

/** A stream folded: the decider's state plus what the next append must state and chain to. */
export interface Fold<S> {
  state: S;
  revision: CurrentRevision;
  lastHash: string;
  position?: bigint;
}

/**
 * What the one write path (stream-write-path.ts) needs to know of a kind of stream: its decider,
 * and the few ways the kinds differ (how a stream is named, what an answer looks like, how a
 * repeated request and a lost race are told). Everything else (reading, folding, the envelope,
 * the hash chain, the expected revision, retries) is the same for every stream.
 */
export interface StreamKind<C, E extends AnyDomainEvent, S, R> {
  decider: Decider<C, E, S>;
  streamOf(command: C): string;
  /** The command as decided: with the local date of the clock that stamped it (`today`, `on`). */
  stamped(command: C, today: LocalDate): C;
  /** The answer once the command's events are in the stream, at `revision` and `position`. */
  resultOf(command: C, fold: Fold<S>, revision: bigint, position: bigint, alreadyStored: boolean): R;
  /** The caller's error for an expected revision not met, or a race lost for good. */
  conflict(command: C, current: number | null, expected: number | undefined): Error;
  /** Tries of a command that states no expected revision: more than 1 decides again after a lost race. */
  attempts: number;
  /** `last` when the state is the latest event alone: one event read, not the stream. */
  reads: 'stream' | 'last';
  /** The revision a client states for a stream not written yet, where it states one (-1 for targets); else null. */
  absentRevision?: number;
  /** Commands on one stream from this process one after another (keyed-queue.ts). */
  queued?: boolean;
  /** Keep the request's fingerprint in the metadata of an idempotent command (request-hash.ts); of some commands only. */
  fingerprinted?: boolean | ((command: C) => boolean);
  /**
   * Checks on the stream as it stands, before anything, a repeated request's answer included:
   * who may act, what the command refers to. May return the command with what it looked up.
   */
  check?(command: C, fold: Fold<S>, context: CommandContext): Promise<C>;
  /** A request repeated with its Idempotency-Key: the first answer, or undefined. May throw (key reused). */
  replayed?(recorded: RecordedEvent[], command: C, context: CommandContext): R | undefined;
  /**
   * Inputs the decision needs that cost something to get, gathered once a repeat is ruled out.
   * May stamp the context again: a report submission is recorded when its figures are built.
   */
  gather?(command: C, fold: Fold<S>, context: CommandContext): Promise<{ command: C; context?: CommandContext }>;
  /** A write to another stream that must land with this one, in one transaction (an entrustment's new case). */
  alongside?(fold: Fold<S>, events: E[], context: CommandContext): StreamWrite | undefined;
  /** The index the first event's id derives from under an Idempotency-Key (ids.ts): 0 unless said. */
  firstIdIndex?(fold: Fold<S>): number;
  /**
   * The id of an event the command decided, where it does not derive from the Idempotency-Key
   * and the event's place (ids.ts `eventIdFor`, from `firstIdIndex`): a reorganisation's unit
   * events derive theirs from the command id (unit-kind.ts).
   */
  eventIdOf?(command: C, event: E, streamId: string, context: CommandContext): string | undefined;
}
