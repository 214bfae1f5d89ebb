import { parentPort, workerData } from 'node:worker_threads';
import { CASE_STREAM_PREFIX, createProjections, openReadStore, PROJECTED_METADATA, projectCaseStreams, ReplayShard, TableWrites } from '@thads/projections';
// A deep import: the event-store barrel loads the PostgreSQL and EventStoreDB clients.
import { SqliteEventStore } from '../../../libs/event-store/src/sqlite/sqlite-event-store';
import type { ReplayRange } from './parallel-replay';

/**
 * A worker thread of `thads rebuild`: folds and projects the case streams of one range of stream
 * ids, on its own connections, and writes each batch's rows to its shard (parallel-replay.ts),
 * or else sends them to the main thread, which writes them. Sending, it folds the next batch
 * while the main thread writes the last one, and sends it once that one is written: at most two
 * batches are held, so rows never pile up in memory.
 */
const job = workerData as ReplayRange;
/** The main thread answers each batch once written, in order. */
const answers: Array<() => void> = [];
parentPort!.on('message', () => answers.shift()?.());
let inFlight: Promise<void> = Promise.resolve();
const send = async (tables: TableWrites[]) => {
  await inFlight;
  inFlight = new Promise<void>((resolve) => answers.push(resolve));
  parentPort!.postMessage({ tables });
};

const main = async () => {
  const store = new SqliteEventStore(job.eventStore);
  // It reads its streams once, in index order: a large page cache would only hold pages it has done with.
  store.db.pragma('cache_size = -8000');
  const projections = createProjections().filter((p) => job.names.includes(p.name));
  // What they remember is loaded as the projector loads it, from rows the main thread wrote
  // before this one started (the units; the ledger's unit tree, unused in a replay).
  const read = openReadStore(job.readStore, { readOnly: true });
  for (const p of projections) await p.load?.(read);
  await read.close();
  const shard = job.shard === undefined ? undefined : new ReplayShard(job.shard, job.readStore);
  try {
    await projectCaseStreams(store.readStreamsNow({ prefix: CASE_STREAM_PREFIX, upTo: job.upTo, from: job.from, to: job.to, metadataFields: PROJECTED_METADATA }), projections, {
      batchEvents: job.batchEvents,
      write: shard ? (tables) => shard.write(tables) : send,
      onEvents: (events) => parentPort!.postMessage({ events }),
    });
    shard?.finish();
  } finally {
    shard?.close();
    await store.close();
  }
};

main().then(() => parentPort!.postMessage({ done: true }), (error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }));
