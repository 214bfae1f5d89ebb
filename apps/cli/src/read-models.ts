import { createProjections, Lease, openReadStore, Projector, ReadStore } from '@thads/projections';
import { CliContext } from './context';

/**
 * The read store, current: when no server holds the projector lease, the command brings the read
 * models up to the log's head itself; when one does, that server keeps them current.
 */
export const currentReadModels = async (ctx: CliContext): Promise<ReadStore> => {
  const store = openReadStore(ctx.config.readStore);
  const lease = new Lease(store, 'projector', ctx.config.projectorLeaseMs);
  const holder = `cli:${process.pid}`;
  if (await lease.acquire(holder, Date.now())) {
    try {
      await new Projector(ctx.store, store, createProjections()).catchUp();
    } finally {
      await lease.release(holder);
    }
  }
  return store;
};
