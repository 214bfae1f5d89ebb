import { EventStore } from '@thads/event-store';
import { Anchor, ANCHOR_GENESIS, AnchorReason, signedText, UnsignedAnchor } from './anchor';
import { AnchorKey } from './anchor-key';
import { statSync } from 'node:fs';
import { appendAnchorLine, readAnchorLines, readLastAnchorLines, withAnchorLock } from './anchor-file';
import { blockCountOf, blockOf, FullBlockDigest, segmentDigest, shapeOf } from './anchor-segment';
import { entryOf, readLedger } from './ledger';

export interface AnchorWritten {
  written: boolean;
  anchor?: Anchor;
}

const signedBy =
  (key: AnchorKey) =>
  (a: Anchor | undefined): a is Anchor =>
    a !== undefined && a.keyFingerprint === key.fingerprint && key.verify(signedText(a), a.signature);

/** The last anchor of the file this key signed: the one the next continues from. Read from the file's end. */
export const lastSigned = (file: string, key: AnchorKey): Anchor | undefined => {
  const isSigned = signedBy(key);
  const { lines, whole } = readLastAnchorLines(file);
  const found = lines
    .map((l) => l.anchor)
    .reverse()
    .find(isSigned);
  if (found || whole) return found;
  return readAnchorLines(file)
    .map((l) => l.anchor)
    .reverse()
    .find(isSigned);
};

/**
 * Writes the next anchor: the events after the last anchor, up to the log's head, read once and
 * chained onto the last anchor's digest, so an anchor costs the events since the one before, not
 * the log. One at a time in this process, and under the file's lock across processes.
 */
export class AnchorWriter {
  private queue: Promise<unknown> = Promise.resolve();
  /** The latest anchor, as long as the file is unchanged (another process may append to it). */
  private cached?: { size: number; mtimeMs: number; anchor: Anchor | undefined };

  constructor(
    private readonly store: EventStore,
    private readonly key: AnchorKey,
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
    let stat: { size: number; mtimeMs: number };
    try {
      stat = statSync(this.file);
    } catch {
      return undefined;
    }
    if (this.cached?.size === stat.size && this.cached.mtimeMs === stat.mtimeMs) return this.cached.anchor;
    const anchor = lastSigned(this.file, this.key);
    this.cached = { size: stat.size, mtimeMs: stat.mtimeMs, anchor };
    return anchor;
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
      v: 1,
      seq: (last?.seq ?? 0) + 1,
      at: this.now().toISOString(),
      reason,
      after: String(after),
      position: String(head),
      count,
      blockSize: String(shape.blockSize),
      blocks: stored,
      lastId,
      prevDigest,
      digest: segmentDigest(
        prevDigest,
        shape,
        count,
        stored.map(([n, d]) => [n, d] as const),
      ),
      keyFingerprint: this.key.fingerprint,
    };
    const anchor: Anchor = { ...unsigned, signature: this.key.sign(signedText(unsigned)) };
    appendAnchorLine(this.file, anchor);
    return { written: true, anchor };
  }
}
