import {
  createProjections,
  defaultReplayWorkers,
  Lease,
  openReadStore,
  parallelCaseStreams,
  PROJECTION_NAMES,
  Projector,
} from '@thads/projections';
import { SqliteEventStore } from '@thads/event-store';
import { Args, intFlag, UsageError } from '../args';
import { CliContext } from '../context';
import { progressBar } from '../progress';

/**
 * `thads rebuild [projection…]`: empties the named read models (all when none is named) and
 * replays the whole log into them, with a progress bar. It takes the projector lease, so it
 * refuses to run while a server is projecting into the same read store. Read models rebuilt from
 * zero on a SQLite log are replayed stream by stream, the case streams folded by `--workers N`
 * threads (default: one a core).
 */
export const rebuildCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const known = PROJECTION_NAMES;
  const names = args.positional.length ? args.positional : known;
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) throw new UsageError(`unknown projection ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const read = openReadStore(ctx.config.readStore);
  const lease = new Lease(read, 'projector', ctx.config.projectorLeaseMs);
  const holder = `cli-rebuild:${process.pid}`;
  if (!(await lease.acquire(holder, Date.now()))) {
    await read.close();
    ctx.err.write(
      'another projector holds the lease on this read store: stop the server (or wait for its lease to expire) first\n',
    );
    return 1;
  }
  const renew = setInterval(
    () => void lease.acquire(holder, Date.now()).catch(() => undefined),
    ctx.config.projectorLeaseMs / 3,
  );
  const started = Date.now();
  try {
    const caseStreams =
      ctx.store instanceof SqliteEventStore
        ? parallelCaseStreams(ctx.store, ctx.config.readStore, intFlag(args, 'workers', defaultReplayWorkers()))
        : undefined;
    // Each phase's seconds on stderr, beside the bar: where a slow rebuild spends its time.
    const onRebuildPhase = (phase: string, seconds: number) =>
      ctx.err.write(`\nrebuild: ${phase} ${seconds.toFixed(1)} s\n`);
    const projector = new Projector(ctx.store, read, createProjections(), { caseStreams, onRebuildPhase });
    await projector.reset(names);
    const bar = progressBar(`rebuild ${names.join(', ')}`, 'positions');
    const head = Number((await ctx.store.headPosition()) ?? 0n);
    bar.start(head, 0);
    // Resident memory at each tenth of the log: flat means it does not grow with the log's length.
    const rssMiB: number[] = [];
    await projector.catchUp((position) => {
      bar.update(Number(position));
      while (rssMiB.length < Math.floor((Number(position) / Math.max(head, 1)) * 10))
        rssMiB.push(Math.round(process.memoryUsage().rss / 2 ** 20));
    });
    bar.update(head);
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    ctx.out.write(
      `${JSON.stringify({ rebuilt: names, events: head, seconds, eventsPerSecond: Math.round(head / Math.max(seconds, 0.001)), peakRssMiB, rssMiB })}\n`,
    );
    return 0;
  } finally {
    clearInterval(renew);
    await lease.release(holder);
    await read.close();
  }
};
