import { DynamicModule, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
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
import { HealthMonitor } from './health/health-monitor';
import { StoreHealth } from './health/store-health';
import { AppConfigModule } from './config/config.module';
import { CaseHistoryService } from './history/case-history.service';
import { HistoryController } from './history/history.controller';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { Readiness } from './health/readiness';

import { ProjectorService } from './infrastructure/projector.service';
import { ConfiguredReadDatabase, ReadDatabase } from './infrastructure/read-database';
import { ReadQueries } from './infrastructure/read-queries';
import { StartupService } from './infrastructure/startup.service';
import { UnitsController } from './units/units.controller';
import { UNIT_REORGANISER } from './units/unit-reorganiser.provider';
import { CalendarController } from './calendar/calendar.controller';
import { AUTH_CONTROLLERS, AUTH_PROVIDERS } from './auth/auth.providers';
import { SetTargetsHandler } from './statistics/set-targets';
import { StatisticsController } from './statistics/statistics.controller';
import { OutlookController } from './statistics/outlook.controller';
import { WatchListsController } from './watchlists/watchlists.controller';
import { TargetsController } from './statistics/targets.controller';
import { AnchorService } from './integrity/anchor.service';
import { AnchorsController } from './integrity/anchors.controller';
import { LogVerifyController } from './integrity/log-verify.controller';
import { REPORT_CONTROLLERS, REPORT_PROVIDERS } from './reports/reports.providers';

/** Closes the stores last, after the projector has stopped. */
class StoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadDatabase) private readonly read: ReadDatabase,
  ) {}
  async onApplicationShutdown() {
    await this.store.close();
    await this.read.store.close();
  }
}

/** What the caller hands over: the tests a config and a clock of their own; every caller the logger. */
export interface AppModuleOptions {
  /** Built and validated by the caller (tests); else read from the process environment. */
  config?: AppConfig;
  clock?: Clock;
  /** The process's pino logger (logging/request-logging.ts), also behind Nest's Logger. */
  logger: PinoLogger;
}

@Module({})
export class AppModule {
  /** Async: the configuration is validated here, before Nest builds anything (ConfigurationRejected). */
  static async forRoot(options: AppModuleOptions): Promise<DynamicModule> {
    return {
      module: AppModule,
      imports: [
        await AppConfigModule.forRoot(options.config),
        CqrsModule.forRoot(),
        // Terminus's own "Health Check has failed" line at every refresh would repeat; HealthMonitor logs changes.
        TerminusModule.forRoot({ logger: false }),
        // pino-http and the binding of each request's logger run as the first middlewares
        // (create-app.ts): mounted here for every route they would show in the router as
        // `/{*path}` routes of every method, which the 405 answer and the route checks read.
        LoggerModule.forRoot({ pinoHttp: { logger: options.logger }, useExisting: true, forRoutes: [] }),
      ],
      controllers: [
        CasesController,
        UnitsController,
        HealthController,
        HistoryController,
        LifecycleController,
        DeadlinesController,
        CalendarController,
        ...AUTH_CONTROLLERS,
        OutlookController,
        StatisticsController,
        TargetsController,
        WatchListsController,
        AnchorsController,
        LogVerifyController,
        ...REPORT_CONTROLLERS,
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: EventStore,
          useFactory: (config: AppConfig) => openEventStore(config.eventStore),
          inject: [AppConfig],
        },
        {
          provide: ReadDatabase,
          useFactory: (config: AppConfig) => new ConfiguredReadDatabase(config),
          inject: [AppConfig],
        },
        {
          provide: CaseWritePath,
          useFactory: (store: EventStore, access: AccessPolicy) => new CaseWritePath(store, access),
          inject: [EventStore, AccessPolicy],
        },
        { provide: UnitRegistry, useFactory: (store: EventStore) => new UnitRegistry(store), inject: [EventStore] },
        UNIT_REORGANISER,
        Readiness,
        StoreHealth,
        HealthMonitor,
        ReadQueries,
        ProjectorService,
        StartupService,
        CaseViewService,
        CaseDeadlinesService,
        DeadlineEngine,
        CaseHistoryService,
        AnchorService,
        ReceiveCaseHandler,
        TakeStepHandler,
        StoreLifecycle,
        ...AUTH_PROVIDERS,
        SetTargetsHandler,
        ...REPORT_PROVIDERS,
      ],
    };
  }
}
