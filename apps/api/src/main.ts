import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { AppConfig, ConfigurationRejected } from '@thads/application';
import { createApp } from './create-app';

/** Reads and validates the environment, opens the stores and listens (`npm start`). */
export const start = async (): Promise<INestApplication> => {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.port, config.bindAddress);
  const host = config.bindAddress.includes(':') ? `[${config.bindAddress}]` : config.bindAddress;
  new Logger('thads').log(`API on http://${host}:${config.port}/api (docs: /api/docs); store: ${config.eventStore}`);
  return app;
};

/**
 * What the operator reads when the start fails: a refused configuration as its list of variables
 * and what each expects, with no stack trace; anything else with its stack.
 */
export const startFailure = (error: unknown): string =>
  error instanceof ConfigurationRejected
    ? `thads did not start: ${error.message}`
    : `thads did not start: ${(error as Error)?.stack ?? String(error)}`;

if (require.main === module) {
  start().catch((error: unknown) => {
    process.stderr.write(`${startFailure(error)}\n`);
    process.exit(1);
  });
}
