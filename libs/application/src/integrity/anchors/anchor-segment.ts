import { createHash, Hash } from 'node:crypto';
import { sha256Hex } from '../../hash-chain';
import { LedgerEntry, leafText, partialTextsOf } from './anchor-leaf';

/**
 * An anchor covers the positions (after, position] since the one before it, cut into at most
 * MAX_BLOCKS blocks of `blockSize` positions. Each block keeps its event count and digest, so a
 * mismatch is located to a block of positions (a tenth of a second's appends at an anchor every
 * 1,000 events), not only to the anchor; 32 keep an anchor's line under 6 kB.
 */
export const MAX_BLOCKS = 32n;

export interface SegmentShape {
  after: bigint;
  position: bigint;
  blockSize: bigint;
}

export const shapeOf = (after: bigint, position: bigint): SegmentShape => {
  const span = position - after;
  return { after, position, blockSize: span <= 0n ? 1n : (span + MAX_BLOCKS - 1n) / MAX_BLOCKS };
};

export const blockCountOf = ({ after, position, blockSize }: SegmentShape): number =>
  position <= after ? 0 : Number((position - after + blockSize - 1n) / blockSize);

export const blockOf = ({ after, blockSize }: SegmentShape, position: bigint): number =>
  Number((position - after - 1n) / blockSize);

/** The positions a block covers, first and last (inclusive). */
export const blockRange = ({ after, position, blockSize }: SegmentShape, block: number): [bigint, bigint] => {
  const first = after + 1n + BigInt(block) * blockSize;
  const last = first + blockSize - 1n;
  return [first, last < position ? last : position];
};

/**
 * A block as the anchor file keeps it: [count, digest, content, id, storage time] (the partial
 * digests cut to 32 hex digits), then its first event's position and id ('' when it has none):
 * where that event is now tells events inserted or removed before it, with the later ones moved.
 */
export type StoredBlock = [
  count: number,
  digest: string,
  content: string,
  id: string,
  time: string,
  firstPosition: string,
  firstId: string,
];

/** Hashes a block's lines as they come, in position order: `events` lines at a time. */
export class BlockDigest {
  count = 0;
  private readonly hash: Hash = createHash('sha256');
  add(lines: string, events = 1): void {
    this.count += events;
    this.hash.update(lines);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** A block with its partial digests too, for writing an anchor and for naming what changed in one. */
export class FullBlockDigest {
  readonly whole = new BlockDigest();
  private readonly parts = [createHash('sha256'), createHash('sha256'), createHash('sha256')];
  private first?: LedgerEntry;
  add(entry: LedgerEntry): void {
    this.first ??= entry;
    this.whole.add(leafText(entry));
    partialTextsOf(entry).forEach((line, i) => this.parts[i].update(line));
  }
  stored(): StoredBlock {
    const [content, id, time] = this.parts.map((h) => h.digest('hex').slice(0, 32));
    return [
      this.whole.count,
      this.whole.digest(),
      content,
      id,
      time,
      this.first ? String(this.first.position) : '',
      this.first?.id ?? '',
    ];
  }
}

/**
 * The anchor's digest: its predecessor's digest, the positions it covers, the events up to it and
 * every block's count and digest. Chained so, it covers every event up to the anchor's position
 * in position order, and the next anchor is computed from this one and the events after it only.
 */
export const segmentDigest = (
  prevDigest: string,
  shape: SegmentShape,
  count: number,
  blocks: ReadonlyArray<readonly [number, string]>,
): string =>
  sha256Hex(
    JSON.stringify([
      'thads-anchor/1',
      prevDigest,
      String(shape.after),
      String(shape.position),
      count,
      String(shape.blockSize),
      blocks,
    ]),
  );
