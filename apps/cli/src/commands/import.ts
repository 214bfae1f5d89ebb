import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Appender, ImportRunner } from '@thads/application';
import { EventStore, SqliteAppendThread, SqliteEventStore } from '@thads/event-store';
import { Args, intFlag, UsageError } from '../args';
import { currentReadModels } from '../read-models';
import { CliContext, CLI_ACTOR } from '../context';
import { progressBar } from '../progress';

/** `thads import FILE.jsonl`: streams the file through the write path in batches. */
export const importCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const file = args.positional[0];
  if (!file) throw new UsageError('usage: thads import FILE.jsonl [--batch 2000]');
  const size = statSync(file).size;
  const input = createReadStream(file, { encoding: 'utf8' });
  const bar = progressBar('import', 'bytes');
  bar.start(size, 0);
  const started = process.hrtime.bigint();
  let shown = 0;
  const thread = appendThreadFor(ctx.store);
  const runner = new ImportRunner(ctx.store, ctx.units, ctx.clock, CLI_ACTOR, {
    batchSize: intFlag(args, 'batch', 2000),
    appender: thread,
    onProgress: () => bar.update(input.bytesRead),
    onRejected: (r) => {
      if (shown++ < 100) ctx.err.write(`\nline ${r.line}: ${r.code}: ${r.detail}\n`);
    },
  });
  const summary = await runner.run(createInterface({ input, crlfDelay: Infinity })).finally(() => thread?.close());
  bar.update(size);
  bar.stop();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (shown > 100) ctx.err.write(`… and ${shown - 100} more rejected lines\n`);
  // A graceful end: sign the log's head, so what was just imported is anchored (docs/integrity.md).
  ctx.err.write(`${await (await import('./anchor')).anchorAfterImport(ctx)}\n`);
  // The read models current when the import ends (a server holding the lease keeps them itself).
  await (await currentReadModels(ctx, { rebuildFarBehind: true })).close();
  ctx.out.write(
    `${JSON.stringify(
      {
        lines: summary.lines,
        applied: summary.applied,
        alreadyApplied: summary.alreadyApplied,
        rejected: summary.rejected.length,
        seconds: Number(seconds.toFixed(3)),
        commandsPerSecond: Math.round(summary.lines / seconds),
        rejections: summary.rejected.slice(0, 1000),
      },
      null,
      2,
    )}\n`,
  );
  return 0;
};

/**
 * A SQLite file is appended to from a worker thread, so commits overlap with deciding the next
 * batch; not under ts-jest/swc (a worker cannot load a .ts file), nor for a store in memory.
 */
export const appendThreadFor = (store: EventStore): (Appender & { close(): Promise<void> }) | undefined =>
  store instanceof SqliteEventStore && store.file !== ':memory:' && __filename.endsWith('.js')
    ? new SqliteAppendThread(store.file)
    : undefined;
