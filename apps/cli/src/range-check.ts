import type { EventStore } from '@thads/event-store';
// The packages' worker entries, not their main ones: a worker thread loads this file (see verify-worker.ts).
import { RangeOptions, RangeResult, verifyRange, verifyStoredRange } from '@thads/application/integrity';
import { RawLogReader, SqliteEventStore } from '@thads/event-store/sqlite';

export type RangeCheck = (from: bigint, to: bigint) => Promise<RangeResult>;

/**
 * How one range of the log is checked on a store: SQLite is read as stored rows, so that
 * canonical text is hashed without being parsed (README, Measurements behind the design); any other
 * store through its `readAll` (`readLedger` when the anchors' leaves are wanted).
 */
export const rangeCheck = (store: EventStore, options: RangeOptions = {}): RangeCheck => {
  if (!(store instanceof SqliteEventStore)) return (from, to) => verifyRange(store, from, to, options);
  const log = new RawLogReader(store.db);
  return async (from, to) => verifyStoredRange(log, from, to, options);
};
