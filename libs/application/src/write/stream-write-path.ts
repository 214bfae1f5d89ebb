import { AnyDomainEvent } from '@thads/domain';
import {
  AppendResult,
  collect,
  EventStore,
  RecordedEvent,
  StreamWrite,
  WrongExpectedRevision,
} from '@thads/event-store';
import { CommandContext } from '../envelope';
import { KeyedQueue } from '../keyed-queue';
import { requestHashOf } from '../request-hash';
import { emptyFold, foldWith } from './fold';
import { prepare } from './prepare';
import { Fold, StreamKind } from './stream-kind';

/** Pause before attempt n+1: random up to min(CAP, BASE·2^n) ms, so losers do not meet again. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 1000;
const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)),
  );

/** A command decided on its stream, its writes not appended yet. */
interface Decided<C, S> {
  command: C;
  context: CommandContext;
  stream: string;
  write: StreamWrite;
  next: Fold<S>;
  /** A write to another stream that lands with this one (stream-kind.ts `alongside`). */
  alongside?: StreamWrite;
}

/** A command read and judged: its first answer when it repeats a request, else decided. */
type Loaded<C, S, R> = { replay: R } | { decided: Decided<C, S> };

const writesOf = <C, S>(d: Decided<C, S>): StreamWrite[] => (d.alongside ? [d.write, d.alongside] : [d.write]);

