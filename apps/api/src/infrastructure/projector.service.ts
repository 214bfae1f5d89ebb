import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@thads/application';
import { checkpoints, createProjections, Lease, Projector } from '@thads/projections';
import { EventStore } from '@thads/event-store';
import { ReadDatabase } from './read-database';
import { ValidationProblem } from '../http/problem.filter';

const READ_YOUR_WRITES_MS = 5_000;

/**
 * Runs the read models' projector in this process when THADS_ROLE is `all` or `projector`, under
 * a lease in the read store so that only one projector writes; an `api` replica only reads.
 * Queries pass `minPosition` to read their own writes: they wait, bounded, for the projector.
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

  constructor(store: EventStore, private readonly read: ReadDatabase, private readonly config: AppConfig) {
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
    if (held && !this.projecting) {
      this.projecting = true;
      this.logger.log(`lease taken by ${this.holder}; projecting`);
      try {
        await this.projector.start();
      } catch (error) {
        // Tables could not be prepared (store down): let the lease lapse and try again later.
        this.projecting = false;
        this.logger.error(`projector did not start: ${(error as Error).message}`);
        await this.lease.release(this.holder).catch(() => undefined);
      }
    } else if (!held && this.projecting) {
      this.projecting = false;
      this.logger.warn('lease lost to another projector; stopping');
      await this.projector.stop();
    }
    this.timer = setTimeout(() => void this.tick(), this.config.projectorLeaseMs / 3);
    this.timer.unref();
  }

  /** The position every read model has reached, whoever projects them. */
  async position(): Promise<bigint> {
    if (this.projecting) return this.projector.position;
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
    if (!/^\d{1,18}$/.test(minPosition)) throw new ValidationProblem(['minPosition must be a non-negative integer (a position returned by a write)']);
    const target = BigInt(minPosition);
    if (this.projecting) {
      await this.projector.waitFor(target, READ_YOUR_WRITES_MS);
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
      await this.projector.stop();
      await this.lease.release(this.holder).catch(() => undefined);
    }
  }
}
