import { EventMetadata } from '@thads/domain';
import { RecordedEvent, StoredEventRow } from '@thads/event-store';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { storedTextLinks } from './stored-hash';
import { contentHashOf } from './anchors/anchor-leaf';
import { AnchorShape, LeafSink, RangeLeaves } from './anchors/leaf-sink';

/**
 * Why a link is broken:
 * - `hash-mismatch`: the event's own hash does not match its content (payload or metadata edited);
 * - `prev-hash-mismatch`: it does not link to the event before it (events reordered, or one
 *   deleted and the later ones renumbered);
 * - `revision-gap`: a revision is missing (an event deleted).
 */
export type BreakReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'revision-gap';

export interface BrokenLink {
  streamId: string;
  /** The first revision at which the stream stops being the one that was written. */
  revision: number;
  reason: BreakReason;
  expected?: string;
  actual?: string;
  /** The stored event found there (for a gap: the one found after it). */
  position: number;
  eventId: string;
}

/** Where a stream's events begin within a range of the log, for stitching to the range before. */
export interface SegmentHead {
  revision: number;
  prevHash: string;
  position: number;
  eventId: string;
}

/** One stream's events within a range of the log, checked on their own. */
export interface StreamSegment {
  streamId: string;
  first: SegmentHead;
  next: number;
  hash: string;
  broken?: BrokenLink;
}

interface Link {
  next: number;
  hash: string;
  first?: SegmentHead;
  broken?: BrokenLink;
}

const START = { next: 0, hash: GENESIS_HASH };

const breakAt = (
  streamId: string,
  head: SegmentHead,
  reason: BreakReason,
  revision: number,
  expected?: string,
  actual?: string,
): BrokenLink => ({ streamId, revision, reason, expected, actual, position: head.position, eventId: head.eventId });

/** `recomputed`, when known already, is contentHashOf the event: the same hash as computed here. */
const ownHashBreak = (event: RecordedEvent, head: SegmentHead, recomputed?: string): BrokenLink | undefined => {
  const m = event.metadata as unknown as Partial<EventMetadata> | null;
  if (!m || typeof m.hash !== 'string' || typeof m.prevHash !== 'string')
    return breakAt(event.streamId, head, 'hash-mismatch', head.revision, 'a hash', 'none');
  const { hash, ...unsigned } = m;
  recomputed ??= chainHash(m.prevHash, event.type, event.data, unsigned);
  return recomputed === hash
    ? undefined
    : breakAt(event.streamId, head, 'hash-mismatch', head.revision, recomputed, hash);
};

/** Does an event (or a segment's first event) follow the stream as checked so far? */
const linkBreak = (
  streamId: string,
  head: SegmentHead,
  link: { next: number; hash: string },
): BrokenLink | undefined => {
  const linked = head.prevHash === link.hash;
  if (head.revision === link.next)
    return linked ? undefined : breakAt(streamId, head, 'prev-hash-mismatch', head.revision, link.hash, head.prevHash);
  // A later revision that does not link: the ones between were deleted.
  if (head.revision > link.next && !linked)
    return breakAt(streamId, head, 'revision-gap', link.next, String(link.next), String(head.revision));
  // It links but carries another revision: the revisions were rewritten to reorder the stream,
  // so read by revision the stream breaks here, where this event should have been.
  return breakAt(streamId, head, 'prev-hash-mismatch', link.next, `revision ${link.next}`, `revision ${head.revision}`);
};

/**
 * Recomputes the hash chain of docs/architecture.md §4 one event at a time, in any interleaving of
 * streams (a stream read, or `$all` in position order). It keeps, per stream, only the next
 * revision and the last hash, so a whole log is checked in memory proportional to its streams.
 *
 * With `openStart`, it checks one range of the log: a stream may have begun before the range, so
 * its first event there is only checked for its own hash and `segments()` hands each stream's
 * piece to a verifier that `stitch`es the ranges in order (verify-ranges.ts).
 */
export class ChainVerifier {
  private readonly links = new Map<string, Link>();
  checked = 0;
  /** Events `checkStored` judged by their stored text, without parsing them. */
  fastChecked = 0;

  /**
   * With `leaves` (the anchors' segments, for a range [from, to)), each event goes to the anchors'
   * check (anchors/leaf-sink.ts) with the content hash computed here anyway.
   */
  private readonly sink?: LeafSink;

  constructor(
    private readonly options: {
      openStart?: boolean;
      leaves?: { shapes: ReadonlyArray<AnchorShape>; from: number; to: number };
    } = {},
  ) {
    if (options.leaves) this.sink = new LeafSink(options.leaves.shapes, options.leaves.from, options.leaves.to);
  }

