import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SqliteEventStore } from '@thads/event-store';
import { CASE_STREAM_PREFIX, CaseStreamsReplayer, removeShard, TableWrites } from '@thads/projections';

/** What a replay worker is given: its share of the case streams, and where to read and write. */
export interface ReplayRange {
  eventStore: string;
  readStore: string;
  names: string[];
  upTo: bigint;
  batchEvents?: number;
  from?: string;
  to?: string;
  /** The SQLite file it writes its rows to (ReplayShard); without one it sends them to the main thread. */
  shard?: string;
}

/**
 * The CLI's large young generation (--max-semi-space-size=64, for the import) would be given to
 * every worker too: three of them held 1.35 GiB in a million-case rebuild. A worker's garbage is
 * short-lived and its batches small, so a small one costs nothing (40,000 cases, two workers:
 * 16 MiB 38.0k events/s peak 603 MiB, 48 MiB 37.6k / 661 MiB, 96 MiB 36.4k / 706 MiB).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** Positions sampled to split the case streams into ranges of about as many events each. */
const SAMPLES = 1_000;

/**
 * Stream ids that split the case streams up to `upTo` into `parts` ranges of about equal events:
 * the streams of evenly spaced positions, ordered by SQLite itself, so that ranges meet exactly
 * in the order the reads page in (JavaScript's string order is not SQLite's beyond ASCII).
 */
export const caseStreamSplits = (store: SqliteEventStore, upTo: bigint, parts: number): string[] => {
  const positions = Array.from({ length: SAMPLES }, (_, i) => Math.max(1, Math.round((Number(upTo) * (i + 0.5)) / SAMPLES)));
  const ids = store.db.prepare(`SELECT DISTINCT stream_id FROM events WHERE position IN (${positions.join(',')}) AND substr(stream_id, 1, ${CASE_STREAM_PREFIX.length}) = ? ORDER BY stream_id`)
    .pluck().all(CASE_STREAM_PREFIX) as string[];
  const splits = Array.from({ length: parts - 1 }, (_, k) => ids[Math.floor(((k + 1) * ids.length) / parts)]).filter((id) => id !== undefined);
  return splits.filter((id, i) => i === 0 || id !== splits[i - 1]);
};

/** The main thread writes while the workers fold: one worker a core leaves it the writes to share. */
export const defaultReplayWorkers = () => Math.max(1, Math.min(availableParallelism(), 4));

/**
 * `thads rebuild` folds the case streams in worker threads, each a range of stream ids. Into a
 * SQLite read store each worker writes its rows to a file of its own (ReplayShard), and the main
 * thread copies the files in at the end, in range order: on two cores the rows sent one by one
 * to the main thread cost more than they saved (100,000 cases: 22.7 CPU-s with two workers,
 * 15.6 with none). Into another store the workers send each batch's rows to the main thread,
 * which writes them in the order they come: one writer. Nothing a read model keeps depends on
 * the order of two cases (stream-replay.ts), so the ranges may interleave. Only from compiled
 * JavaScript (a worker cannot load a .ts file) and for a read store the workers can open (not
 * one in memory).
 */
export const parallelCaseStreams = (
  store: SqliteEventStore, readStore: string, workers = defaultReplayWorkers(),
  // Tests start the TypeScript worker through their swc hook instead.
  spawn: ((range: ReplayRange) => Worker) | undefined = __filename.endsWith('.js')
    ? (range) => new Worker(join(__dirname, 'replay-worker.js'), { workerData: range, resourceLimits: WORKER_LIMITS })
    : undefined,
): CaseStreamsReplayer | undefined => {
  if (workers <= 1 || readStore === ':memory:' || store.file === ':memory:' || !spawn) return undefined;
  return async ({ projections, upTo, batchEvents, write, absorb, onEvents }) => {
    const splits = caseStreamSplits(store, upTo, workers);
    const bounds = [undefined, ...splits, undefined];
    let writing: Promise<void> = Promise.resolve();
    const ranges = bounds.slice(0, -1).map((from, i): ReplayRange => ({
      eventStore: store.file, readStore, names: projections.map((p) => p.name), upTo, batchEvents, from, to: bounds[i + 1],
      shard: absorb ? `${readStore}.replay-${i}` : undefined,
    }));
    const shards = ranges.flatMap((r) => (r.shard ? [r.shard] : []));
    try {
      await replayRanges(ranges, spawn, (tables) => (writing = writing.then(() => write(tables))), onEvents);
      await writing;
      if (absorb && shards.length) await absorb(shards);
    } finally {
      for (const shard of shards) removeShard(shard);
    }
  };
};

/** Runs a worker a range; `write` is given each batch a worker sends and answers it once done. */
const replayRanges = (
  ranges: ReplayRange[], spawn: (range: ReplayRange) => Worker, write: (tables: TableWrites[]) => Promise<void>, onEvents: (events: number) => void,
) =>
  Promise.all(ranges.map((range) => new Promise<void>((resolve, reject) => {
    const worker = spawn(range);
    let settled = false;
    let written: Promise<unknown> = Promise.resolve();
    const fail = (error: Error) => { if (settled) return; settled = true; reject(error); void worker.terminate(); };
    worker.on('message', (m: { tables?: TableWrites[]; events?: number; done?: true; error?: string }) => {
      if (m.tables) written = write(m.tables).then(() => worker.postMessage('written'), fail);
      else if (m.events !== undefined) onEvents(m.events);
      else if (m.error !== undefined) fail(new Error(`replay worker: ${m.error}`));
      else if (m.done) written.then(() => { settled = true; resolve(); void worker.terminate(); }, fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`replay worker stopped before the end (exit code ${code})`)));
    })));
