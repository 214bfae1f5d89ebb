import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, demoLines, ImportRunner, localDateInVietnam, UnitRegistry } from '@thads/application';
import { EventStore } from '@thads/event-store';
import { AppConfig } from '@thads/application';
import { Readiness } from '../health/readiness';
import { ProjectorService } from './projector.service';

export const DEMO_ACTOR = { id: 'demo-loader', role: 'system', unitId: 'vn' } as const;

/**
 * On first start with an empty store, loads the demo (unless THADS_DEMO=0) through the bulk
 * import path, then starts the projector. Health answers 200 only after both.
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    private readonly config: AppConfig,
    private readonly store: EventStore,
    private readonly units: UnitRegistry,
    private readonly clock: Clock,
    private readonly projector: ProjectorService,
    private readonly readiness: Readiness,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.stage = 'starting projector';
    await this.projector.start();
    if (this.config.demo && this.config.role !== 'projector' && (await this.store.headPosition()) === undefined) {
      this.readiness.stage = 'loading demo data';
      const started = Date.now();
      const runner = new ImportRunner(this.store, this.units, this.clock, DEMO_ACTOR);
      const summary = await runner.run(toAsync(demoLines(localDateInVietnam(this.clock.now()))));
      this.logger.log(`demo data: ${summary.applied} steps applied, ${summary.rejected.length} refused by the rules, in ${Date.now() - started} ms`);
    }
    this.readiness.ready = true;
    this.readiness.stage = 'ready';
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncIterable<T> {
  yield* items;
}
