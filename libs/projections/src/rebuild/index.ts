/**
 * The bulk rebuild: how read models starting from zero are filled from the log fast, kept apart
 * from the projections themselves, which only say how events become rows (runtime/projection.ts:
 * `apply`, `caseRow`, `sums`) and know nothing of how a rebuild runs them. The same projections,
 * live or rebuilt, end with the same rows (test/cli/stream-replay.int-spec.ts,
 * test/cli/parallel-replay.int-spec.ts).
 *
 * - rebuild-from-zero.ts: the entry, called by the Projector for read models at position zero:
 *   a bulk load around a replay stream by stream, then the projections' `sums` once.
 * - stream-replay.ts: units and targets first, in position order, then the case streams one by
 *   one, so memory holds one case rather than every open one.
 * - case-streams.ts: folds each case stream and projects it; a case's row once, at its end.
 * - parallel-replay.ts, replay-worker.ts: the case streams in worker threads (`thads rebuild
 *   --workers N`), each taking small ranges of stream ids and writing its rows to SQLite files of
 *   its own (replay-shards.ts), which the main thread copies in.
 * - sqlite-load-mode.ts, sqlite-bulk-load.ts: a SQLite read store's bulk load: the file compacted,
 *   a rollback journal, no sync until the end; rows of clustered tables staged in a heap and
 *   copied in key order at the end, secondary indexes built once after the load.
 *
 * `npm run bench` measures it (the rebuild rows, and `bench:scale` at a million cases).
 */
export { rebuildFromZero } from './rebuild-from-zero';
export type { CaseStreamsReplayer, StreamReplayOptions } from './stream-replay';
export { caseStreamSplits, defaultReplayWorkers, parallelCaseStreams } from './parallel-replay';
export type { ReplayJob, SqliteLog } from './parallel-replay';
// For the SQLite read store's `bulkLoad` and `absorb` (store/sqlite-read-store.ts).
export { absorbShards } from './replay-shards';
export { SORTER_THREADS } from './sqlite-bulk-load';
export { SqliteLoadMode } from './sqlite-load-mode';
