import { AnyDomainEvent } from '@thads/domain';
import { collect, EventStore, RecordedEvent, WrongExpectedRevision } from '@thads/event-store';
import { CommandContext } from '../envelope';
import { KeyedQueue } from '../keyed-queue';
import { requestHashOf } from '../request-hash';
import { emptyFold, foldWith } from './fold';
import { prepare } from './prepare';
import { Fold, StreamKind } from './stream-kind';

/** Pause before attempt n+1: random up to min(CAP, BASE·2^n) ms, so losers do not meet again. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 200;
const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)),
  );

/**
 * The one write path (docs/architecture.md §3), for every kind of stream: read the stream, fold
 * it with the kind's decider, check, answer a repeated request, decide, wrap the events in their
 * envelopes and chain their hashes, append with the expected revision, and tell a lost race as
 * the kind's conflict. Cases (case-write-path.ts), units (unit-registry.ts), targets and report
 * submissions all come through here; the bulk import shares its pure half (prepare.ts).
 */
export class StreamWritePath<C, E extends AnyDomainEvent, S, R> {
  private readonly queue = new KeyedQueue();
  private readonly fold: (fold: Fold<S>, recorded: RecordedEvent) => Fold<S>;
  private readonly empty: Fold<S>;

  constructor(
    private readonly store: EventStore,
    private readonly kind: StreamKind<C, E, S, R>,
  ) {
    this.fold = foldWith(kind.decider);
    this.empty = emptyFold(kind.decider);
  }

  /**
   * With `expectedRevision` the caller decided on that revision: another one is the kind's
   * conflict. Without, the caller wants the command taken on the stream as it stands, so a race
   * lost to another process is tried again (as many times as the kind allows): read again, fold
   * again, decide again.
   */
  execute(command: C, context: CommandContext, expectedRevision?: number): Promise<R> {
    const run = () => this.decideAndAppend(command, context, expectedRevision);
    return this.kind.queued ? this.queue.run(this.kind.streamOf(command), run) : run();
  }

  private async decideAndAppend(command: C, context: CommandContext, expectedRevision?: number): Promise<R> {
    // The request's fingerprint goes into its events' metadata: a key used again is compared exactly.
    const keyed: CommandContext =
      this.kind.fingerprinted && context.idempotencyKey
        ? { ...context, requestHash: requestHashOf(command as object) }
        : context;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(command, keyed, expectedRevision);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        const actual = error.actual === 'no_stream' ? null : Number(error.actual);
        if (expectedRevision !== undefined || attempt >= this.kind.attempts)
          throw this.kind.conflict(command, actual, expectedRevision);
        await backoff(attempt);
      }
    }
  }

  /** The stream as the decider needs it: all of it, or its latest event. */
  private read(stream: string): Promise<RecordedEvent[]> {
    return collect(
      this.kind.reads === 'last'
        ? this.store.readStream(stream, { direction: 'backwards', maxCount: 1 })
        : this.store.readStream(stream),
    );
  }

  private async attempt(command: C, context: CommandContext, expectedRevision?: number): Promise<R> {
    const { kind } = this;
    const stream = kind.streamOf(command);
    const recorded = await this.read(stream);
    const fold = recorded.reduce(this.fold, this.empty);
    const checked = kind.check ? await kind.check(command, fold, context) : command;
    const replay = kind.replayed?.(recorded, checked, context);
    if (replay !== undefined) return replay;
    const current = fold.revision === 'no_stream' ? (kind.absentRevision ?? null) : Number(fold.revision);
    if (expectedRevision !== undefined && expectedRevision !== current)
      throw kind.conflict(checked, current, expectedRevision);
    const { command: gathered, context: stamped = context } = kind.gather
      ? await kind.gather(checked, fold, context)
      : { command: checked };
    const { write, next, events } = prepare(kind, fold, gathered, stamped);
    const alongside = kind.alongside?.(fold, events, stamped);
    let conflict: WrongExpectedRevision | undefined;
    try {
      const appended = alongside
        ? (await this.store.appendMany([write, alongside]))[0]
        : await this.store.appendToStream(write.streamId, write.events, write.expected);
      if (!appended.alreadyStored || !kind.replayed)
        return kind.resultOf(
          gathered,
          next,
          appended.nextExpectedRevision,
          appended.position,
          !!appended.alreadyStored,
        );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      conflict = error;
    }
    // Stored already, or a lost race: perhaps to the same request sent twice at once. Its answer, if so.
    const again = context.idempotencyKey ? kind.replayed?.(await this.read(stream), gathered, stamped) : undefined;
    if (again !== undefined) return again;
    throw conflict ?? new WrongExpectedRevision(stream, write.expected, await this.store.streamRevision(stream));
  }
}
