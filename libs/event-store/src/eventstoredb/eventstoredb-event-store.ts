import {
  AllStreamResolvedEvent,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  Position,
  START,
  UnavailableError,
} from '@eventstore/db-client';
import {
  AppendResult,
  collect,
  CurrentRevision,
  EventData,
  EventStore,
  ExpectedRevision,
  NO_STREAM,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  satisfies,
  StreamWrite,
  Subscription,
  SubscribeToAllOptions,
  WrongExpectedRevision,
} from '../event-store';
import { AppendUnanswered, answeredWithin } from './append-answer';
import { AllSource, CatchUpSubscription, RetrySettings } from './catch-up-subscription';
import { toPortError } from './esdb-errors';
import { commitOf, isSystem, toEsdbEvent, toRecorded } from './esdb-events';
import { allPages, streamPages } from './paged-reads';
import { PreparePositions } from './prepare-positions';

export interface EventStoreDbOptions {
  /** Events per read request: no read asks the server for more (never a whole stream at once). */
  pageSize?: number;
  /** Backoff between resubscriptions after a dropped subscription. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Where healed subscription drops are reported (default console.warn). */
  log?: (line: string) => void;
  /** Longest an append attempt waits for its answer before it is sent again (default 10 s). */
  appendAnswerMs?: number;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest close() waits for the client to let go of its channels. */
const DISPOSE_MS = 3_000;
/** Pauses before an append that met UNAVAILABLE is tried again; then its error is the caller's (503). */
const APPEND_RETRY_DELAYS_MS = [50, 250, 1_000];
/** The client's own default deadline for a call: a server that got the write answers by then. */
const APPEND_ANSWER_MS = 10_000;

/**
 * EventStoreDB / KurrentDB through the official client (6.2.1, v1 gRPC). Our global position is
 * the commit position; see PreparePositions for the prepare half. System (`$`) events are not ours:
 * $all reads, headPosition and subscriptions leave them out.
 */
export class EventStoreDbEventStore extends EventStore {
  readonly client: EventStoreDBClient;
  private readonly positions = new PreparePositions();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pageSize: number;
  private readonly retry: RetrySettings;
  private readonly appendAnswerMs: number;

  constructor(connectionString: string, options: EventStoreDbOptions = {}) {
    super();
    // With throwOnAppendFailure=false the client misreports the current revision on BatchAppend; the store's conflict errors rely on it.
    if (/[?&]throwOnAppendFailure=false/i.test(connectionString))
      throw new Error('EventStoreDB: thads needs throwOnAppendFailure=true (the default)');
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.pageSize = options.pageSize ?? 500;
    this.appendAnswerMs = options.appendAnswerMs ?? APPEND_ANSWER_MS;
    this.retry = {
      initialDelayMs: options.retry?.initialDelayMs ?? 100,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      log: options.log ?? ((line) => console.warn(line)),
    };
  }

  async appendToStream(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(streamId, expected);
    // The server treats ids as idempotent only where this append would put them, an id stored
    // earlier in the stream it stores again, and a repeat it does take looks like a fresh append.
    // So the stream is read first: a case stream is a handful of events, a new one a single call.
    const stored = await this.storedAppend(streamId, events, expected);
    if (stored) return stored;
    try {
      // Our expectations are the client's own constants ('no_stream', 'stream_exists', 'any') or a bigint.
      const result = await this.appendRetried(streamId, events.map(toEsdbEvent), expected);
      // A repeated append (same event ids) may come back without a position: ask the stream.
      const position = result.position
        ? this.positions.remember(result.position)
        : await this.positionOf(streamId, result.nextExpectedRevision);
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      const conflict = toPortError(error, streamId, expected);
      if (!(conflict instanceof WrongExpectedRevision)) throw conflict;
      // Lost a race, perhaps to the same events written by another process.
      return (await this.storedAppend(streamId, events, expected)) ?? Promise.reject(conflict);
    }
  }

