import { EventStore } from '@thads/event-store';
import { Anchor, ANCHOR_GENESIS, AnchorReason, signedText, UnsignedAnchor } from './anchor';
import { AnchorKey } from './anchor-key';
import { appendAnchorLine, readAnchorLines, withAnchorLock } from './anchor-file';
import { blockCountOf, blockOf, FullBlockDigest, segmentDigest, shapeOf } from './anchor-segment';
import { entryOf, readLedger } from './ledger';

export interface AnchorWritten { written: boolean; anchor?: Anchor }

/** The last anchor of the file this key signed: the one the next continues from. */
export const lastSigned = (file: string, key: AnchorKey): Anchor | undefined => {
  const lines = readAnchorLines(file);
  for (let i = lines.length - 1; i >= 0; i--) {
    const a = lines[i].anchor;
    if (a && a.keyFingerprint === key.fingerprint && key.verify(signedText(a), a.signature)) return a;
  }
  return undefined;
};

/**
 * Writes the next anchor: the events after the last anchor, up to the log's head, read once and
 * chained onto the last anchor's digest, so an anchor costs the events since the one before, not
 * the log. One at a time in this process, and under the file's lock across processes.
 */
export class AnchorWriter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: EventStore, private readonly key: AnchorKey, readonly file: string, private readonly now: () => Date = () => new Date()) {}

  get fingerprint(): string {
    return this.key.fingerprint;
  }

  /** Nothing is written when no event came since the last anchor; the last one is answered then. */
  write(reason: AnchorReason): Promise<AnchorWritten> {
    const next = this.queue.then(() => withAnchorLock(this.file, () => this.writeNow(reason)));
    this.queue = next.catch(() => undefined);
    return next;
  }

  latest(): Anchor | undefined {
    return lastSigned(this.file, this.key);
  }

  private async writeNow(reason: AnchorReason): Promise<AnchorWritten> {
    const last = this.latest();
    const head = await this.store.headPosition();
    const after = last ? BigInt(last.position) : -1n;
    if (head === undefined || head <= after) return { written: false, anchor: last };
    const shape = shapeOf(after, head);
    const blocks = Array.from({ length: blockCountOf(shape) }, () => new FullBlockDigest());
    let added = 0;
    let lastId = '';
    for await (const e of readLedger(this.store, after + 1n, head + 1n)) {
      blocks[blockOf(shape, e.position)].add(entryOf(e, e.storedAt));
      added++;
      lastId = e.id;
    }
    const stored = blocks.map((b) => b.stored());
    const count = (last?.count ?? 0) + added;
    const prevDigest = last?.digest ?? ANCHOR_GENESIS;
    const unsigned: UnsignedAnchor = {
      v: 1, seq: (last?.seq ?? 0) + 1, at: this.now().toISOString(), reason, after: String(after), position: String(head), count,
      blockSize: String(shape.blockSize), blocks: stored, lastId, prevDigest,
      digest: segmentDigest(prevDigest, shape, count, stored.map(([n, d]) => [n, d] as const)), keyFingerprint: this.key.fingerprint,
    };
    const anchor: Anchor = { ...unsigned, signature: this.key.sign(signedText(unsigned)) };
    appendAnchorLine(this.file, anchor);
    return { written: true, anchor };
  }
}
