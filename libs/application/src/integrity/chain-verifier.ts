import { EventMetadata } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { chainHash, GENESIS_HASH } from '../hash-chain';

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

interface Link { next: number; hash: string; broken: boolean }

/**
 * Recomputes the hash chain of ARCHITECTURE.md §4 one event at a time, in any interleaving of
 * streams (a stream read, or `$all` in position order). It keeps, per stream, only the next
 * revision and the last hash, so a whole log is checked in memory proportional to its streams.
 */
export class ChainVerifier {
  private readonly links = new Map<string, Link>();
  checked = 0;

  get streams(): number {
    return this.links.size;
  }

  /** The stream's first broken link, once; its later events are then skipped. */
  check(event: RecordedEvent): BrokenLink | undefined {
    this.checked++;
    let link = this.links.get(event.streamId);
    if (!link) this.links.set(event.streamId, (link = { next: 0, hash: GENESIS_HASH, broken: false }));
    if (link.broken) return undefined;
    const broken = this.judge(event, link);
    if (broken) link.broken = true;
    else { link.next++; link.hash = (event.metadata as unknown as EventMetadata).hash; }
    return broken;
  }

  private judge(event: RecordedEvent, link: Link): BrokenLink | undefined {
    const revision = Number(event.revision);
    const at = (reason: BreakReason, rev: number, expected?: string, actual?: string): BrokenLink =>
      ({ streamId: event.streamId, revision: rev, reason, expected, actual, position: Number(event.position), eventId: event.id });
    const m = event.metadata as unknown as Partial<EventMetadata> | null;
    if (!m || typeof m.hash !== 'string' || typeof m.prevHash !== 'string') return at('hash-mismatch', revision, 'a hash', 'none');
    const { hash, ...unsigned } = m;
    const recomputed = chainHash(m.prevHash, event.type, event.data, unsigned);
    if (recomputed !== hash) return at('hash-mismatch', revision, recomputed, hash);
    const linked = m.prevHash === link.hash;
    if (revision === link.next) return linked ? undefined : at('prev-hash-mismatch', revision, link.hash, m.prevHash);
    // A later revision that does not link: the ones between were deleted.
    if (revision > link.next && !linked) return at('revision-gap', link.next, String(link.next), String(revision));
    // It links but carries another revision: the revisions were rewritten to reorder the stream,
    // so read by revision the stream breaks here, where this event should have been.
    return at('prev-hash-mismatch', link.next, `revision ${link.next}`, `revision ${revision}`);
  }
}
