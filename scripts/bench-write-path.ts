// The write-path figures of `npm run bench` alone, from the sources (no build): the bulk import
// (decide + append, batched; appender in-process, not the worker thread the built CLI uses) and
// the API write path (read, fold, decide, append, one durable commit a command), each with its
// CPU time per command, which varies less than wall time on a shared machine. Compare two trees
// by running it in each, interleaved:
//   node -r ./scripts/ts-register.js scripts/bench-write-path.ts [cases] [commands]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CaseWritePath,
  demoLines,
  ImportRunner,
  localDateInVietnam,
  SystemClock,
  UnitRegistry,
} from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { apiCommands } from '../apps/cli/src/commands/bench';

const ACTOR = { id: 'bench', role: 'system' as const, unitId: 'vn' };

const timed = async (count: number, run: () => Promise<void>) => {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return {
    perSecond: Math.round(count / (Number(process.hrtime.bigint() - wall) / 1e9)),
    cpuMicrosEach: Math.round((used.user + used.system) / count),
  };
};

const main = async () => {
  const [cases = 10_000, commands = 2_000] = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'thads-bench-write-'));
  try {
    const importStore = new SqliteEventStore(join(dir, 'import.db'));
    const lines = [...demoLines('2026-11-22', { cases, seed: 7 })];
    const runner = new ImportRunner(importStore, new UnitRegistry(importStore), new SystemClock(), ACTOR);
    const bulk = await timed(lines.length, async () => {
      await runner.run(
        (async function* () {
          yield* lines;
        })(),
      );
    });
    await importStore.close();

    const store = new SqliteEventStore(join(dir, 'api.db'));
    const clock = new SystemClock();
    const context = () => ({
      actor: ACTOR,
      recordedAt: clock.now(),
      commandId: randomUUID(),
      correlationId: randomUUID(),
    });
    await new UnitRegistry(store).register({ unitId: 'vn', name: 'Cục', level: 'central' }, context());
    const path = new CaseWritePath(store);
    const today = localDateInVietnam(clock.now());
    const api = await timed(commands, async () => {
      await apiCommands(path, commands, context, today);
    });
    await store.close();
    process.stdout.write(
      `${JSON.stringify({ importLines: lines.length, import: bulk, apiCommands: commands, api })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
