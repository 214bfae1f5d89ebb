import { CaseCommand, caseStream } from '@thads/domain';
import { collect, EventStore, StreamWrite, WrongExpectedRevision } from '@thads/event-store';
import { CommandContext } from './envelope';
import { EMPTY_FOLD, FoldedCase, foldRecorded } from './case-fold';
import { CaseWritePath, CommandResult, resultOf } from './case-write-path';
import { prepareWrites } from './prepare-write';
import { RecentFolds } from './recent-folds';

/**
 * Cases whose fold the import keeps in memory between batches, a generation (RecentFolds): at
 * most twice this many, about 4 KiB each. It must exceed the two batches not landed yet many
 * times over: a fold dropped before its batch landed would be read back stale from the log.
 */
const FOLD_LIMIT = 100_000;

/** `line` is absent for a write that answers no line of its own: the receiving unit's entrusted case. */
interface Pending { command: CaseCommand; context: CommandContext; write: StreamWrite; next: FoldedCase; line?: number }

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
  private readonly folds: RecentFolds<FoldedCase>;
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
    if (expectedRevision !== undefined) {
      await this.flush();
      this.folds.delete(command.caseId);
      try {
        this.onResult(line, { result: await new CaseWritePath(this.store).execute(command, context, expectedRevision) });
      } catch (error) {
        this.onResult(line, { error });
      }
      return;
    }
    const fold = this.folds.get(command.caseId) ?? (await this.foldOf(command.caseId));
    let prepared;
    try {
      prepared = prepareWrites(fold, command, context);
    } catch (error) {
      this.onResult(line, { error });
      return;
    }
    const { own, entrustedIn } = prepared;
    this.folds.set(command.caseId, own.next);
    this.pending.push({ command, context, line, write: own.write, next: own.next });
    if (entrustedIn) {
      // The receiving case is new: were it not, its append fails the batch, replayed one by one.
      const caseId = entrustedIn.events[0].data.caseId;
      this.folds.set(caseId, entrustedIn.next);
      this.pending.push({ command: { ...command, caseId }, context, write: entrustedIn.write, next: entrustedIn.next });
    }
    if (this.pending.length >= this.batchSize) await this.send();
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
        if (p.line !== undefined) this.onResult(p.line, { result: resultOf(p.command.caseId, p.next, results[i].nextExpectedRevision, results[i].position) });
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

  private async foldOf(caseId: string): Promise<FoldedCase> {
    // Most imported cases are new: one index probe instead of a stream read.
    if ((await this.store.streamRevision(caseStream(caseId))) === 'no_stream') return EMPTY_FOLD;
    const recorded = await collect(this.store.readStream(caseStream(caseId)));
    return recorded.reduce(foldRecorded, EMPTY_FOLD);
  }
}
