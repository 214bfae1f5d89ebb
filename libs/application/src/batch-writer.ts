import { CaseCommand, caseStream } from '@thads/domain';
import { EventStore, StreamWrite, WrongExpectedRevision } from '@thads/event-store';
import { CommandContext } from './envelope';
import { EMPTY_FOLD, StreamFold, foldRecorded, stateNameOfFold } from './case-fold';
import { CaseWritePath } from './case-write-path';
import { CommandResult, resultOf } from './case-kind';
import { eventIdFor } from './ids';
import { ImportLineError } from './import/import-line';
import { prepareWrites } from './prepare-write';
import { RecentFolds } from './recent-folds';

/**
 * Cases whose fold the import keeps in memory between batches, a generation (RecentFolds): at
 * most twice this many, about 4 KiB each. It must exceed the two batches not landed yet many
 * times over: a fold dropped before its batch landed would be read back stale from the log.
 */
const FOLD_LIMIT = 100_000;

/** `line` is absent for a write that answers no line of its own: the receiving unit's entrusted case. */
interface Pending {
  command: CaseCommand;
  context: CommandContext;
  write: StreamWrite;
  next: KnownCase;
  line?: number;
}

/** What a command's first event left behind: its result, given again when the command repeats. */
type Outcome = Omit<CommandResult, 'caseId'>;

/**
 * A case's fold, and for a case whose stream existed before this import touched it, the outcome
 * of each event stored then by its id: a line whose first event id is among them was applied
 * already (an earlier import of the same file, one killed half way). A new stream has none, and
 * costs nothing more.
 */
type KnownCase = StreamFold & { before?: ReadonlyMap<string, Outcome> };

/** Where batches are appended: the store itself, or a thread appending to it (SqliteAppendThread). */
export type Appender = Pick<EventStore, 'appendMany'>;

/**
 * Bulk import through the same decide-and-append logic as the API, for speed: each case's folded
 * state is kept between commands (a fold costs an XState transition per event), and decided
 * commands are appended many streams per transaction. While a batch is being appended the next
 * one is decided (with an appender on another thread the two overlap). If a batch loses a race
 * against another writer, it and the batch decided after it are replayed one by one through the
 * ordinary write path.
 */
export class BatchWriter {
  private readonly folds: RecentFolds<KnownCase>;
  /** Cases whose `receive` line was refused because the case exists with another history: line numbers. */
  private readonly foreign = new Map<string, number>();
  private pending: Pending[] = [];
  /** The batch being appended; at most one at a time, in order. */
  private landing: Promise<void> = Promise.resolve();
  /** A batch that lost a race: the next one was decided on its folds, which never landed. */
  private lost?: Pending[];

  constructor(
    private readonly store: EventStore,
    private readonly onResult: (line: number, outcome: { result?: CommandResult; error?: unknown }) => void,
    private readonly batchSize = 2000,
    private readonly appender: Appender = store,
  ) {
    this.folds = new RecentFolds(Math.max(FOLD_LIMIT, 4 * batchSize));
  }

  /**
   * Decides at once (a refusal is reported now); the append happens with the batch. A line that
   * states the revision it expects goes alone through the ordinary write path, after the batch.
   */
  async submit(line: number, command: CaseCommand, context: CommandContext, expectedRevision?: number): Promise<void> {
    const refusedAt = this.foreign.get(command.caseId);
    if (refusedAt !== undefined) {
      this.onResult(line, { error: caseExists(command.caseId, `its receive line ${refusedAt} was refused`) });
      return;
    }
    if (expectedRevision !== undefined) {
      await this.flush();
      this.folds.delete(command.caseId);
      try {
        this.onResult(line, {
          result: await new CaseWritePath(this.store).execute(command, context, expectedRevision),
        });
      } catch (error) {
        this.onResult(line, { error });
      }
      return;
    }
    const fold = this.folds.get(command.caseId) ?? (await this.foldOf(command.caseId));
    const met = fold.before && this.metBefore(line, command, context, fold.before);
    if (met) {
      this.onResult(line, met);
      return;
    }
    let prepared;
    try {
      prepared = prepareWrites(fold, command, context);
    } catch (error) {
      this.onResult(line, { error });
      return;
    }
    const { own, entrustedIn } = prepared;
    const next: KnownCase = own.next;
    if (fold.before) next.before = fold.before;
    this.folds.set(command.caseId, next);
    this.pending.push({ command, context, line, write: own.write, next });
    if (entrustedIn) {
      // The receiving case is new: were it not, its append fails the batch, replayed one by one.
      const caseId = entrustedIn.events[0].data.caseId;
      this.folds.set(caseId, entrustedIn.next);
      this.pending.push({ command: { ...command, caseId }, context, write: entrustedIn.write, next: entrustedIn.next });
    }
    if (this.pending.length >= this.batchSize) await this.send();
  }

