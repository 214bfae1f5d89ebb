import { chainHash, sha256Hex } from '../../hash-chain';

/**
 * What the anchors cover of one stored event: where it is (position, stream, revision), what it
 * is (its id, its content hash) and when the store wrote it. Position and storage time are the
 * store's, not the writer's, so no per-event hash can cover them: the anchors do.
 */
export interface LedgerEntry {
  position: number;
  streamId: string;
  revision: number;
  id: string;
  /** '' on a store that keeps none (EventStoreDB through readAll). */
  storedAt: string;
  /** contentHashOf the event: recomputed from what is stored, never read from its metadata. */
  content: string;
}

/**
 * The hash of an event's content as hash-chain.ts signs it: type, data, metadata without its
 * `hash`, and the `prevHash` in it. Recomputed, so an edit of the data shows here even when the
 * stored `hash` was left alone; for a valid event it equals the stored `hash`, which lets
 * `thads verify` reuse the hash it computes anyway (chain-verifier.ts) instead of a second one.
 */
export const contentHashOf = (type: string, data: unknown, metadata: unknown): string => {
  const m = metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata) ? { ...(metadata as Record<string, unknown>) } : {};
  const prevHash = typeof m.prevHash === 'string' ? m.prevHash : '';
  delete m.hash;
  return chainHash(prevHash, type, data, m);
};

// JSON arrays, not joined text: a stream id or an event id edited to hold the separator cannot
// make two different events give the same input.
/** The leaf the anchor's digest is made of: every field at once. */
export const leafOf = (e: LedgerEntry): string => sha256Hex(JSON.stringify([e.position, e.streamId, e.revision, e.id, e.storedAt, e.content]));

/** The three partial leaves an anchor also keeps per block, to name what changed in a block that no longer matches. */
export const partialLeavesOf = (e: LedgerEntry): [content: string, id: string, time: string] => [
  sha256Hex(JSON.stringify([e.position, e.streamId, e.revision, e.content])),
  sha256Hex(JSON.stringify([e.position, e.id])),
  sha256Hex(JSON.stringify([e.position, e.storedAt])),
];
