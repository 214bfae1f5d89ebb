import {
  AppendResult,
  CurrentRevision,
  NO_STREAM,
  satisfies,
  StreamWrite,
  WrongExpectedRevision,
} from '../event-store';

export interface StoredEvent {
  streamId: string;
  revision: bigint;
  position: bigint;
}

export interface NewRow {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
}

/** Per write: either the stored result of an earlier identical append, or the revision its rows end at. */
export type PlannedWrite =
  | { kind: 'repeat'; result: AppendResult }
  | { kind: 'append'; streamId: string; lastRevision: bigint; appends: boolean };

/**
 * Decides a batch against what the transaction read: the events already stored under the batch's
 * ids, and each stream's current revision. Pure, so the rules match the SQLite adapter's and are
 * re-applied unchanged when a unique violation makes the store retry with fresh reads.
 */
export const planWrites = (writes: StreamWrite[], stored: Map<string, StoredEvent>, current: Map<string, bigint>) => {
  const ids = writes.flatMap((w) => w.events.map((e) => e.id));
  if (new Set(ids).size !== ids.length) throw new Error('the same event id appears twice in one append');
  const revisions = new Map(current); // a batch may touch one stream twice
  const rows: NewRow[] = [];
  const plans = writes.map(({ streamId, events, expected }): PlannedWrite => {
    const actual: CurrentRevision = revisions.get(streamId) ?? NO_STREAM;
    if (events.some((e) => stored.has(e.id))) {
      // The same ids again: a retried request, whatever revision it expects. Only a full repeat
      // in the same stream is one.
      const earlier = events.map((e) => stored.get(e.id));
      if (earlier.some((s) => !s || s.streamId !== streamId))
        throw new WrongExpectedRevision(streamId, expected, actual);
      const last = earlier[earlier.length - 1]!;
      return {
        kind: 'repeat',
        result: { nextExpectedRevision: last.revision, position: last.position, alreadyStored: true },
      };
    }
    if (!satisfies(expected, actual)) throw new WrongExpectedRevision(streamId, expected, actual);
    let revision = actual === NO_STREAM ? -1n : actual;
    for (const e of events) {
      revision += 1n;
      rows.push({
        id: e.id,
        streamId,
        revision,
        type: e.type,
        data: JSON.stringify(e.data),
        metadata: JSON.stringify(e.metadata),
      });
    }
    if (events.length > 0) revisions.set(streamId, revision);
    return { kind: 'append', streamId, lastRevision: revision, appends: events.length > 0 };
  });
  return { plans, rows, revisions };
};
