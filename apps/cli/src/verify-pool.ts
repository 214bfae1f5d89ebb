import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RangeOptions, RangeResult } from '@thads/application';
import { EventStore } from '@thads/event-store';
import { rangeCheck } from './range-check';

export interface RangeRunner {
  concurrency: number;
  run(from: bigint, to: bigint): Promise<RangeResult>;
  close(): Promise<void>;
}

/**
 * Where `thads verify --all` checks its ranges: worker threads, each with its own connection to
 * the store, since recomputing hashes is CPU-bound; or this thread when one worker is asked for,
 * when the store is in memory, or under ts-jest/swc (a worker cannot load a .ts file).
 */
/** Hashing scales with cores; past four, the single reader that stitches becomes the limit. */
export const defaultWorkers = () => Math.min(availableParallelism(), 4);

export const rangeRunner = (
  store: EventStore,
  location: string,
  workers = defaultWorkers(),
  options: RangeOptions = {},
): RangeRunner => {
  if (workers <= 1 || location === ':memory:' || !__filename.endsWith('.js')) {
    return { concurrency: 1, run: rangeCheck(store, options), close: async () => undefined };
  }
  const pool = Array.from(
    { length: workers },
    () => new Worker(join(__dirname, 'verify-worker.js'), { workerData: { location, anchors: options.anchors } }),
  );
  const waiting = new Map<number, { resolve: (r: RangeResult) => void; reject: (e: Error) => void }>();
  for (const worker of pool) {
    worker.on('message', ({ id, result, error }: { id: number; result?: RangeResult; error?: string }) => {
      const w = waiting.get(id);
      waiting.delete(id);
      if (error !== undefined) w?.reject(new Error(error));
      else w?.resolve(result!);
    });
    worker.on('error', (error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    });
  }
  let next = 0;
  return {
    concurrency: workers,
    run: (from, to) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        pool[id % workers].postMessage({ id, from, to });
      }),
    close: async () => {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
};
