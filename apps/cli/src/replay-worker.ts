import { parentPort, workerData } from 'node:worker_threads';
import { CASE_STREAM_PREFIX, createProjections, openReadStore, projectCaseStreams, TableWrites } from '@thads/projections';
// A deep import: the event-store barrel loads the PostgreSQL and EventStoreDB clients.
import { SqliteEventStore } from '../../../libs/event-store/src/sqlite/sqlite-event-store';
import type { ReplayRange } from './parallel-replay';

/**
 * A worker thread of `thads rebuild`: folds and projects the case streams of one range of stream
 * ids, on its own connections, and sends each batch's rows to the main thread, which writes them;
 * the next batch waits for the main thread's answer, so rows never pile up in memory.
 */
const job = workerData as ReplayRange;
let written: (() => void) | undefined;
parentPort!.on('message', () => written?.());

const main = async () => {
  const store = new SqliteEventStore(job.eventStore);
  // It reads its streams once, in index order: a large page cache would only hold pages it has done with.
  store.db.pragma('cache_size = -8000');
  const projections = createProjections().filter((p) => job.names.includes(p.name));
  // What they remember (the unit tree) was written by the main thread before this one started.
  const read = openReadStore(job.readStore);
  for (const p of projections) await p.load?.(read);
  await read.close();
  await projectCaseStreams(store.readStreams({ prefix: CASE_STREAM_PREFIX, upTo: job.upTo, from: job.from, to: job.to }), projections, {
    saveFolds: job.saveFolds,
    batchEvents: job.batchEvents,
    write: (tables: TableWrites[]) => new Promise<void>((resolve) => { written = resolve; parentPort!.postMessage({ tables }); }),
    onEvents: (events) => parentPort!.postMessage({ events }),
  });
  await store.close();
};

main().then(() => parentPort!.postMessage({ done: true }), (error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }));