/**
 * The one write path (docs/architecture.md §3), for every kind of stream: read the stream, fold
 * it with the kind's decider, check, answer a repeated request, decide, wrap the events in their
 * envelopes and chain their hashes, append with the expected revision, and tell a lost race as
 * the kind's conflict. Cases (case-write-path.ts), units (unit-registry.ts), targets and report
 * submissions all come through here, one command at a time (`execute`), as one command over
 * several streams appended together (`executeTogether`: a reorganisation's units), or as many
 * commands committed at once (`executeEach`: a reorganisation's transfers); the bulk import
 * shares its pure half (prepare.ts).
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

  /**
   * One command over several streams, a part on each (a reorganisation's units): every stream
   * read and folded, each part decided on its own stream, and every write appended together, each
   * at the revision folded: all or none (one transaction where the store has them). A race lost
   * on any stream is tried again as the kind allows, else it is that part's conflict. The parts
   * are not queued per stream (holding several queues at once could deadlock); a lost race tells.
   */
  async executeTogether(commands: ReadonlyArray<C>, context: CommandContext): Promise<R[]> {
    const streams = commands.map((c) => this.kind.streamOf(c));
    if (new Set(streams).size !== streams.length) throw new Error('a command names a stream twice');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attemptTogether(commands, context);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (attempt >= this.kind.attempts) {
          const part = commands[Math.max(0, streams.indexOf(error.streamId))];
          throw this.kind.conflict(part, error.actual === 'no_stream' ? null : Number(error.actual), undefined);
        }
        await backoff(attempt);
      }
    }
  }

  /**
   * Many commands, each on its own stream and each on its own (a reorganisation's transfers):
   * decided one after another, then appended all at once, so that the store's group commit
   * (group-commit.ts) makes one durable transaction of them, in this order, each command still
   * succeeding or failing alone. One that lost a race goes again through `execute`. Answers each
   * command's outcome, in order. Not queued per stream: a step sent meanwhile on one of them is a
   * lost race, decided again.
   */
  async executeEach(
    items: ReadonlyArray<{ command: C; context: CommandContext }>,
  ): Promise<Array<PromiseSettledResult<R>>> {
    const loaded: Array<Loaded<C, S, R> | { error: unknown }> = [];
    for (const { command, context } of items) {
      try {
        loaded.push(await this.load(command, this.keyed(command, context)));
      } catch (error) {
        loaded.push({ error });
      }
    }
    const appends = loaded.map((l) => ('decided' in l ? this.store.appendMany(writesOf(l.decided)) : undefined));
    return Promise.allSettled(
      loaded.map(async (l, i) => {
        if ('error' in l) throw l.error;
        if ('replay' in l) return l.replay;
        try {
          const [appended] = await appends[i]!;
          return this.answer(l.decided, appended) ?? (await this.afterLoss(l.decided));
        } catch (error) {
          if (!(error instanceof WrongExpectedRevision)) throw error;
          return this.execute(items[i].command, items[i].context);
        }
      }),
    );
  }

  /** The request's fingerprint goes into its events' metadata: a key used again is compared exactly. */
  private keyed(command: C, context: CommandContext): CommandContext {
    const { fingerprinted } = this.kind;
    const wanted = typeof fingerprinted === 'function' ? fingerprinted(command) : fingerprinted;
    return wanted && context.idempotencyKey ? { ...context, requestHash: requestHashOf(command as object) } : context;
  }

  private async decideAndAppend(command: C, context: CommandContext, expectedRevision?: number): Promise<R> {
    const keyed = this.keyed(command, context);
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

  /** Read, fold, check, answer a repeat, decide and prepare the writes: everything but the append. */
  private async load(command: C, context: CommandContext, expectedRevision?: number): Promise<Loaded<C, S, R>> {
    const { kind } = this;
    const stream = kind.streamOf(command);
    const recorded = await this.read(stream);
    const fold = recorded.reduce(this.fold, this.empty);
    const checked = kind.check ? await kind.check(command, fold, context) : command;
    const replay = kind.replayed?.(recorded, checked, context);
    if (replay !== undefined) return { replay };
    const current = fold.revision === 'no_stream' ? (kind.absentRevision ?? null) : Number(fold.revision);
    if (expectedRevision !== undefined && expectedRevision !== current)
      throw kind.conflict(checked, current, expectedRevision);
    const { command: gathered, context: stamped = context } = kind.gather
      ? await kind.gather(checked, fold, context)
      : { command: checked };
    const { write, next, events } = prepare(kind, fold, gathered, stamped);
    const alongside = kind.alongside?.(fold, events, stamped);
    return { decided: { command: gathered, context: stamped, stream, write, next, ...(alongside && { alongside }) } };
  }

  /** The answer once appended; undefined when the events were stored already and the first answer is to be read. */
  private answer(d: Decided<C, S>, appended: AppendResult): R | undefined {
    if (appended.alreadyStored && this.kind.replayed) return undefined;
    return this.kind.resultOf(
      d.command,
      d.next,
      appended.nextExpectedRevision,
      appended.position,
      !!appended.alreadyStored,
    );
  }

  /** Stored already, or a lost race: perhaps to the same request sent twice at once. Its answer, if so. */
  private async afterLoss(d: Decided<C, S>, conflict?: WrongExpectedRevision): Promise<R> {
    const again = d.context.idempotencyKey
      ? this.kind.replayed?.(await this.read(d.stream), d.command, d.context)
      : undefined;
    if (again !== undefined) return again;
    throw conflict ?? new WrongExpectedRevision(d.stream, d.write.expected, await this.store.streamRevision(d.stream));
  }

  private async attempt(command: C, context: CommandContext, expectedRevision?: number): Promise<R> {
    const loaded = await this.load(command, context, expectedRevision);
    if ('replay' in loaded) return loaded.replay;
    const d = loaded.decided;
    let conflict: WrongExpectedRevision | undefined;
    try {
      const appended = d.alongside
        ? (await this.store.appendMany([d.write, d.alongside]))[0]
        : await this.store.appendToStream(d.write.streamId, d.write.events, d.write.expected);
      const answer = this.answer(d, appended);
      if (answer !== undefined) return answer;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      conflict = error;
    }
    return this.afterLoss(d, conflict);
  }

  private async attemptTogether(commands: ReadonlyArray<C>, context: CommandContext): Promise<R[]> {
    const loaded: Array<Loaded<C, S, R>> = [];
    for (const command of commands) loaded.push(await this.load(command, this.keyed(command, context)));
    const writes = loaded.flatMap((l) => ('decided' in l ? writesOf(l.decided) : []));
    const results = writes.length > 0 ? await this.store.appendMany(writes) : [];
    let at = 0;
    return loaded.map((l) => {
      if ('replay' in l) return l.replay;
      const appended = results[at];
      at += writesOf(l.decided).length;
      return this.kind.resultOf(
        l.decided.command,
        l.decided.next,
        appended.nextExpectedRevision,
        appended.position,
        !!appended.alreadyStored,
      );
    });
  }
}
