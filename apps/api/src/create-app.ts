import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig, Clock } from '@thads/application';
import { AppModule } from './app.module';
import { ProblemFilter } from './http/problem.filter';
import { validationPipe } from './http/validation';
import { harden } from './http/hardening';
import { jsonBody } from './http/json-body';
import { logLevel, requestLogging } from './logging/request-logging';
import { openApiDocument } from './openapi';
import { serveWeb } from './web/serve-web';
import { healthFromMemory } from './health/health-from-memory';
import { HealthMonitor } from './health/health-monitor';
import { Readiness } from './health/readiness';

export interface AppOverrides {
  clock?: Clock;
  /** `false`: no log lines at all (the e2e harness). */
  logger?: false;
  /** Where the JSON log lines go, from `info` up (a test reading them); standard output otherwise. */
  logTo?: DestinationStream;
  /** The built web console to serve at `/` (default dist/web); `false`: none. */
  webDir?: string | false;
}

/**
 * The app as both `npm start` and the e2e tests build it. Without `config` it is read from the
 * process environment through @nestjs/config and validated: a bad value rejects with
 * ConfigurationRejected before anything is opened.
 */
export const createApp = async (config?: AppConfig, overrides: AppOverrides = {}): Promise<INestApplication> => {
  const logging = requestLogging(
    overrides.logTo ? { level: 'info', destination: overrides.logTo } : { level: logLevel(overrides.logger === false) },
  );
  const module = await AppModule.forRoot({ config, clock: overrides.clock, logger: logging.logger });
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  // What Nest logged while building the app goes out now, through pino; then nothing is held back.
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // First: every request has its id and its log line, even one the body reader refuses.
  app.use(logging.http);
  harden(app, app.get(AppConfig));
  const [readiness, monitor] = [app.get(Readiness), app.get(HealthMonitor)];
  app.use(healthFromMemory(() => readiness.ready && monitor.vitalStoresUp() === true));
  // The web console at `/` (apps/web), before the API's routes but never for /api paths.
  if (overrides.webDir !== false) serveWeb(app, overrides.webDir);
  app.use(jsonBody());
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, openApiDocument(app));
  return app;
};
