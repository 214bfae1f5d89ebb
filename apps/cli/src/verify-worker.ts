import { parentPort, workerData } from 'node:worker_threads';
import type { EventStore } from '@thads/event-store';
// The packages' named worker entries, not their main ones: these load in milliseconds where those take most
// of a second (the PostgreSQL and EventStoreDB clients, validation), paid again by every worker.
import { SqliteEventStore } from '@thads/event-store/sqlite';
import type { RangeOptions } from '@thads/application/integrity';
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
