import { ReadStreamsOptions, RecordedEvent } from '@thads/event-store/port';
import { Projection } from '../runtime/projection';
import { ReadStore } from '../store/read-store';
import { replayByStreams, StreamReplayOptions } from './stream-replay';

/**
 * Fills read models that start from zero with the log up to `upTo`, the fast way: stream by
 * stream (stream-replay.ts), the case streams perhaps in worker threads (parallel-replay.ts),
 * into a store in bulk-load mode (`ReadStore.bulkLoad`: SQLite holds back rows and indexes,
 * sqlite-bulk-load.ts), then each projection's `sums` computed once from the rows. The caller
 * (Projector) has marked the projections unfinished and writes their checkpoints after, so a
 * rebuild killed part-way starts again from zero. Returns how many events were replayed.
 */
export const rebuildFromZero = async (
  readStreams: (options: ReadStreamsOptions) => AsyncIterable<RecordedEvent>,
  readStore: ReadStore,
  projections: ReadonlyArray<Projection>,
  upTo: bigint,
  options: StreamReplayOptions,
): Promise<number> => {
  await readStore.bulkLoad?.(
    true,
    projections.flatMap((p) => p.tables),
  );
  let loaded = false;
  try {
    const events = await replayByStreams(readStreams, readStore, projections, upTo, options);
    // Each later phase's seconds, for `thads rebuild` to print.
    let since = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      options.onPhase?.(name, (now - since) / 1000);
      since = now;
    };
    // The store finishes its bulk load (rows it held back go in) before the sums read them.
    await readStore.bulkLoad?.(false);
    loaded = true;
    phase('rows held back and indexes');
    for (const p of projections) {
      if (!p.sums) continue;
      await p.sums.recompute(readStore);
      phase(`sums of ${p.name}`);
    }
    return events;
  } finally {
    if (!loaded) await readStore.bulkLoad?.(false);
  }
};
