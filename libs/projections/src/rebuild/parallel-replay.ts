import { availableParallelism } from 'node:os';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { CASE_STREAM_PREFIX } from '../runtime/case-folds';
import { TableWrites } from '../store/read-store';
import { removeShard } from './replay-shards';
import { CaseStreamsReplayer } from './stream-replay';

/**
 * What the parallel replay needs of a SQLite log (a SqliteEventStore): its file, which each
 * worker opens on its own connection, and a connection to split its case streams.
 */
export interface SqliteLog {
  readonly file: string;
  readonly db: Database.Database;
}

/** What a replay worker is given: where to read and write, and what. */
export interface ReplayJob {
  eventStore: string;
  readStore: string;
  names: string[];
  upTo: bigint;
  batchEvents?: number;
  /** Its own SQLite file for the rows not kept by case (ReplayShards); without one it sends its rows to the main thread. */
  shard?: string;
}

/** A range of case streams, `from <= stream id < to`, and the shard its rows kept by case go to. */
export interface ReplayRange {
  index: number;
  from?: string;
  to?: string;
  shard?: string;
}

/** What the main thread tells a worker: a range to do, none left, or that a batch it sent is written. */
export type ToReplayWorker = { range?: ReplayRange } | 'written';

/**
 * Ranges a worker: small ones, handed out as workers finish, so that none waits long for the
 * slowest at the end, and the main thread copies each range in soon after it is done; 8 or 16
 * differ less than the machine's speed from run to run (README, Measurements behind the design).
 */
const RANGES_A_WORKER = 16;

/**
 * The CLI's large young generation (--max-semi-space-size=64, for the import) would be given to
 * every worker too, multiplying the rebuild's memory. A worker's garbage is short-lived and its
 * batches small, so a small one costs nothing (README, Measurements behind the design).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** Positions sampled to split the case streams into ranges of about as many events each. */
const SAMPLES = 1_000;

/**
 * Stream ids that split the case streams up to `upTo` into `parts` ranges of about equal events:
 * the streams of evenly spaced positions, ordered by SQLite itself, so that ranges meet exactly
 * in the order the reads page in (JavaScript's string order is not SQLite's beyond ASCII).
 */
export const caseStreamSplits = (store: SqliteLog, upTo: bigint, parts: number): string[] => {
  const positions = Array.from({ length: SAMPLES }, (_, i) =>
    Math.max(1, Math.round((Number(upTo) * (i + 0.5)) / SAMPLES)),
  );
  const ids = store.db
    .prepare(
      `SELECT DISTINCT stream_id FROM events WHERE position IN (${positions.join(',')}) AND substr(stream_id, 1, ${CASE_STREAM_PREFIX.length}) = ? ORDER BY stream_id`,
    )
    .pluck()
    .all(CASE_STREAM_PREFIX) as string[];
  const splits = Array.from({ length: parts - 1 }, (_, k) => ids[Math.floor(((k + 1) * ids.length) / parts)]).filter(
    (id) => id !== undefined,
  );
  return splits.filter((id, i) => i === 0 || id !== splits[i - 1]);
};

/**
 * One worker a core, at most four: the main thread only copies in the ranges done (or, into
 * PostgreSQL, writes what the workers send), and a third worker on two cores gained nothing but
 * memory (README, Measurements behind the design).
 */
export const defaultReplayWorkers = () => Math.max(1, Math.min(availableParallelism(), 4));

/**
 * `thads rebuild` folds the case streams in worker threads, each taking ranges of stream ids as
 * it finishes the last. Into a SQLite read store each worker writes its rows to files of its own
 * (ReplayShards): the rows kept by case a file a range, which the main thread copies in, in range
 * order, while the workers go on; the others a file a worker, sorted by the worker and merged by
 * the main thread at the end. On two cores, the rows sent one by one to the main thread cost more
 * than the workers saved (README, Measurements behind the design). Into another
 * store the workers send each batch's rows to the main thread, which writes them in the order
 * they come: one writer. Nothing a read model keeps depends on the order of two cases
 * (stream-replay.ts), so the ranges may interleave. Only from compiled JavaScript (a worker
 * cannot load a .ts file) and for a read store the workers can open (not one in memory).
 */
