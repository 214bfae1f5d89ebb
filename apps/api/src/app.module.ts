import { DynamicModule, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessPolicy, CaseWritePath, Clock, SystemClock, UnitRegistry } from '@thads/application';
import { EventStore, openEventStore } from '@thads/event-store';
import { AppConfig } from '@thads/application';
import { CaseDeadlinesService } from './cases/case-deadlines.service';
import { DeadlineEngine } from './deadlines/deadline-engine';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { ReceiveCaseHandler, TakeStepHandler } from './cases/case-commands';
import { CaseViewService } from './cases/case-view';
import { CasesController } from './cases/cases.controller';
import { HealthController } from './health/health.controller';
import { CaseHistoryService } from './history/case-history.service';
import { HistoryController } from './history/history.controller';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { Readiness } from './health/readiness';

import { ProjectorService } from './infrastructure/projector.service';
import { ConfiguredReadDatabase, ReadDatabase } from './infrastructure/read-database';
import { StartupService } from './infrastructure/startup.service';
import { UnitsController } from './units/units.controller';
import { AUTH_CONTROLLERS, AUTH_PROVIDERS } from './auth/auth.providers';
import { SetTargetsHandler } from './statistics/set-targets';
import { StatisticsController } from './statistics/statistics.controller';
import { TargetsController } from './statistics/targets.controller';
import { AnchorService } from './integrity/anchor.service';
import { AnchorsController } from './integrity/anchors.controller';
import { LogVerifyController } from './integrity/log-verify.controller';
import { REPORT_CONTROLLERS, REPORT_PROVIDERS } from './reports/reports.providers';

/** Closes the stores last, after the projector has stopped. */
class StoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore, @Inject(ReadDatabase) private readonly read: ReadDatabase) {}
  async onApplicationShutdown() {
    await this.store.close();
    await this.read.store.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [CasesController, UnitsController, HealthController, HistoryController, LifecycleController, DeadlinesController, ...AUTH_CONTROLLERS, StatisticsController, TargetsController, AnchorsController, LogVerifyController, ...REPORT_CONTROLLERS],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        { provide: EventStore, useFactory: () => openEventStore(config.eventStore) },
        { provide: ReadDatabase, useFactory: () => new ConfiguredReadDatabase(config) },
        { provide: CaseWritePath, useFactory: (store: EventStore, access: AccessPolicy) => new CaseWritePath(store, access), inject: [EventStore, AccessPolicy] },
        { provide: UnitRegistry, useFactory: (store: EventStore) => new UnitRegistry(store), inject: [EventStore] },
        Readiness, ProjectorService, StartupService, CaseViewService, CaseDeadlinesService, DeadlineEngine,
        CaseHistoryService, AnchorService,
        ReceiveCaseHandler, TakeStepHandler, StoreLifecycle,
        ...AUTH_PROVIDERS,
        SetTargetsHandler,
        ...REPORT_PROVIDERS,
      ],
    };
  }
}
