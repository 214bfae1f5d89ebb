import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@thads/application';
import { checkpoints, createProjections, Lease, Projector } from '@thads/projections';
import { EventStore, SqliteEventStore } from '@thads/event-store';
import { ReadDatabase } from './read-database';
import { ProjectorThread } from './projector-thread';
import { ValidationProblem } from '../http/problem.filter';

const READ_YOUR_WRITES_MS = 5_000;
/**
 * A read store this many events behind the log at start is filled the way `thads rebuild` fills
 * it (stream by stream, Projector.catchUp) before the projector goes on live: the live path folds
 * a few thousand events a second, the replay tens of thousands.
 */
const REPLAY_BEHIND = 20_000;

/**
 * Runs the read models' projector in this process when THADS_ROLE is `all` or `projector`, under
 * a lease in the read store so that only one projector writes; an `api` replica only reads.
 * Queries pass `minPosition` to read their own writes: they wait, bounded, for the projector.
 * The projector runs in a worker thread (projector-thread.ts) where it can: its folds and writes
 * then never hold the event loop that answers requests; this thread keeps its position in memory.
 */
@Injectable()
export class ProjectorService implements OnModuleDestroy {
  private readonly logger = new Logger('Projector');
  readonly projector: Projector;
  private readonly lease: Lease;
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private projecting = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private thread?: ProjectorThread;
  private stopWaking?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly read: ReadDatabase,
    private readonly config: AppConfig,
  ) {
    this.projector = new Projector(store, read.store, createProjections(), { log: (m) => this.logger.log(m) });
    this.lease = new Lease(read.store, 'projector', config.projectorLeaseMs);
  }

  /** Takes the lease if it is free and starts projecting; otherwise keeps trying in the background. */
  async start(): Promise<void> {
    if (this.config.role === 'api') return;
    await this.tick();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let held: boolean;
    try {
      held = await this.lease.acquire(this.holder, Date.now());
    } catch (error) {
      // The read store is unreachable: whoever holds the lease cannot renew it either; try again.
      this.logger.warn(`lease: ${(error as Error).message}`);
      held = this.projecting;
    }
    if (held && this.thread?.failed) {
      // The thread could not go on (its stores went away): start it again under the lease.
      this.projecting = false;
      await this.stopProjecting();
    }
    if (held && !this.projecting) {
      this.projecting = true;
      this.logger.log(`lease taken by ${this.holder}; projecting${this.inThread ? ' in a worker thread' : ''}`);
      try {
        await this.startProjecting();
      } catch (error) {
        // Tables could not be prepared (store down): let the lease lapse and try again later.
        this.projecting = false;
        await this.stopProjecting();
        this.logger.error(`projector did not start: ${(error as Error).message}`);
        await this.lease.release(this.holder).catch(() => undefined);
      }
    } else if (!held && this.projecting) {
      this.projecting = false;
      this.logger.warn('lease lost to another projector; stopping');
      await this.stopProjecting();
    }
    this.timer = setTimeout(() => void this.tick(), this.config.projectorLeaseMs / 3);
    this.timer.unref();
  }

  /** A worker thread needs stores it can open itself: files or servers, not memory. */
  private get inThread(): boolean {
    return this.config.projectorThread && ![this.config.eventStore, this.config.readStore].includes(':memory:');
  }

  private async startProjecting(): Promise<void> {
    if (!this.inThread) return this.projector.start();
    this.thread = new ProjectorThread(
      { eventStore: this.config.eventStore, readStore: this.config.readStore, replayBehind: REPLAY_BEHIND },
      (message) => this.logger.log(message),
    );
    // The worker's own connection learns of this process's commits at once, not at its next poll.
    if (this.store instanceof SqliteEventStore) this.stopWaking = this.store.onAppended(() => this.thread?.appended());
    await this.thread.whenStarted();
  }

  private async stopProjecting(): Promise<void> {
    if (!this.thread) return this.projector.stop();
    this.stopWaking?.();
    this.stopWaking = undefined;
    const thread = this.thread;
    this.thread = undefined;
    await thread.stop();
  }

  /** The position every read model has reached, whoever projects them: from memory when it is here. */
  async position(): Promise<bigint> {
    if (this.projecting) return this.thread?.position ?? this.projector.position;
    return checkpoints.slowest(this.read.store).catch(() => 0n);
  }

  get readStoreKind(): string {
    return this.read.store.dialect;
  }

  get isProjecting(): boolean {
    return this.projecting;
  }

  /** Waits up to 5 s for the read models to include `minPosition` (a query parameter). */
  async readYourWrites(minPosition?: string): Promise<void> {
    if (minPosition === undefined) return;
    if (!/^\d{1,18}$/.test(minPosition))
      throw new ValidationProblem(['minPosition must be a non-negative integer (a position returned by a write)']);
    const target = BigInt(minPosition);
    if (this.projecting) {
      await (this.thread ?? this.projector).waitFor(target, READ_YOUR_WRITES_MS);
      return;
    }
    const deadline = Date.now() + READ_YOUR_WRITES_MS;
    while ((await this.position()) < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  // Before the stores close (they close on application shutdown, which comes after).
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.projecting) {
      await this.stopProjecting();
      await this.lease.release(this.holder).catch(() => undefined);
    }
  }
}