export const parallelCaseStreams = (
  store: SqliteLog,
  readStore: string,
  workers = defaultReplayWorkers(),
  // Tests start the TypeScript worker through their swc hook instead.
  spawn: ((job: ReplayJob) => Worker) | undefined = __filename.endsWith('.js')
    ? (job) => new Worker(join(__dirname, 'replay-worker.js'), { workerData: job, resourceLimits: WORKER_LIMITS })
    : undefined,
): CaseStreamsReplayer | undefined => {
  if (workers <= 1 || readStore === ':memory:' || store.file === ':memory:' || !spawn) return undefined;
  return async ({ projections, upTo, batchEvents, write, absorb, onEvents }) => {
    // What a rebuild killed part-way left (SIGKILL, a power cut): its names may not come again.
    if (absorb) {
      const stale = `${basename(readStore)}.replay-`;
      for (const name of readdirSync(dirname(readStore)).filter((n) => n.startsWith(stale)))
        rmSync(join(dirname(readStore), name), { force: true });
    }
    const bounds = [undefined, ...caseStreamSplits(store, upTo, workers * RANGES_A_WORKER), undefined];
    const ranges = bounds.slice(0, -1).map((from, index): ReplayRange => ({
      index,
      from,
      to: bounds[index + 1],
      shard: absorb ? `${readStore}.replay-r${index}` : undefined,
    }));
    const jobs = Array.from({ length: Math.min(workers, ranges.length) }, (): ReplayJob => ({
      eventStore: store.file,
      readStore,
      names: projections.map((p) => p.name),
      upTo,
      batchEvents,
    })).map((job, k) => ({ ...job, shard: absorb ? `${readStore}.replay-w${k}` : undefined }));
    const files = [...ranges.map((r) => r.shard), ...jobs.map((j) => j.shard)].filter(
      (f): f is string => f !== undefined,
    );
    // The ranges done, copied in as soon as every range before them is; none once one failed.
    const done = new Set<number>();
    let copied = 0;
    let copying: Promise<void> = Promise.resolve();
    let failed = false;
    const rangeDone = (index: number) => {
      done.add(index);
      if (absorb) {
        copying = copying.then(async () => {
          while (!failed && done.has(copied)) await absorb([ranges[copied++].shard!]);
        });
      }
      return copying;
    };
    let writing: Promise<void> = Promise.resolve();
    try {
      const left = [...ranges];
      await runWorkers(jobs, spawn, {
        nextRange: () => left.shift(),
        write: (tables) => (writing = writing.then(() => write(tables))),
        rangeDone,
        onEvents,
      });
      await writing;
      await copying;
      const finished = absorb ? copied : done.size;
      if (finished !== ranges.length)
        throw new Error(`replay: ${ranges.length - finished} of ${ranges.length} ranges of case streams not done`);
      if (absorb) await absorb(jobs.map((j) => j.shard!));
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // Nothing is written after the replay has failed, nor left behind.
      await Promise.allSettled([writing, copying]);
      for (const file of files) removeShard(file);
    }
  };
};

interface WorkerHooks {
  nextRange: () => ReplayRange | undefined;
  /** Given each batch a worker sends; the worker is answered once it is written. */
  write: (tables: TableWrites[]) => Promise<void>;
  /** A copy into the read store that fails fails the rebuild. */
  rangeDone: (index: number) => Promise<void>;
  onEvents: (events: number) => void;
}

/**
 * Runs a worker a job, each taking ranges until none is left. The first to fail stops them all,
 * so that none goes on writing after the replay has failed.
 */
const runWorkers = async (jobs: ReplayJob[], spawn: (job: ReplayJob) => Worker, hooks: WorkerHooks): Promise<void> => {
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = jobs.length;
      let failure: Error | undefined;
      const fail = (error: Error) => {
        if (failure) return;
        failure = error;
        reject(error);
      };
      for (const job of jobs) {
        const worker = spawn(job);
        workers.push(worker);
        let finished = false;
        let written: Promise<unknown> = Promise.resolve();
        const give = () => worker.postMessage({ range: hooks.nextRange() } satisfies ToReplayWorker);
        worker.on(
          'message',
          (m: { tables?: TableWrites[]; events?: number; rangeDone?: number; done?: true; error?: string }) => {
            if (failure) return;
            if (m.tables)
              written = hooks.write(m.tables).then(() => {
                if (!failure) worker.postMessage('written' satisfies ToReplayWorker);
              }, fail);
            else if (m.events !== undefined) hooks.onEvents(m.events);
            else if (m.rangeDone !== undefined) {
              hooks.rangeDone(m.rangeDone).catch(fail);
              give();
            } else if (m.error !== undefined) fail(new Error(`replay worker: ${m.error}`));
            else if (m.done)
              written.then(() => {
                finished = true;
                if (--running === 0) resolve();
              }, fail);
          },
        );
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!finished) fail(new Error(`replay worker stopped before the end (exit code ${code})`));
        });
        give();
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
};
