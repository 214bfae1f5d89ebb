import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Clock } from '@thads/application';
import { EventStore } from '@thads/event-store';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadDatabase } from '../infrastructure/read-database';

/**
 * Past this, the oldest event not yet projected has waited too long: lists and reports answer
 * from a state that old, and a read-your-writes query (5 s bound) returns before its write shows.
 * Catching up after a restart or a bulk import takes longer, and is reported so: `down`.
 */
export const PROJECTOR_LAG_LIMIT_MS = 60_000;

const reason = (error: unknown) => (error as Error)?.message ?? String(error);

/** The terminus indicators of the stores and the projector (docs/architecture.md §9). */
@Injectable()
export class StoreHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStore,
    private readonly read: ReadDatabase,
    private readonly projector: ProjectorService,
    private readonly clock: Clock,
  ) {}

  /** The log answers: its head position. */
  async eventStore(): Promise<HealthIndicatorResult<'eventStore'>> {
    const check = this.indicators.check('eventStore');
    try {
      return check.up({ head: Number((await this.store.headPosition()) ?? 0n) });
    } catch (error) {
      return check.down({ message: reason(error) });
    }
  }

  /** The read models' database answers a trivial query. */
  async readStore(): Promise<HealthIndicatorResult<'readStore'>> {
    const check = this.indicators.check('readStore');
    try {
      await this.read.store.all('SELECT 1 AS one');
      return check.up({ kind: this.read.store.dialect });
    } catch (error) {
      return check.down({ message: reason(error) });
    }
  }

  /**
   * How far the read models are behind the log: in events, and in time, as how long the oldest
   * event not yet projected has waited (0 when caught up). The age of the last projected event
   * would grow all night in an idle office and say nothing.
   */
  async projectorLag(): Promise<HealthIndicatorResult<'projector'>> {
    const check = this.indicators.check('projector');
    try {
      const head = (await this.store.headPosition()) ?? 0n;
      const position = await this.projector.position();
      const behind = head > position ? head - position : 0n;
      const waitingMs = behind > 0n ? await this.waitingSince(position) : 0;
      const lag = {
        position: Number(position),
        behind: Number(behind),
        waitingMs,
        limitMs: PROJECTOR_LAG_LIMIT_MS,
        projectingHere: this.projector.isProjecting,
      };
      return waitingMs > PROJECTOR_LAG_LIMIT_MS ? check.down(lag) : check.up(lag);
    } catch (error) {
      return check.down({ message: reason(error) });
    }
  }

  /** Milliseconds since the first event after `position` was recorded (by the app's clock). */
  private async waitingSince(position: bigint): Promise<number> {
    // From `position` itself, not position + 1: a store's positions need not be consecutive.
    for await (const event of this.store.readAll(
      position > 0n ? { fromPosition: position, maxCount: 2 } : { maxCount: 1 },
    )) {
      if (position > 0n && event.position <= position) continue;
      const recordedAt = Date.parse(String((event.metadata as { recordedAt?: string } | null)?.recordedAt ?? ''));
      return Number.isNaN(recordedAt) ? 0 : Math.max(0, this.clock.now().getTime() - recordedAt);
    }
    return 0;
  }
}
