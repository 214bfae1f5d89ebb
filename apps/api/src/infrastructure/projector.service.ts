import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { caseListProjection, Projection, Projector, unitsProjection } from '@thads/projections';
import { EventStore } from '@thads/event-store';
import { ReadDatabase } from './read-database';
import { ValidationProblem } from '../http/problem.filter';

export const PROJECTIONS: Projection[] = [unitsProjection, caseListProjection];

/**
 * Runs the read models' projector in this process (embedded mode, THADS_ROLE=all|projector).
 * Queries pass `minPosition` to read their own writes: they wait, bounded, for the projector.
 */
@Injectable()
export class ProjectorService implements OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  readonly projector: Projector;
  private started = false;

  constructor(store: EventStore, read: ReadDatabase) {
    this.projector = new Projector(store, read.db, PROJECTIONS, { log: (m) => this.logger.log(m) });
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.projector.start();
  }

  /** Waits up to 5 s for the read models to include `minPosition` (a query parameter). */
  async readYourWrites(minPosition?: string): Promise<void> {
    if (minPosition === undefined) return;
    if (!/^\d{1,18}$/.test(minPosition)) throw new ValidationProblem(['minPosition must be a non-negative integer (a position returned by a write)']);
    await this.projector.waitFor(BigInt(minPosition), 5000);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.projector.stop();
  }
}
