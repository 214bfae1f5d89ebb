import { parentPort, workerData } from 'node:worker_threads';
import type { EventStore } from '@thads/event-store';
// Deep imports, not the package barrels: these load in milliseconds where the barrels take most
// of a second (the PostgreSQL and EventStoreDB clients, validation), paid again by every worker.
import { SqliteEventStore } from '../../../libs/event-store/src/sqlite/sqlite-event-store';
import type { RangeOptions } from '../../../libs/application/src/integrity/verify-ranges';
import { rangeCheck } from './range-check';

/** A worker thread of `thads verify --all`: checks the ranges of the log it is sent, on its own connection. */
const { location, anchors } = workerData as { location: string } & RangeOptions;
const store: Promise<EventStore> = /^[a-z+]+:\/\//.test(location)
  ? import('@thads/event-store').then((m) => m.openEventStore(location))
  : Promise.resolve(new SqliteEventStore(location));
const check = store.then((s) => rangeCheck(s, { anchors }));

parentPort!.on('message', async ({ id, from, to }: { id: number; from: bigint; to: bigint }) => {
  try {
    parentPort!.postMessage({ id, result: await (await check)(from, to) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
