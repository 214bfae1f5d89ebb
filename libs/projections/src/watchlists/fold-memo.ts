import { KnownCase } from '@thads/domain';

/** Cases remembered at most: beyond, the memo starts afresh (the projector's case folds hold as many). */
const LIMIT = 20_000;

/**
 * What was worked out from a case's fold, for its latest fold and the one before: the projector
 * hands an event's `after` to the case's next event as its `before`, so a read model asks of both
 * at every event. A map by case id, checked against the fold itself (an object the projector
 * keeps), costs a rebuild far less than a WeakMap keyed by every fold.
 */
export class FoldMemo<T> {
  private entries = new Map<string, { state: KnownCase; value: T; prev?: { state: KnownCase; value: T } }>();

  get(c: KnownCase): T | undefined {
    const e = this.entries.get(c.caseId);
    return e?.state === c ? e.value : e?.prev?.state === c ? e.prev.value : undefined;
  }

  set(c: KnownCase, value: T): T {
    if (this.entries.size >= LIMIT) this.entries = new Map();
    const e = this.entries.get(c.caseId);
    const prev = e && e.state !== c ? { state: e.state, value: e.value } : e?.prev;
    this.entries.set(c.caseId, { state: c, value, prev });
    return value;
  }
}