  /**
   * A line for a case that was in the store before this run: its first event is there already
   * (applied by an earlier run of the same file, one killed half way: its first result, marked
   * `replayed`), or it receives a case that exists with another history (someone else's case
   * under the same id: refused, and so is every later line of this file for that case).
   */
  private metBefore(
    line: number,
    command: CaseCommand,
    context: CommandContext,
    before: ReadonlyMap<string, Outcome>,
  ): { result?: CommandResult; error?: unknown } | undefined {
    const earlier = before.get(eventIdFor(caseStream(command.caseId), context.idempotencyKey, 0));
    if (earlier) return { result: { caseId: command.caseId, ...earlier, replayed: true } };
    if (command.kind !== 'receive') return undefined;
    this.foreign.set(command.caseId, line);
    return { error: caseExists(command.caseId, 'it was received with another history') };
  }

  /** Resolves once everything submitted is appended or reported refused. */
  async flush(): Promise<void> {
    await this.send();
    await this.landing;
    if (this.lost) await this.send();
  }

  /** Hands the pending batch over once the one before has landed, without waiting for it to land. */
  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.landing;
    if (this.lost) {
      const replay = [...this.lost, ...batch];
      this.lost = undefined;
      await this.replayOneByOne(replay);
      return;
    }
    if (batch.length === 0) return;
    this.landing = this.land(batch);
  }

  private async land(batch: Pending[]): Promise<void> {
    try {
      const results = await this.appender.appendMany(batch.map((p) => p.write));
      batch.forEach((p, i) => {
        const { nextExpectedRevision, position, alreadyStored } = results[i];
        // Stored by another writer meanwhile: the fold kept here is not the stream's; read it again.
        if (alreadyStored) this.folds.delete(p.command.caseId);
        if (p.line === undefined) return;
        const result = resultOf(p.command.caseId, p.next, nextExpectedRevision, position);
        this.onResult(p.line, { result: alreadyStored ? { ...result, replayed: true } : result });
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      this.lost = batch;
    }
  }

  private async replayOneByOne(batch: Pending[]): Promise<void> {
    this.folds.clear();
    const single = new CaseWritePath(this.store);
    for (const p of batch) {
      // The ordinary write path writes the receiving case with its entrustment.
      if (p.line === undefined) continue;
      try {
        this.onResult(p.line, { result: await single.execute(p.command, p.context) });
      } catch (error) {
        this.onResult(p.line, { error });
      }
    }
  }

  private async foldOf(caseId: string): Promise<KnownCase> {
    // Most imported cases are new: one index probe instead of a stream read.
    if ((await this.store.streamRevision(caseStream(caseId))) === 'no_stream') return EMPTY_FOLD;
    let fold: StreamFold = EMPTY_FOLD;
    const before = new Map<string, Outcome>();
    for await (const recorded of this.store.readStream(caseStream(caseId))) {
      fold = foldRecorded(fold, recorded);
      before.set(recorded.id, {
        state: stateNameOfFold(fold.state)!,
        revision: Number(recorded.revision),
        position: Number(recorded.position),
      });
    }
    return { ...fold, before };
  }
}

const caseExists = (caseId: string, why: string) =>
  new ImportLineError(
    'import.case-exists',
    `case ${caseId} exists with a history that is not this file's (${why}): nothing is applied onto it`,
  );
