import { createHash, Hash } from 'node:crypto';
import { lineOf } from './anchor-leaf';

/** An anchor's segment as the range checks need it: (after, position], blocks of blockSize. */
export interface AnchorShape {
  after: number;
  position: number;
  blockSize: number;
}

/** Anchor lines of some events: positions, where each line ends in `text` (UTF-16 units), the lines. */
export interface LeafLines {
  positions: ArrayLike<number>;
  ends: ArrayLike<number>;
  text: string;
}

/** What a range of the log gives the anchors' check. */
export interface RangeLeaves {
  /** Blocks wholly within the range, hashed where the range was read: [anchor index, block, events, digest]. */
  blocks: Array<[anchor: number, block: number, count: number, digest: string]>;
  /** The lines of events whose block the range's edges cut: hashed by the check, range after range. */
  lines: LeafLines;
  /** Events after the last anchor: counted, not hashed. */
  after: number;
}

/**
 * Gathers the anchors' share of one range of `thads verify --all`, in the worker that reads it: a
 * block wholly within the range is hashed there, line by line, and only its digest is posted;
 * the lines of the (at most two) blocks cut by the range's edges are posted for the check to
 * hash in order. So the main thread hashes little and little is copied between threads.
 */
export class LeafSink {
  private anchor = 0;
  private current?: { anchor: number; block: number; count: number; hash: Hash };
  private readonly blocks: RangeLeaves['blocks'] = [];
  private readonly positions: number[] = [];
  private readonly ends: number[] = [];
  private text = '';
  private after = 0;

  constructor(
    private readonly shapes: ReadonlyArray<AnchorShape>,
    private readonly from: number,
    private readonly to: number,
  ) {}

  add(position: number, streamId: string, revision: number, id: string, storedAt: string, content: string): void {
    while (this.anchor < this.shapes.length && position > this.shapes[this.anchor].position) this.anchor++;
    const s = this.shapes[this.anchor];
    if (!s) {
      this.after++;
      return;
    }
    if (position <= s.after) return; // between anchors whose chain is broken: covered by neither
    const block = Math.floor((position - s.after - 1) / s.blockSize);
    const first = s.after + block * s.blockSize + 1;
    const last = Math.min(first + s.blockSize - 1, s.position);
    const line = lineOf(position, streamId, revision, id, storedAt, content);
    if (first >= this.from && last < this.to) {
      const c = this.current;
      if (!c || c.anchor !== this.anchor || c.block !== block) {
        this.flush();
        this.current = { anchor: this.anchor, block, count: 0, hash: createHash('sha256') };
      }
      this.current!.count++;
      this.current!.hash.update(line);
      return;
    }
    this.positions.push(position);
    this.text += line;
    this.ends.push(this.text.length);
  }

  private flush(): void {
    const c = this.current;
    if (c) this.blocks.push([c.anchor, c.block, c.count, c.hash.digest('hex')]);
    this.current = undefined;
  }

  result(): RangeLeaves {
    this.flush();
    return {
      blocks: this.blocks,
      lines: { positions: Float64Array.from(this.positions), ends: Uint32Array.from(this.ends), text: this.text },
      after: this.after,
    };
  }
}
