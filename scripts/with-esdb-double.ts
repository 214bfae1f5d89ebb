// Runs a command with the EventStoreDB protocol double listening, its address in
// THADS_BENCH_ESDB_URL: `npm run bench` measures the EventStoreDB adapter through the official
// client without the shipped CLI loading test support (docs/architecture.md §9).
import { spawn } from 'node:child_process';
import { startEsdbDouble } from '../test/support/esdb-double';

const main = async () => {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-esdb-double <command> [args…]');
  const double = await startEsdbDouble();
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, THADS_BENCH_ESDB_URL: double.connectionString },
  });
  const code = await new Promise<number>((done) =>
    child.on('exit', (status, signal) => done(status ?? (signal ? 1 : 0))),
  );
  await double.stop();
  process.exit(code);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
