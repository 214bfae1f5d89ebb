import type Database from 'better-sqlite3';
import { openDatabase } from '@thads/event-store';
import { Lease, PROJECTIONS, Projector } from '@thads/projections';
import { CliContext } from './context';

/**
 * The read store, current: when no server holds the projector lease, the command brings the read
 * models up to the log's head itself; when one does, that server keeps them current.
 */
export const currentReadModels = async (ctx: CliContext): Promise<Database.Database> => {
  const db = openDatabase(ctx.config.readStore);
  const lease = new Lease(db, 'projector', ctx.config.projectorLeaseMs);
  const holder = `cli:${process.pid}`;
  if (lease.acquire(holder, Date.now())) {
    try {
      await new Projector(ctx.store, db, PROJECTIONS).catchUp();
    } finally {
      lease.release(holder);
    }
  }
  return db;
};
