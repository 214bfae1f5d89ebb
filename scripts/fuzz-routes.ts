// Usage: npm run fuzz -- [--requests 20000] [--seed 19]
// Starts the app in-process on a fresh data directory (the e2e harness), sends seeded hostile
// requests to every route and prints a JSON report: requests sent, 5xx (with examples), events
// appended by refused requests. Exit 1 when either count is not zero.
import 'reflect-metadata';
import { runFuzz } from '../test/support/route-fuzzer';

const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};

const main = async () => {
  const started = Date.now();
  const report = await runFuzz({
    requests: flag('requests', 20_000),
    seed: flag('seed', 19),
    onProgress: (sent) => process.stderr.write(`\r${sent} requests`),
  });
  process.stderr.write('\n');
  process.stdout.write(
    `${JSON.stringify({ ...report, seconds: Math.round((Date.now() - started) / 1000) }, null, 2)}\n`,
  );
  process.exitCode = report.serverErrors === 0 && report.rejectedThatAppended === 0 && report.projectorAtHead ? 0 : 1;
};

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
