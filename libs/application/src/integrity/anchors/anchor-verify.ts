import { EventStore, RawLogReader, SqliteEventStore } from '@thads/event-store';
import { LogVerification } from '../verify-log';
import { RangeOptions, RangeResult, verifyInRanges, verifyRange, verifyStoredRange } from '../verify-ranges';
import { AnchorCheck, AnchorReport } from './anchor-check';
import { readAnchorLines } from './anchor-file';
import { AnchorKey } from './anchor-key';
import { readLedger } from './ledger';

export interface AnchorPaths {
  anchorFile: string;
  keyFile: string;
}

export type AnchoredVerification = LogVerification & { anchors: AnchorReport };

/** The check of the anchor file, ready for the log's leaves. */
export const anchorCheckFor = (paths: AnchorPaths): AnchorCheck =>
  new AnchorCheck(readAnchorLines(paths.anchorFile), AnchorKey.load(paths.keyFile));

/** A range checked in this thread: SQLite as stored text (the fast path), any other store through readLedger. */
export const localRangeRun = (
  store: EventStore,
  options: RangeOptions,
): ((from: bigint, to: bigint) => Promise<RangeResult>) => {
  if (!(store instanceof SqliteEventStore)) return (from, to) => verifyRange(store, from, to, options);
  const log = new RawLogReader(store.db);
  return async (from, to) => verifyStoredRange(log, from, to, options);
};

/**
 * The whole log's hash chains and, in the same pass, the anchors: every anchor's blocks against
 * the log's leaves, then the blocks that no longer match read again to name what changed.
 * `valid` only when both hold. `runner` checks ranges (worker threads in the CLI), told the
 * anchors' segments (none when there is no anchor to check).
 */
export const verifyWithAnchors = async (
  store: EventStore,
  paths: AnchorPaths,
  options: {
    runner?: (options: RangeOptions) => {
      run: (from: bigint, to: bigint) => Promise<RangeResult>;
      concurrency: number;
    };
    rangeSize?: number;
    onProgress?: (checked: number, position: bigint) => void;
  } = {},
): Promise<AnchoredVerification> => {
  const check = anchorCheckFor(paths);
  const head = (await store.headPosition()) ?? 0n;
  const ranges: RangeOptions = { anchors: check.shapes() };
  const { run, concurrency } = options.runner?.(ranges) ?? { run: localRangeRun(store, ranges), concurrency: 1 };
  const log = await verifyInRanges(head, run, {
    concurrency,
    rangeSize: options.rangeSize,
    onProgress: options.onProgress,
    onRange: (r) => {
      if (r.leaves) check.addRange(r.leaves);
    },
  });
  check.end();
  await check.explain((from, to) => readLedger(store, from, to));
  const anchors = check.report();
  return { ...log, valid: log.valid && anchors.valid, anchors };
};
