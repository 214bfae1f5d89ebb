import { EventStore, LedgerEvent, RecordedEvent } from '@thads/event-store';
import { contentHashOf, LedgerEntry } from './anchor-leaf';

/** Positions [from, to) with their storage times; on a store without readLedger, readAll and no storage time. */
export async function* readLedger(store: EventStore, from: bigint, to: bigint): AsyncIterable<LedgerEvent> {
  if (store.readLedger) {
    yield* store.readLedger(from, to);
    return;
  }
  for await (const e of store.readAll({ fromPosition: from })) {
    if (e.position >= to) return;
    yield { ...e, storedAt: '' };
  }
}

export const entryOf = (e: RecordedEvent, storedAt: string): LedgerEntry => ({
  position: Number(e.position),
  streamId: e.streamId,
  revision: Number(e.revision),
  id: e.id,
  storedAt,
  content: contentHashOf(e.type, e.data, e.metadata),
});
