import { EventMetadata, MACHINE_VERSION } from '@thads/domain';
import { EventStore, RecordedEvent, Subscription } from '@thads/event-store/port';
import { ddlTypes, ReadStore } from '../store/read-store';
import { RowWrites } from '../store/row-writes';
import { CaseFolds, CASE_FOLD_SCHEMA } from './case-folds';
import { Checkpoint, checkpoints, checkpointSchema } from './checkpoints';
import { applyLive, Projection } from './projection';
import { PositionWaiters } from './position-waiters';
import { CaseStreamsReplayer, rebuildFromZero } from '../rebuild';

const FOLD = '$case-fold';
/** The checkpoint version of a read model being replayed stream by stream: never a real one. */
const UNFINISHED = -1;
const BATCH_SIZE = 2_000;
/** The saved folds are only good for the machine that made them (and this layout of them). */
const FOLD_VERSION = 200 + MACHINE_VERSION;

export interface ProjectorOptions {
  batchSize?: number;
  /** Longest an event waits in a half-full batch while live. */
  flushMs?: number;
  log?: (message: string) => void;
  /** Fill read models that start from zero stream by stream, where the store can (default true). */
  byStreams?: boolean;
  /** Events per transaction of that replay. */
  replayBatchEvents?: number;
  /** Where that replay folds the case streams (worker threads in `thads rebuild`); here by default. */
  caseStreams?: CaseStreamsReplayer;
  /** Told each phase of a rebuild from zero as it ends, and its seconds. */
  onRebuildPhase?: (phase: string, seconds: number) => void;
  /** Called once each batch is written, with the position every read model has now reached. */
  onApplied?: (position: bigint) => void;
}

/**
 * Subscribes to $all from the stored checkpoints and applies events in batches; each batch's
 * rows and checkpoints commit in one transaction, so a crash neither double-counts nor skips.
 * A full batch holds the subscription until it is written (memory stays flat however long the
 * log). A dropped subscription or a failed write is resumed from the checkpoint with backoff.
 */