  /** The first result of these events, when the first id is in the stream (as the other adapters answer). */
  private async storedAppend(
    streamId: string,
    events: EventData[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    const stored = await collect(this.readStream(streamId));
    const first = stored.findIndex((e) => e.id === events[0].id);
    if (first < 0) return undefined;
    const found = stored.slice(first, first + events.length);
    if (found.length !== events.length || found.some((e, i) => e.id !== events[i].id)) {
      throw new WrongExpectedRevision(streamId, expected, stored[stored.length - 1].revision);
    }
    const last = found[found.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, alreadyStored: true };
  }

  /**
   * When the client re-opens its channel (a dropped subscription, a node restarting), a call in
   * flight fails with UNAVAILABLE though nothing may be wrong by the time it is repeated. Repeating
   * it is safe: the same event ids after the same expected revision are written at most once, and
   * a write that did land answers with its first result. So is repeating a write that was never
   * answered (AppendUnanswered): whether it landed or not, the repetition is written at most once.
   */
  private async appendRetried(streamId: string, events: ReturnType<typeof toEsdbEvent>[], expected: ExpectedRevision) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await answeredWithin(
          this.client.appendToStream(streamId, events, { expectedRevision: expected }),
          this.appendAnswerMs,
        );
      } catch (error) {
        const again = error instanceof UnavailableError || error instanceof AppendUnanswered;
        if (!again || attempt >= APPEND_RETRY_DELAYS_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, APPEND_RETRY_DELAYS_MS[attempt]));
      }
    }
  }

  /**
   * ESDB 6.x has no multi-stream atomic append (KurrentDB 25.1's multiStreamAppend is not in this
   * client): the writes go one after another and stop at the first failure, as the port allows.
   */
  async appendMany(writes: StreamWrite[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamId, events, expected } of writes)
      results.push(await this.appendToStream(streamId, events, expected));
    return results;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const paging = {
      backwards: options.direction === 'backwards',
      from: options.fromRevision,
      maxCount: options.maxCount ?? Infinity,
      pageSize: this.pageSize,
    };
    for await (const resolved of streamPages(this.client, streamId, paging)) {
      if (resolved.event) yield toRecorded(resolved, this.positions);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let left = options.maxCount ?? Infinity;
    if (left <= 0) return;
    if (backwards && options.fromPosition !== undefined) {
      // The port includes the event at fromPosition; ESDB reads $all backwards from *before* it.
      const at = await this.eventAt(options.fromPosition);
      if (at) yield at;
      if (at && --left <= 0) return;
    }
    const from = options.fromPosition;
    const paging = {
      backwards,
      from,
      skipThrough: backwards ? from : undefined,
      pageSize: this.pageSize,
      firstPage: Math.min(this.pageSize, left),
    };
    for await (const { resolved } of allPages(this.client, this.positions, paging)) {
      if (isSystem(resolved)) continue;
      yield toRecorded(resolved, this.positions);
      if (--left <= 0) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const subscription = new CatchUpSubscription(this.allSource(), options, this.retry);
    const handle: Subscription = {
      stop: async () => {
        this.subscriptions.delete(handle);
        await subscription.stop();
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  async streamRevision(streamId: string): Promise<CurrentRevision> {
    for await (const event of this.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event.revision;
    return NO_STREAM;
  }

  async headPosition(): Promise<bigint | undefined> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
    return undefined;
  }

  /**
   * Stops our subscriptions, then dispose() cancels the client's streams (BatchAppend's too), so the
   * process can exit. After the server has dropped a subscription with UNAVAILABLE, the client's
   * dispose() was seen to wait forever on the channel it was re-opening: shutdown waits for it at
   * most DISPOSE_MS and then goes on (the process exits and the OS closes the socket).
   */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DISPOSE_MS);
      timer.unref();
    });
    const outcome = await Promise.race([this.client.dispose().then(() => 'disposed' as const), gaveUp]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      this.retry.log(`EventStoreDB client did not close within ${DISPOSE_MS} ms; leaving it to the process exit`);
  }

  private allSource(): AllSource {
    return {
      scan: (after, signal) =>
        allPages(this.client, this.positions, {
          backwards: false,
          from: after,
          skipThrough: after,
          pageSize: this.pageSize,
          signal,
        }),
      live: (after, eventTypes, onCheckpoint) => {
        const checkpointReached = (_: unknown, position: Position) => onCheckpoint(this.positions.remember(position));
        const filter = eventTypes
          ? eventTypeFilter({ regex: `^(?:${eventTypes.map(escapeRegex).join('|')})$`, checkpointReached })
          : excludeSystemEvents({ checkpointReached });
        return this.client.subscribeToAll({
          fromPosition: after === undefined ? START : this.positions.of(after),
          filter,
        });
      },
      positionOf: (resolved) => commitOf(resolved, this.positions),
      toRecorded: (resolved: AllStreamResolvedEvent) => toRecorded(resolved, this.positions),
    };
  }

  private async eventAt(position: bigint): Promise<RecordedEvent | undefined> {
    for await (const { resolved, position: at } of allPages(this.client, this.positions, {
      backwards: false,
      from: position,
      pageSize: 1,
    })) {
      return at === position && !isSystem(resolved) ? toRecorded(resolved, this.positions) : undefined;
    }
    return undefined;
  }

  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(streamId, { fromRevision: revision, maxCount: 1 })) return event.position;
    return -1n;
  }

  /** Nothing to write: the server would answer without a revision, so check the expectation here. */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const current = await this.streamRevision(streamId);
    if (!satisfies(expected, current)) throw new WrongExpectedRevision(streamId, expected, current);
    return { nextExpectedRevision: current === NO_STREAM ? -1n : current, position: (await this.headPosition()) ?? 0n };
  }
}
