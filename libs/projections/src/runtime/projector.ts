import type Database from 'better-sqlite3';
import { EventMetadata } from '@thads/domain';
import { EventStore, RecordedEvent, Subscription } from '@thads/event-store';
import { CaseFolds } from './case-folds';
import { Checkpoints } from './checkpoints';
import { Projection } from './projection';
import { PositionWaiters } from './position-waiters';
import { forgetStatements } from './statements';

const FOLD = '$case-fold';

export interface ProjectorOptions {
  batchSize?: number;
  /** Longest an event waits in a half-full batch while live. */
  flushMs?: number;
  log?: (message: string) => void;
}

/**
 * Subscribes to $all from the stored checkpoints and applies events in batches; each batch's
 * rows and checkpoints commit in one transaction, so a crash neither double-counts nor skips.
 * A dropped subscription is resumed from the checkpoint with backoff.
 */
export class Projector {
  private readonly checkpoints: Checkpoints;
  private readonly folds: CaseFolds;
  private readonly waiters = new PositionWaiters();
  private buffer: RecordedEvent[] = [];
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private applied = 0n;
  private from = 0n;
  private running = false;
  private retries = 0;
  private lastError?: string;
  private readonly applyBatch: (batch: RecordedEvent[]) => void;

  constructor(
    private readonly store: EventStore,
    readonly db: Database.Database,
    readonly projections: ReadonlyArray<Projection>,
    private readonly options: ProjectorOptions = {},
  ) {
    this.checkpoints = new Checkpoints(db);
    this.folds = new CaseFolds(db);
    for (const p of projections) p.setup(db);
    this.applyBatch = db.transaction((batch: RecordedEvent[]) => this.applyInTransaction(batch));
  }

  /** Where the slowest read model stands; queries wait on it for read-your-writes. */
  get position(): bigint {
    return this.applied;
  }

  async start(): Promise<void> {
    this.from = this.prepare();
    this.applied = this.from;
    this.running = true;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.subscription?.stop();
    this.flush();
  }

  /** Resolves true once every read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    return position <= this.applied ? Promise.resolve(true) : this.waiters.wait(position, timeoutMs);
  }

  /** Marks projections for a rebuild from zero; the next start replays the log into them. */
  reset(names?: ReadonlyArray<string>): void {
    for (const p of this.projections) {
      if (names && !names.includes(p.name)) continue;
      p.reset(this.db);
      p.setup(this.db);
      this.checkpoints.write(p.name, p.version, 0n);
    }
    forgetStatements(this.db);
  }

  /** Replays until the store's head, reporting progress; for `thads rebuild`. */
  async catchUp(onProgress?: (position: bigint, head: bigint) => void): Promise<void> {
    const head = (await this.store.headPosition()) ?? 0n;
    await this.start();
    while (this.applied < head) {
      await this.waitFor(this.applied + 1n, 1000);
      onProgress?.(this.applied, head);
      if (this.lastError && !this.running) throw new Error(this.lastError);
    }
    await this.stop();
  }

  status() {
    return { position: this.applied.toString(), lastError: this.lastError, checkpoints: this.checkpoints.all() };
  }

  /** Start from the slowest projection; if one is behind the saved fold, refold from zero. */
  private prepare(): bigint {
    let from: bigint | undefined;
    for (const p of this.projections) {
      const cp = this.checkpoints.read(p.name);
      if (!cp || cp.version !== p.version) {
        this.options.log?.(`projection ${p.name} v${p.version}: rebuilding from zero`);
        p.reset(this.db);
        p.setup(this.db);
        forgetStatements(this.db);
        this.checkpoints.write(p.name, p.version, 0n);
      }
      const position = this.checkpoints.read(p.name)!.position;
      from = from === undefined || position < from ? position : from;
    }
    const start = from ?? 0n;
    const fold = this.checkpoints.read(FOLD)?.position ?? 0n;
    if (fold !== start) {
      this.folds.reset();
      this.checkpoints.write(FOLD, 1, 0n);
      return 0n;
    }
    return start;
  }

  private subscribe(): void {
    if (!this.running) return;
    this.subscription = this.store.subscribeToAll({
      after: this.applied === 0n ? undefined : this.applied,
      onEvent: (event) => {
        this.buffer.push(event);
        if (this.buffer.length >= (this.options.batchSize ?? 1000)) this.flush();
        else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.options.flushMs ?? 20);
      },
      onCaughtUp: () => this.flush(),
      onError: (error) => this.recover(error),
    });
  }

  private recover(error: Error): void {
    this.lastError = error.message;
    this.options.log?.(`projector: subscription dropped (${error.message}); resuming from ${this.applied}`);
    this.buffer = [];
    this.folds.forget();
    const delay = Math.min(30_000, 100 * 2 ** this.retries++);
    setTimeout(() => {
      if (!this.running) return;
      this.from = this.prepare();
      this.applied = this.from;
      this.subscribe();
    }, delay);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    if (batch.length === 0) return;
    this.buffer = [];
    try {
      this.applyBatch(batch);
    } catch (error) {
      this.folds.forget();
      void this.subscription?.stop();
      this.recover(error as Error);
      return;
    }
    this.applied = batch[batch.length - 1].position;
    this.retries = 0;
    this.waiters.release(this.applied);
  }

  private applyInTransaction(batch: RecordedEvent[]): void {
    const marks = new Map(this.projections.map((p) => [p.name, this.checkpoints.read(p.name)!.position]));
    for (const recorded of batch) {
      const metadata = recorded.metadata as unknown as EventMetadata;
      const folded = this.folds.apply(recorded, metadata?.on);
      for (const p of this.projections) {
        if (recorded.position > marks.get(p.name)!) p.apply(this.db, { recorded, metadata, case: folded });
      }
    }
    const last = batch[batch.length - 1].position;
    for (const p of this.projections) {
      p.endBatch?.(this.db);
      if (last > marks.get(p.name)!) this.checkpoints.write(p.name, p.version, last);
    }
    this.folds.persist();
    this.checkpoints.write(FOLD, 1, last);
  }
}
