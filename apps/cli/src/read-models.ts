import {
  checkpoints,
  createProjections,
  Lease,
  openReadStore,
  parallelCaseStreams,
  Projector,
  ReadStore,
} from '@thads/projections';
import { SqliteEventStore } from '@thads/event-store';
import { CliContext } from './context';

/**
 * Read models this far behind a log (a tenth of it, and at least this many events) are rebuilt
 * from zero by the parallel replay rather than brought forward event by event: the live path
 * folds a few thousand events a second, the replay tens of thousands (`npm run bench`).
 */
const FAR_BEHIND_EVENTS = 20_000n;
const FAR_BEHIND_SHARE = 10n;

/**
 * The read store, current: when no server holds the projector lease, the command brings the read
 * models up to the log's head itself (with `rebuildFarBehind`, as `thads rebuild` does when they
 * are far behind); when one does, that server keeps them current.
 */
export const currentReadModels = async (
  ctx: CliContext,
  options: { rebuildFarBehind?: boolean } = {},
): Promise<ReadStore> => {
  const store = openReadStore(ctx.config.readStore);
  const lease = new Lease(store, 'projector', ctx.config.projectorLeaseMs);
  const holder = `cli:${process.pid}`;
  if (await lease.acquire(holder, Date.now())) {
    try {
      const caseStreams =
        options.rebuildFarBehind && ctx.store instanceof SqliteEventStore
          ? parallelCaseStreams(ctx.store, ctx.config.readStore)
          : undefined;
      const projector = new Projector(ctx.store, store, createProjections(), { caseStreams });
      if (options.rebuildFarBehind) {
        const head = (await ctx.store.headPosition()) ?? 0n;
        const lag = head - (await checkpoints.slowest(store).catch(() => 0n));
        if (lag >= FAR_BEHIND_EVENTS && lag * FAR_BEHIND_SHARE >= head) await projector.reset();
      }
      await projector.catchUp();
    } finally {
      await lease.release(holder);
    }
  }
  return store;
};
