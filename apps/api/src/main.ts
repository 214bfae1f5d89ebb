import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig } from '@thads/application';
import { createApp } from './create-app';

const main = async () => {
  const config = AppConfig.fromEnv();
  const app = await createApp(config);
  await app.listen(config.port, config.bindAddress);
  const host = config.bindAddress.includes(':') ? `[${config.bindAddress}]` : config.bindAddress;
  new Logger('thads').log(`API on http://${host}:${config.port}/api (docs: /api/docs); store: ${config.eventStore}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
