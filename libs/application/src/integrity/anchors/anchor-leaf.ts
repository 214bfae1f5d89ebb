import { chainHash } from '../../hash-chain';

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
  const m =
    metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)
      ? { ...(metadata as Record<string, unknown>) }
      : {};
  const prevHash = typeof m.prevHash === 'string' ? m.prevHash : '';
  delete m.hash;
  return chainHash(prevHash, type, data, m);
};

/**
 * The line an event adds to its block's digest: every field at once. Each string carries its
 * length before it, so no stream id, event id or time edited to hold a comma, a digit or a
 * newline can make two different events give the same text, and nothing needs escaping (quoting
 * with JSON.stringify cost a third of the anchors' share of `thads verify --all`). Lines, not a
 * hash each: a block's digest is SHA-256 over its lines, about 170 bytes more hashed an event.
 */
export const leafText = (e: LedgerEntry): string =>
  lineOf(e.position, e.streamId, e.revision, e.id, e.storedAt, e.content);

/** leafText from the fields, for `thads verify --all`'s inner loop (no object an event). */
export const lineOf = (
  position: number,
  streamId: string,
  revision: number,
  id: string,
  storedAt: string,
  content: string,
): string =>
  `${position},${revision},${streamId.length}:${streamId}${id.length}:${id}${storedAt.length}:${storedAt}${content}\n`;

/** The three partial lines an anchor also keeps per block, to name what changed in a block that no longer matches. */
export const partialTextsOf = (e: LedgerEntry): [content: string, id: string, time: string] => [
  `${e.position},${e.revision},${e.streamId.length}:${e.streamId}${e.content}\n`,
  `${e.position},${e.id.length}:${e.id}\n`,
  `${e.position},${e.storedAt.length}:${e.storedAt}\n`,
];
