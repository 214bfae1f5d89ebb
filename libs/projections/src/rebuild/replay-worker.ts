import { parentPort, workerData } from 'node:worker_threads';
// The store's SQLite entry: its main one loads the PostgreSQL and EventStoreDB clients. The one
// file of the projections that opens the log itself (scripts/check-deps.js says why).
import { SqliteEventStore } from '@thads/event-store/sqlite';
import { createProjections } from '../registry';
import { CASE_STREAM_PREFIX } from '../runtime/case-folds';
import { PROJECTED_METADATA } from '../runtime/projection';
import { openReadStore } from '../store/open-read-store';
import { TableWrites } from '../store/read-store';
import { projectCaseStreams } from './case-streams';
import { ReplayShards } from './replay-shards';
import type { ReplayJob, ReplayRange, ToReplayWorker } from './parallel-replay';

/**
 * A worker thread of `thads rebuild`: folds and projects the case streams of the ranges of
 * stream ids the main thread gives it, one after the other, on its own connections. It writes
 * each batch's rows to its shards (ReplayShards), or else sends them to the main thread, which
 * writes them. Sending, it folds the next batch while the main thread writes the last one, and
 * sends it once that one is written: at most two batches are held, so rows never pile up.
 */
const job = workerData as ReplayJob;
/** The main thread answers each batch once written, in order. */
const answers: Array<() => void> = [];
/** Ranges given, and whether all have been. */
const given: Array<ReplayRange | 'none'> = [];
let wake: (() => void) | undefined;
parentPort!.on('message', (m: ToReplayWorker) => {
  if (m === 'written') answers.shift()?.();
  else {
    given.push(m.range ?? 'none');
    wake?.();
  }
});
const nextRange = async (): Promise<ReplayRange | undefined> => {
  while (given.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  const range = given.shift()!;
  return range === 'none' ? undefined : range;
};

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
  const shards = job.shard === undefined ? undefined : new ReplayShards(job.readStore, job.shard);
  try {
    for (let range = await nextRange(); range; range = await nextRange()) {
      if (shards) shards.startRange(range.shard!);
      await projectCaseStreams(
        store.readStreamsNow({
          prefix: CASE_STREAM_PREFIX,
          upTo: job.upTo,
          from: range.from,
          to: range.to,
          metadataFields: PROJECTED_METADATA,
        }),
        projections,
        {
          batchEvents: job.batchEvents,
          write: shards ? (tables) => shards.write(tables) : send,
          onEvents: (events) => parentPort!.postMessage({ events }),
        },
      );
      shards?.endRange();
      await inFlight;
      parentPort!.postMessage({ rangeDone: range.index });
    }
    shards?.finish();
  } finally {
    shards?.close();
    await store.close();
  }
};

main().then(
  () => parentPort!.postMessage({ done: true }),
  (error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }),
);