  private leaf(
    position: number,
    streamId: string,
    revision: number,
    id: string,
    storedAt: string,
    content: string,
  ): void {
    this.sink!.add(position, streamId, revision, id, storedAt, content);
  }

  get leaves(): RangeLeaves | undefined {
    return this.sink?.result();
  }

  get streams(): number {
    return this.links.size;
  }

  /** The stream's first broken link, once; its later events are then skipped. */
  check(event: RecordedEvent, storedAt = ''): BrokenLink | undefined {
    this.checked++;
    const link = this.links.get(event.streamId);
    const content = this.sink ? contentHashOf(event.type, event.data, event.metadata) : undefined;
    if (content !== undefined)
      this.leaf(Number(event.position), event.streamId, Number(event.revision), event.id, storedAt, content);
    if (link?.broken) return undefined;
    const m = event.metadata as unknown as Partial<EventMetadata> | null;
    const head: SegmentHead = {
      revision: Number(event.revision),
      prevHash: m?.prevHash ?? '',
      position: Number(event.position),
      eventId: event.id,
    };
    return this.follow(event.streamId, link, head, ownHashBreak(event, head, content), m?.hash);
  }

  /**
   * `check` for an event as stored, its data and metadata JSON text: canonical text is hashed as
   * it stands (stored-hash.ts: no parse; README, Measurements behind the design); any other, or a hash that does not
   * match, is parsed with `recorded` and judged by `check`, so verdicts and reasons are the same.
   */
  checkStored(row: StoredEventRow, recorded: (row: StoredEventRow) => RecordedEvent): BrokenLink | undefined {
    const streamId = row[2];
    const link = this.links.get(streamId);
    // After a break, or for text that is not canonical or not what was hashed, the slow path
    // (parsing, as readAll always did: a text that is not JSON still fails the read).
    const own = link?.broken && !this.sink ? undefined : storedTextLinks(row[4], row[5], row[6]);
    if (!own) return this.check(recorded(row), row[7]);
    // A valid event's hash is its content hash: the leaf is made of it.
    if (this.sink) this.leaf(row[0], streamId, row[3], row[1], row[7], own.hash);
    this.checked++;
    if (link?.broken) return undefined;
    this.fastChecked++;
    const revision = row[3];
    // The usual case, the next event of a stream seen already, without building its head.
    if (link && revision === link.next && own.prevHash === link.hash) {
      link.next = revision + 1;
      link.hash = own.hash;
      return undefined;
    }
    return this.follow(
      streamId,
      link,
      { revision, prevHash: own.prevHash, position: row[0], eventId: row[1] },
      undefined,
      own.hash,
    );
  }

  /** Links an event, whose own hash was judged (`ownBreak`), to its stream as checked so far. */
  private follow(
    streamId: string,
    link: Link | undefined,
    head: SegmentHead,
    ownBreak: BrokenLink | undefined,
    hash: string | undefined,
  ): BrokenLink | undefined {
    // In a range of the log, a stream seen for the first time may go on from an earlier range:
    // that link is judged when the ranges are stitched.
    const linkUnknown = !link && this.options.openStart;
    const broken = ownBreak ?? (linkUnknown ? undefined : linkBreak(streamId, head, link ?? START));
    if (!link)
      this.links.set(
        streamId,
        (link = { next: START.next, hash: START.hash, first: this.options.openStart ? head : undefined }),
      );
    if (broken) link.broken = broken;
    else {
      link.next = head.revision + 1;
      link.hash = hash!;
    }
    return broken;
  }

  /** Each stream's piece of the range (with `openStart` only). */
  segments(): StreamSegment[] {
    const out: StreamSegment[] = [];
    for (const [streamId, l] of this.links)
      out.push({ streamId, first: l.first!, next: l.next, hash: l.hash, ...(l.broken ? { broken: l.broken } : {}) });
    return out;
  }

  /** Joins a stream's segment from the next range: its first event must follow what came before. */
  stitch(segment: StreamSegment): BrokenLink | undefined {
    let link = this.links.get(segment.streamId);
    if (!link) this.links.set(segment.streamId, (link = { ...START }));
    if (link.broken) return undefined;
    // The first event's own hash is judged before its link, as `check` does.
    const ownFirst = segment.broken?.position === segment.first.position ? segment.broken : undefined;
    const broken = ownFirst ?? linkBreak(segment.streamId, segment.first, link) ?? segment.broken;
    if (broken) link.broken = broken;
    else {
      link.next = segment.next;
      link.hash = segment.hash;
    }
    return broken;
  }
}
