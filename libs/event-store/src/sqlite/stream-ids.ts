/**
 * What one SQLite connection knows of the ids in recently used streams: a short hash of each
 * event id, by revision from 0. Events are never removed, so what is known stays true; events
 * appended since by another connection are read on demand (from the first revision not known).
 * It lets the repeated-id check of an append (sqlite-event-store.ts) run in memory for a stream
 * this connection wrote a moment ago, as an import does for every line of a case after its first,
 * instead of reading the stream's rows: those lie scattered over the file, a page each.
 *
 * Two generations of at most `limit` streams each: when the young one is full it becomes the old
 * one and the old one is dropped. A hash names an id only probably: a match is confirmed on the
 * row; no match is certain.
 */
export class StreamIds {
  private young = new Map<string, number[]>();
  private old = new Map<string, number[]>();

  constructor(private readonly limit = 50_000) {}

  get(streamId: string): number[] | undefined {
    return this.young.get(streamId) ?? this.old.get(streamId);
  }

  set(streamId: string, hashes: number[]): void {
    this.old.delete(streamId);
    this.young.set(streamId, hashes);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}

/** FNV-1a over the id's characters: 32 bits, enough to spare nearly every confirming read. */
export const idHash = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
};
