import { ReadStreamsOptions, RecordedEvent } from '@thads/event-store/port';
import { ReadStore, TableWrites } from '../store/read-store';
import { RowWrites } from '../store/row-writes';
import { CASE_STREAM_PREFIX, caseIdOf, foldCaseEvent, HeldCase } from './case-folds';
import { FoldedCase, ProjectedEvent, Projection, PROJECTED_METADATA, ProjectedMetadata } from './projection';

/**
 * Events per transaction; a batch ends between two cases, so a case's row is written once. Small
 * batches die young: rows of 20,000 events outlived the young generation and were copied twice
 * (40,000-case rebuild with two workers: 28k events/s at 20,000, 33k at 5,000, 30k at 1,000).
 */
const BATCH_EVENTS = 5_000;

export interface StreamReplayOptions {
  /** Called after each batch with the number of events replayed so far. */
  onProgress?: (events: number) => void;
  batchEvents?: number;
  /** Replays the case streams elsewhere (worker threads: see apps/cli parallel-replay.ts); by default here. */
  caseStreams?: CaseStreamsReplayer;
}

/** Replays every case stream up to `upTo` into the projections (in read models already holding the units). */
export type CaseStreamsReplayer = (job: {
  projections: ReadonlyArray<Projection>;
  upTo: bigint;
  batchEvents?: number;
  /** Writes one batch's rows to the read store (one transaction). */
  write: (tables: TableWrites[]) => Promise<void>;
  /** When the read store can take them: copies in rows written to SQLite files of their own (ReadStore.absorb). */
  absorb?: (shards: ReadonlyArray<string>) => Promise<void>;
  onEvents: (events: number) => void;
}) => Promise<void>;

const byPosition = (a: RecordedEvent, b: RecordedEvent) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;

/**
 * Replays the log as it stood at `upTo` into read models that start from zero, one stream at a
 * time (Marten's "optimized rebuild"). In position order every open case must stay folded
 * between its events, which lie months apart in the log: at a million cases that cache no longer
 * fits, and evicting and re-reading it dominated the rebuild (6k events/s at 600k cases). Stream
 * by stream, a case is folded, projected and forgotten, so memory holds one case.
 *
 * The events outside case streams (units, targets) come first, in position order: a unit is
 * registered before its cases are counted and a subunit after its parent. Then the case streams,
 * one after the other. No read model depends on the order of two cases' events: each case's rows
 * are its own, and the ledger's daily sums are summed from its moves once the replay is done
 * (statistics.projection.ts); stream-replay.int-spec compares every table with a replay in
 * position order.
 *
 * Returns how many events were replayed; the caller has marked the projections unfinished, so a
 * crash part-way leaves them to be rebuilt from zero again, and calls their `finishReplay` and
 * writes their checkpoints after.
 */
export const replayByStreams = async (
  readStreams: (options: ReadStreamsOptions) => AsyncIterable<RecordedEvent>,
  readStore: ReadStore,
  projections: ReadonlyArray<Projection>,
  upTo: bigint,
  options: StreamReplayOptions,
): Promise<number> => {
  // Units and targets: a few events, so they can be sorted in memory.
  const others: RecordedEvent[] = [];
  for await (const e of readStreams({
    prefix: CASE_STREAM_PREFIX,
    except: true,
    upTo,
    metadataFields: PROJECTED_METADATA,
  }))
    others.push(e);
  const out = new RowWrites();
  for (const e of others.sort(byPosition)) {
    for (const p of projections)
      p.apply(out, { recorded: e, metadata: e.metadata as unknown as ProjectedMetadata, replaying: true });
  }
  await readStore.write(out.drain());
  let events = others.length;
  const onEvents = (n: number) => {
    events += n;
    options.onProgress?.(events);
  };
  const here: CaseStreamsReplayer = async (job) => {
    await projectCaseStreams(
      readStreams({ prefix: CASE_STREAM_PREFIX, upTo: job.upTo, metadataFields: PROJECTED_METADATA }),
      job.projections,
      {
        batchEvents: job.batchEvents,
        onEvents: job.onEvents,
        write: job.write,
      },
    );
  };
  await (options.caseStreams ?? here)({
    projections,
    upTo,
    batchEvents: options.batchEvents,
    onEvents,
    write: (tables) => readStore.write(tables),
    absorb: readStore.absorb ? (shards) => readStore.absorb!(shards) : undefined,
  });
  return events;
};

/**
 * Folds and projects case streams (each stream's events together, by revision), handing each
 * batch's rows to `write`; `onEvents` counts what each batch held.
 */
export const projectCaseStreams = async (
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  projections: ReadonlyArray<Projection>,
  options: {
    batchEvents?: number;
    onEvents?: (events: number) => void;
    write: (tables: TableWrites[]) => Promise<void>;
  },
): Promise<void> => {
  const out = new RowWrites();
  const batchEvents = options.batchEvents ?? BATCH_EVENTS;
  let inBatch = 0;
  const project = (recorded: RecordedEvent, folded: FoldedCase | undefined, lastFold: boolean) => {
    const metadata = recorded.metadata as unknown as ProjectedMetadata;
    const event: ProjectedEvent = lastFold
      ? { recorded, metadata, case: folded, replaying: true, lastFold }
      : { recorded, metadata, case: folded, replaying: true };
    for (const p of projections) p.apply(out, event);
    inBatch++;
  };
  const flush = async () => {
    for (const p of projections) p.endBatch?.(out);
    await options.write(out.drain());
    options.onEvents?.(inBatch);
    inBatch = 0;
  };
  // The current stream's events and their folds, projected once the stream ends, when its last
  // fold is known (ProjectedEvent.lastFold). Arrays reused from stream to stream.
  const recordedOf: RecordedEvent[] = [];
  const foldedOf: Array<FoldedCase | undefined> = [];
  let inStream = 0;
  const endStream = () => {
    let last = inStream - 1;
    while (last >= 0 && foldedOf[last] === undefined) last--;
    for (let i = 0; i < inStream; i++) project(recordedOf[i], foldedOf[i], i === last);
    inStream = 0;
  };
  let streamId: string | undefined;
  let held: HeldCase | undefined;
  // One loop for both kinds of source: a promise is awaited only when the source gives one.
  const source = Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : events[Symbol.iterator]();
  try {
    for (;;) {
      const next = source.next();
      const result = next instanceof Promise ? await next : next;
      if (result.done) break;
      const recorded = result.value;
      if (recorded.streamId !== streamId) {
        endStream();
        held = undefined;
        if (inBatch >= batchEvents) await flush();
        streamId = recorded.streamId;
      }
      let folded: FoldedCase | undefined;
      if (caseIdOf(recorded) !== undefined) {
        // As the projector folds it (Projector.applyBatch).
        const metadata = recorded.metadata as unknown as ProjectedMetadata;
        const step = foldCaseEvent(held, recorded, metadata?.on, metadata?.recordedAt ?? '');
        held = step.held;
        folded = step.folded;
      }
      recordedOf[inStream] = recorded;
      foldedOf[inStream] = folded;
      inStream++;
    }
  } finally {
    // As a for-of loop leaves its iterator (a store may hold a statement open).
    await source.return?.();
  }
  endStream();
  await flush();
};
