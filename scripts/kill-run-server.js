// The API as `npm start` runs it, but listening on the loopback interface only: the kill run
// (scripts/kill-run.js) starts it, kills it with SIGKILL and starts it again.
require('reflect-metadata');
const { AppConfig } = require('@thads/application');
const { createApp } = require('../dist/apps/api/src/create-app');

const main = async () => {
  const config = AppConfig.fromEnv();
  const app = await createApp(config, { logger: false });
  await app.listen(config.port, '127.0.0.1');
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
