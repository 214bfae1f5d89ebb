import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  Clock,
  demoLines,
  ensureDemoUsers,
  ImportRunner,
  LocalUsers,
  localDateInVietnam,
  UnitRegistry,
} from '@thads/application';
import { demoLoginEnabled } from '../auth/demo-login';
import { EventStore } from '@thads/event-store';
import { AppConfig } from '@thads/application';
import { Readiness } from '../health/readiness';
import { ProjectorService } from './projector.service';

/** Long-running cases of the watch lists in the demo, so each list has cases to show (docs/watchlists.md). */
const DEMO_WATCH_CASES = 24;

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
    private readonly users: LocalUsers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.stage = 'starting projector';
    await this.projector.start();
    if (this.config.demo && this.config.role !== 'projector' && (await this.store.headPosition()) === undefined) {
      this.readiness.stage = 'loading demo data';
      const started = Date.now();
      const runner = new ImportRunner(this.store, this.units, this.clock, DEMO_ACTOR);
      const summary = await runner.run(
        toAsync(demoLines(localDateInVietnam(this.clock.now()), { watchCases: DEMO_WATCH_CASES })),
      );
      this.logger.log(
        `demo data: ${summary.applied} steps applied, ${summary.rejected.length} refused by the rules, in ${Date.now() - started} ms`,
      );
    }
    // The demo's people for the console's login page; also on a later start of a data directory
    // seeded before they existed. Never in production (demo-login.ts).
    if (demoLoginEnabled(this.config) && this.config.role !== 'projector') {
      const added = await ensureDemoUsers(this.users, this.clock.now());
      if (added)
        this.logger.log(`demo users: ${added} added (log in without a password on /dang-nhap, development only)`);
    }
    this.readiness.ready = true;
    this.readiness.stage = 'ready';
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncIterable<T> {
  yield* items;
}
