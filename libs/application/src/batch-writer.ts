import { CaseCommand, caseStream } from '@thads/domain';
import { collect, EventStore, StreamWrite, WrongExpectedRevision } from '@thads/event-store';
import { CommandContext } from './envelope';
import { EMPTY_FOLD, FoldedCase, foldRecorded } from './case-fold';
import { CaseWritePath, CommandResult, resultOf } from './case-write-path';
import { prepareWrite } from './prepare-write';

/** Cases whose fold the import keeps in memory between batches. */
const FOLD_LIMIT = 50_000;

interface Pending { command: CaseCommand; context: CommandContext; write: StreamWrite; next: FoldedCase; line: number }

/**
 * Bulk import through the same decide-and-append logic as the API, for speed: each case's folded
 * state is kept between commands (a fold costs an XState transition per event), and decided
 * commands are appended many streams per transaction. If a batch loses a race against another
 * writer, its commands are replayed one by one through the ordinary write path.
 */
export class BatchWriter {
  private readonly folds = new Map<string, FoldedCase>();
  private pending: Pending[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly onResult: (line: number, outcome: { result?: CommandResult; error?: unknown }) => void,
    private readonly batchSize = 2000,
  ) {}

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
      prepared = prepareWrite(fold, command, context);
    } catch (error) {
      this.onResult(line, { error });
      return;
    }
    this.folds.set(command.caseId, prepared.next);
    this.pending.push({ command, context, line, ...prepared });
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const results = await this.store.appendMany(batch.map((p) => p.write));
      batch.forEach((p, i) => this.onResult(p.line, { result: resultOf(p.command.caseId, p.next, results[i].nextExpectedRevision, results[i].position) }));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      await this.replayOneByOne(batch);
    }
    // Everything decided is now appended: past the limit, forget the folds (a case seen again is
    // read back from its stream), so a million-case import runs in flat memory (it ran out of
    // heap at 4.4 million lines when every fold was kept).
    if (this.folds.size > FOLD_LIMIT) this.folds.clear();
  }

  private async replayOneByOne(batch: Pending[]): Promise<void> {
    for (const p of batch) this.folds.delete(p.command.caseId);
    const single = new CaseWritePath(this.store);
    for (const p of batch) {
      try {
        this.onResult(p.line, { result: await single.execute(p.command, p.context) });
      } catch (error) {
        this.onResult(p.line, { error });
      }
    }
  }

  private async foldOf(caseId: string): Promise<FoldedCase> {
    const cached = this.folds.get(caseId);
    if (cached) return cached;
    // Most imported cases are new: one index probe instead of a stream read.
    if ((await this.store.streamRevision(caseStream(caseId))) === 'no_stream') return EMPTY_FOLD;
    const recorded = await collect(this.store.readStream(caseStream(caseId)));
    return recorded.reduce(foldRecorded, EMPTY_FOLD);
  }
}
