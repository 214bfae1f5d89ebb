import { RecordedEvent } from '@thads/event-store/port';
import { CaseRow, CaseRows, FoldedCase, ProjectedEvent, Projection, ProjectedMetadata } from '../runtime/projection';
import { caseIdOf, foldCaseEvent, HeldCase } from '../runtime/case-folds';
import { TableWrites } from '../store/read-store';
import { RowWrites } from '../store/row-writes';

/**
 * Events per transaction; a batch ends between two cases. Small batches die young: the rows of
 * large ones outlived the young generation and were copied twice (README, Measurements behind
 * the design).
 */
export const BATCH_EVENTS = 5_000;

/**
 * Folds and projects case streams (each stream's events together, by revision), handing each
 * batch's rows to `write`; `onEvents` counts what each batch held. Each event goes through the
 * projections' `apply`; a case's row (`Projection.caseRow`, or rows: `caseRows`) is written once, when its stream
 * ends, from the stream's last event that folded the case: the row the live projector would have
 * ended with, written as a plain insert (no other row of the batch has its key). `sums` are left
 * to the end of the rebuild (rebuild-from-zero.ts).
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
  const applying = projections.filter((p) => p.apply);
  const caseRows = projections.map((p) => p.caseRow).filter((r): r is CaseRow => r !== undefined);
  const manyRows = projections.map((p) => p.caseRows).filter((r): r is CaseRows => r !== undefined);
  let inBatch = 0;
  const flush = async () => {
    for (const p of projections) p.endBatch?.(out);
    await options.write(out.drain());
    options.onEvents?.(inBatch);
    inBatch = 0;
  };
  // The current stream's last fold, and the event that made it.
  let lastFolded: FoldedCase | undefined;
  let lastRecorded: RecordedEvent | undefined;
  const endStream = () => {
    if (lastFolded) {
      for (const r of caseRows) out.insert(r.table, r.row(lastFolded, lastRecorded!));
      for (const r of manyRows) for (const row of r.rows(lastFolded.after)) out.insert(r.table, row);
    }
    lastFolded = undefined;
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
      const metadata = recorded.metadata as unknown as ProjectedMetadata;
      let folded: FoldedCase | undefined;
      if (caseIdOf(recorded) !== undefined) {
        // As the projector folds it (Projector.applyBatch).
        const step = foldCaseEvent(held, recorded, metadata?.on, metadata?.recordedAt ?? '');
        held = step.held;
        folded = step.folded;
        if (folded) {
          lastFolded = folded;
          lastRecorded = recorded;
        }
      }
      const event: ProjectedEvent = { recorded, metadata, case: folded };
      for (const p of applying) p.apply!(out, event);
      inBatch++;
    }
  } finally {
    // As a for-of loop leaves its iterator (a store may hold a statement open).
    await source.return?.();
  }
  endStream();
  await flush();
};
