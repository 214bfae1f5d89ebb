import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Clock } from '@thads/application';
import { AppModule } from './app.module';
import { AppConfig } from '@thads/application';
import { ProblemFilter } from './http/problem.filter';
import { validationPipe } from './http/validation';
import { harden } from './http/hardening';
import { jsonBody } from './http/json-body';
import { openApiDocument } from './openapi';
import { healthFromMemory } from './health/health-from-memory';
import { Readiness } from './health/readiness';

/** The app as both `npm start` and the e2e tests build it. */
export const createApp = async (config: AppConfig, overrides: { clock?: Clock; logger?: false } = {}): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides), {
    logger: overrides.logger ?? ['log', 'warn', 'error'],
    bodyParser: false,
  });
  harden(app, config);
  app.use(healthFromMemory(app.get(Readiness)));
  app.use(jsonBody());
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, openApiDocument(app));
  return app;
};
