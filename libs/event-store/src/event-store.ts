/**
 * The event store port. Adapters: SQLite (embedded default), PostgreSQL, EventStoreDB.
 * Semantics follow EventStoreDB's: a stream's revisions count from 0; every event has a global
 * position that only grows; an append states what it expects of the stream.
 */
export const NO_STREAM = 'no_stream';
export const STREAM_EXISTS = 'stream_exists';
export const ANY = 'any';

/** `any` exists for unit registration and tooling; a case stream never uses it (docs/style.md §10). */
export type ExpectedRevision = bigint | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY;
export type CurrentRevision = bigint | typeof NO_STREAM;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export interface EventData {
  /**
   * A UUID, and an idempotency key within its stream: an append whose first id is already in the
   * stream appends nothing and returns the first result, marked `alreadyStored` (docs/idempotency.md).
   */
  id: string;
  type: string;
  data: JsonValue;
  metadata: JsonValue;
}

export interface RecordedEvent extends EventData {
  streamId: string;
  revision: bigint;
  position: bigint;
}

/** An event with the time the store wrote it: what the log's anchors cover (libs/application/src/integrity/anchors). */
export interface LedgerEvent extends RecordedEvent {
  /** As the store keeps it, to the precision it keeps (ISO 8601, UTC); '' where the store keeps none. */
  storedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
  /**
   * The events were in the stream already (the first id found there): nothing was appended, and
   * the revision and position are those of the stored events, whatever revision was expected.
   */
  alreadyStored?: true;
}

export interface StreamWrite {
  streamId: string;
  events: EventData[];
  expected: ExpectedRevision;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromPosition?: bigint;
  maxCount?: number;
}

/** Streams whose id starts with `prefix` (or, with `except`, all the others), up to a position. */
export interface ReadStreamsOptions {
  prefix: string;
  except?: boolean;
  /** Inclusive: events after it are left out, so a rebuild reads the log as it stood. */
  upTo: bigint;
  /** Only stream ids from `from` (inclusive) to `to` (exclusive), for a replay split among threads. */
  from?: string;
  to?: string;
  /**
   * Only these top-level string or number fields of each event's metadata, when present (a
   * replay reads `on` and `recordedAt`; the hashes and ids that make up most of the text it
   * never looks at). Omitted: the whole metadata.
   */
  metadataFields?: ReadonlyArray<string>;
}

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events after this position; omitted = from the very beginning. */
  after?: bigint;
  /** Only these event types, when given (the subscription's server-side filter for EventStoreDB). */
  eventTypes?: ReadonlyArray<string>;
  /** Called in position order, one at a time; the next event waits for the promise. */
  onEvent: (event: RecordedEvent) => void | Promise<void>;
  /** Called each time the subscription has delivered everything stored so far. */
  onCaughtUp?: (position: bigint | undefined) => void;
  /** A dropped subscription; the caller resubscribes from its checkpoint. */
  onError?: (error: Error) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: CurrentRevision,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** Abstract class, not interface, so that Nest can inject it by class token (docs/style.md §9). */
export abstract class EventStore {
  abstract appendToStream(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Several streams at once, for bulk import. Atomic where the store allows it (SQLite,
   * PostgreSQL: all or nothing); elsewhere sequential, stopping at the first failure.
   */
  abstract appendMany(writes: StreamWrite[]): Promise<AppendResult[]>;
  /** A missing stream reads as empty. Paged underneath: never buffers a whole stream. */
  abstract readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  abstract readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * Stream after stream (in stream id order), each by revision: a rebuild then folds one case at
   * a time and forgets it, instead of keeping every open case between its events scattered over
   * the log. Optional: a store that cannot list its streams cheaply leaves it out, and rebuilds
   * read `$all` in position order.
   */
  readStreams?(options: ReadStreamsOptions): AsyncIterable<RecordedEvent>;
  /**
   * Positions [from, to) in position order, each event with its storage time. Optional: the
   * anchors read `readAll` on a store without it, and cover no storage time there.
   */
  readLedger?(from: bigint, to: bigint): AsyncIterable<LedgerEvent>;
  /** Catch up from `after`, then stay live. */
  abstract subscribeToAll(options: SubscribeToAllOptions): Subscription;
  abstract streamRevision(streamId: string): Promise<CurrentRevision>;
  /** Position of the last event stored, or undefined for an empty store. */
  abstract headPosition(): Promise<bigint | undefined>;
  abstract close(): Promise<void>;
}

export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

/** Does the stream's current revision satisfy what the writer expected? */
export const satisfies = (expected: ExpectedRevision, actual: CurrentRevision): boolean => {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return actual === NO_STREAM;
  if (expected === STREAM_EXISTS) return actual !== NO_STREAM;
  return actual === expected;
};
