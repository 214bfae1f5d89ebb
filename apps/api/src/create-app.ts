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
import { serveWeb } from './web/serve-web';

/** The app as both `npm start` and the e2e tests build it. */
export const createApp = async (config: AppConfig, overrides: { clock?: Clock; logger?: false; webDir?: string | false } = {}): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides), {
    logger: overrides.logger ?? ['log', 'warn', 'error'],
    bodyParser: false,
  });
  harden(app, config);
  // The web console at `/` (apps/web), before the API's routes but never for /api paths.
  if (overrides.webDir !== false) serveWeb(app, overrides.webDir);
  app.use(jsonBody());
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, openApiDocument(app));
  return app;
};
