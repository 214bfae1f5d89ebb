import { ReadStreamsOptions, RecordedEvent } from '@thads/event-store/port';
import { Projection, PROJECTED_METADATA, ProjectedMetadata } from '../runtime/projection';
import { ReadStore, TableWrites } from '../store/read-store';
import { RowWrites } from '../store/row-writes';
import { CASE_STREAM_PREFIX } from '../runtime/case-folds';
import { projectCaseStreams } from './case-streams';

export interface StreamReplayOptions {
  /** Called after each batch with the number of events replayed so far. */
  onProgress?: (events: number) => void;
  batchEvents?: number;
  /** Replays the case streams elsewhere (worker threads: parallel-replay.ts); by default here. */
  caseStreams?: CaseStreamsReplayer;
  /** Told each phase of a rebuild from zero as it ends, and its seconds (`thads rebuild` prints them). */
  onPhase?: (phase: string, seconds: number) => void;
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
 * fits, and evicting and re-reading it dominated the rebuild. Stream by stream, a case is folded,
 * projected and forgotten, so memory holds one case.
 *
 * The events outside case streams (units, targets) come first, in position order: a unit is
 * registered before its cases are counted and a subunit after its parent. Then the case streams,
 * one after the other. No read model depends on the order of two cases' events: each case's rows
 * are its own, and the sums over cases (`Projection.sums`) are summed from their rows once the
 * replay is done; test/cli/stream-replay.int-spec.ts compares every table with a replay in
 * position order.
 *
 * Returns how many events were replayed; the caller (rebuildFromZero) has marked the projections
 * unfinished, so a crash part-way leaves them to be rebuilt from zero again.
 */
export const replayByStreams = async (
  readStreams: (options: ReadStreamsOptions) => AsyncIterable<RecordedEvent>,
  readStore: ReadStore,
  projections: ReadonlyArray<Projection>,
  upTo: bigint,
  options: StreamReplayOptions,
): Promise<number> => {
  const started = performance.now();
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
    for (const p of projections) p.apply?.(out, { recorded: e, metadata: e.metadata as unknown as ProjectedMetadata });
  }
  await readStore.write(out.drain());
  const unitsDone = performance.now();
  options.onPhase?.('units and targets', (unitsDone - started) / 1000);
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
  options.onPhase?.('case streams', (performance.now() - unitsDone) / 1000);
  return events;
};
