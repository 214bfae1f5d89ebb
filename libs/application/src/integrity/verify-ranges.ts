import { EventStore, RecordedEvent, StoredEventRow } from '@thads/event-store';
import { BrokenLink, ChainVerifier, StreamSegment } from './chain-verifier';
import { AnchorShape, RangeLeaves } from './anchors/leaf-sink';
import { LogVerification } from './verify-log';

export interface RangeResult {
  checked: number;
  segments: StreamSegment[];
  /** With `anchors`: the range's share of the anchors' check. */
  leaves?: RangeLeaves;
}

/** `anchors`: the segments of the anchors to check the log against (none: no anchor check). */
export interface RangeOptions {
  anchors?: ReadonlyArray<AnchorShape>;
}

const sinkFor = (options: RangeOptions, from: bigint, to: bigint) =>
  options.anchors?.length ? { shapes: options.anchors, from: Number(from), to: Number(to) } : undefined;

const resultOf = (verifier: ChainVerifier): RangeResult => {
  const leaves = verifier.leaves;
  return { checked: verifier.checked, segments: verifier.segments(), ...(leaves ? { leaves } : {}) };
};

/**
 * Checks positions [from, to) of the log on their own; any process with the store can run it.
 * With `leaves`, read with storage times (readLedger) where the store has them.
 */
export const verifyRange = async (
  store: EventStore,
  from: bigint,
  to: bigint,
  options: RangeOptions = {},
): Promise<RangeResult> => {
  const verifier = new ChainVerifier({ openStart: true, leaves: sinkFor(options, from, to) });
  if (options.anchors?.length && store.readLedger) {
    for await (const e of store.readLedger(from, to)) verifier.check(e, e.storedAt);
    return resultOf(verifier);
  }
  for await (const e of store.readAll({ fromPosition: from, maxCount: Number(to - from) })) {
    if (e.position >= to) break;
    verifier.check(e);
  }
  return resultOf(verifier);
};

/** The log as stored, read without parsing (the SQLite store's RawLogReader). */
export interface StoredLog {
  /** Positions [from, to), in position order, a page at a time. */
  pages(from: bigint, to: bigint): Iterable<StoredEventRow[]>;
  /** The row parsed, as the store's reads would give it. */
  recorded(row: StoredEventRow): RecordedEvent;
}

/**
 * `verifyRange` over stored rows: events whose text is canonical are checked without parsing it
 * (ChainVerifier.checkStored), the others parsed; the result is the same.
 */
export const verifyStoredRange = (
  log: StoredLog,
  from: bigint,
  to: bigint,
  options: RangeOptions = {},
): RangeResult => {
  const verifier = new ChainVerifier({ openStart: true, leaves: sinkFor(options, from, to) });
  const recorded = (row: StoredEventRow) => log.recorded(row);
  for (const page of log.pages(from, to)) for (const row of page) verifier.checkStored(row, recorded);
  return resultOf(verifier);
};

/**
 * The whole log up to `head`, cut into ranges of positions checked `concurrency` at a time (by
 * worker threads in the CLI: recomputing hashes is CPU-bound), then stitched in order, so the
 * result is the one a single pass in position order gives. Memory: one link per stream, plus
 * the segments of at most `concurrency` ranges waiting their turn.
 */
export const verifyInRanges = async (
  head: bigint,
  run: (from: bigint, to: bigint) => Promise<RangeResult>,
  options: {
    concurrency?: number;
    rangeSize?: number;
    onProgress?: (checked: number, position: bigint) => void;
    maxReported?: number;
    /** Each range's result in position order, as it is stitched (the anchors' check takes its leaves). */
    onRange?: (result: RangeResult) => void;
  } = {},
): Promise<LogVerification> => {
  const size = BigInt(options.rangeSize ?? 20_000);
  const ranges = Number((head + size) / size);
  const pending = new Map<number, Promise<RangeResult>>();
  let launched = 0;
  const launch = () => {
    if (launched >= ranges) return;
    const from = BigInt(launched) * size;
    pending.set(launched++, run(from, from + size));
  };
  for (let i = 0; i < (options.concurrency ?? 1); i++) launch();
  const verifier = new ChainVerifier();
  const broken: BrokenLink[] = [];
  let brokenStreams = 0;
  for (let i = 0; i < ranges; i++) {
    const result = await pending.get(i)!;
    pending.delete(i);
    launch();
    verifier.checked += result.checked;
    options.onRange?.(result);
    const found = result.segments.map((s) => verifier.stitch(s)).filter((b): b is BrokenLink => b !== undefined);
    for (const b of found.sort((x, y) => x.position - y.position))
      if (brokenStreams++ < (options.maxReported ?? 100)) broken.push(b);
    options.onProgress?.(verifier.checked, BigInt(i + 1) * size);
  }
  return {
    valid: brokenStreams === 0,
    checked: verifier.checked,
    streams: verifier.streams,
    brokenStreams,
    ...(broken.length ? { firstBroken: broken[0] } : {}),
    broken,
  };
};