export class Projector {
  private readonly folds: CaseFolds;
  private readonly waiters = new PositionWaiters();
  private marks = new Map<string, Checkpoint>();
  private buffer: RecordedEvent[] = [];
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  /** Bumped on every (re)subscription: events of an abandoned one are ignored. */
  private generation = 0;
  private applied = 0n;
  private running = false;
  private retries = 0;
  private lastError?: string;
  /** The last batch also saves the folds. */
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    readonly readStore: ReadStore,
    readonly projections: ReadonlyArray<Projection>,
    private readonly options: ProjectorOptions = {},
  ) {
    this.folds = new CaseFolds(readStore, store);
  }

  /** Where the slowest read model stands; queries wait on it for read-your-writes. */
  get position(): bigint {
    return this.applied;
  }

  async start(): Promise<void> {
    this.applied = await this.prepare();
    this.running = true;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.subscription?.stop();
    this.stopping = true;
    try {
      await this.flush();
    } finally {
      this.stopping = false;
    }
  }

  /** Resolves true once every read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return position <= this.applied ? Promise.resolve(true) : this.waiters.wait(position, timeoutMs);
  }

  /** Marks projections for a rebuild from zero; the next start replays the log into them. */
  async reset(names?: ReadonlyArray<string>): Promise<void> {
    await this.createSchema();
    for (const p of this.projections) {
      if (names && !names.includes(p.name)) continue;
      await this.recreate(p);
    }
  }

  /** Replays until the store's head, reporting progress; for `thads rebuild` and the CLI's reads. */
  async catchUp(onProgress?: (position: bigint, head: bigint) => void): Promise<void> {
    const head = (await this.store.headPosition()) ?? 0n;
    await this.replayFresh(head, onProgress);
    await this.start();
    try {
      while (this.applied < head) {
        await this.waitFor(this.applied + 1n, 1000);
        onProgress?.(this.applied, head);
        if (this.lastError && this.retries > 5) throw new Error(this.lastError);
      }
    } finally {
      await this.stop();
    }
  }

  /**
   * Read models starting from zero are filled stream by stream up to `head`, when the store can
   * read that way (libs/projections/src/rebuild); `start` then goes on from `head` in position order.
   */
  private async replayFresh(head: bigint, onProgress?: (position: bigint, head: bigint) => void): Promise<void> {
    const store = this.store;
    if (!store.readStreams || head === 0n || this.options.byStreams === false) return;
    await this.prepare();
    const fresh = this.projections.filter((p) => this.marks.get(p.name)!.position === 0n);
    if (fresh.length === 0) return;
    // prepare() left the folds at zero (none is ahead of a read model at zero): all are refolded.
    for (const p of fresh) await checkpoints.save(this.readStore, p.name, UNFINISHED, 0n);
    await checkpoints.save(this.readStore, FOLD, UNFINISHED, 0n);
    this.options.log?.(
      `projector: replaying ${fresh.map((p) => p.name).join(', ')} stream by stream up to position ${head}`,
    );
    // It saves no case fold: the live projector folds a case it has not seen from its stream
    // (CaseFolds.prefetch), and the folds were half the bytes a replay wrote.
    await rebuildFromZero((options) => store.readStreams!(options), this.readStore, fresh, head, {
      batchEvents: this.options.replayBatchEvents,
      caseStreams: this.options.caseStreams,
      onPhase: this.options.onRebuildPhase,
      onProgress: (events) => onProgress?.(BigInt(events) < head ? BigInt(events) : head, head),
    });
    const out = new RowWrites();
    for (const p of fresh) checkpoints.write(out, p.name, p.version, head);
    checkpoints.write(out, FOLD, FOLD_VERSION, head);
    await this.readStore.write(out.drain());
  }

  async status() {
    return {
      position: this.applied.toString(),
      lastError: this.lastError,
      checkpoints: await checkpoints.all(this.readStore),
    };
  }

  private async createSchema(): Promise<void> {
    const types = ddlTypes(this.readStore.dialect);
    await this.readStore.exec(`${checkpointSchema(types)}; ${CASE_FOLD_SCHEMA}`);
    for (const p of this.projections) await this.readStore.exec(p.schema(types));
  }

  private async recreate(p: Projection): Promise<void> {
    this.options.log?.(`projection ${p.name} v${p.version}: rebuilding from zero`);
    for (const table of p.tables) await this.readStore.exec(`DROP TABLE IF EXISTS ${table}`);
    await this.readStore.exec(p.schema(ddlTypes(this.readStore.dialect)));
    await checkpoints.save(this.readStore, p.name, p.version, 0n);
  }

  /**
   * Start where the saved folds are, if every projection is at or past them (those past skip what
   * they have); if one is behind them (rebuilt), refold from zero.
   */
  private async prepare(): Promise<bigint> {
    await this.createSchema();
    let marks = await checkpoints.load(this.readStore);
    for (const p of this.projections) {
      const cp = marks.get(p.name);
      if (!cp || cp.version !== p.version) await this.recreate(p);
    }
    marks = await checkpoints.load(this.readStore);
    for (const p of this.projections) await p.load?.(this.readStore);
    this.marks = marks;
    const slowest = this.projections.reduce(
      (min, p) => (marks.get(p.name)!.position < min ? marks.get(p.name)!.position : min),
      marks.get(this.projections[0]?.name)?.position ?? 0n,
    );
    const fold = marks.get(FOLD);
    if (!fold || fold.version !== FOLD_VERSION || fold.position > slowest) {
      await this.folds.reset();
      await checkpoints.save(this.readStore, FOLD, FOLD_VERSION, 0n);
      return 0n;
    }
    return fold.position;
  }

  private subscribe(): void {
    if (!this.running) return;
    const generation = ++this.generation;
    this.subscription = this.store.subscribeToAll({
      after: this.applied === 0n ? undefined : this.applied,
      onEvent: (event) => {
        if (generation !== this.generation) return undefined;
        this.buffer.push(event);
        if (this.buffer.length >= (this.options.batchSize ?? BATCH_SIZE)) return this.flush();
        if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.options.flushMs ?? 20);
        return undefined;
      },
      onCaughtUp: () => void this.flush(),
      onError: (error) => this.recover(error),
    });
  }

  private recover(error: Error): void {
    this.lastError = error.message;
    this.options.log?.(`projector: ${error.message}; resuming from the checkpoint`);
    this.generation++;
    this.buffer = [];
    this.folds.forget();
    const delay = Math.min(30_000, 100 * 2 ** this.retries++);
    setTimeout(() => {
      if (!this.running) return;
      this.prepare().then(
        (from) => {
          this.applied = from;
          this.subscribe();
        },
        (e: Error) => this.recover(e),
      );
    }, delay);
  }

  /** Batches are written one after the other, in the order they were taken. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushNow());
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    if (batch.length === 0) return;
    this.buffer = [];
    const generation = this.generation;
    try {
      await this.applyBatch(batch);
    } catch (error) {
      if (generation !== this.generation) return;
      void this.subscription?.stop();
      this.recover(error as Error);
      return;
    }
    this.applied = batch[batch.length - 1].position;
    this.retries = 0;
    this.waiters.release(this.applied);
    this.options.onApplied?.(this.applied);
  }

  private async applyBatch(batch: RecordedEvent[]): Promise<void> {
    await this.folds.prefetch(batch);
    const out = new RowWrites();
    for (const recorded of batch) {
      const metadata = recorded.metadata as unknown as EventMetadata;
      const folded = this.folds.apply(recorded, metadata?.on, metadata?.recordedAt ?? '');
      for (const p of this.projections) {
        if (recorded.position > this.marks.get(p.name)!.position)
          applyLive(p, out, { recorded, metadata, case: folded });
      }
    }
    const last = batch[batch.length - 1].position;
    const marks = new Map(this.marks);
    for (const p of this.projections) {
      p.endBatch?.(out);
      if (last > marks.get(p.name)!.position) {
        checkpoints.write(out, p.name, p.version, last);
        marks.set(p.name, { version: p.version, position: last });
      }
    }
    // A short batch means the projector is live (caught up): save the folds with it.
    const live = batch.length < (this.options.batchSize ?? BATCH_SIZE);
    if (this.folds.save(out, this.stopping || live)) checkpoints.write(out, FOLD, FOLD_VERSION, last);
    await this.readStore.write(out.drain());
    this.marks = marks;
  }
}
