import { RecordedEvent } from '@thads/event-store';
import { CommandContext, metadataOf } from '../envelope';
import { IdempotencyKeyReused } from '../errors';
import { eventIdFor } from '../ids';

/**
 * The first event a request with this Idempotency-Key appended to `stream`, if any. The key must
 * come back with the same request: the event keeps the request's fingerprint (stream-kind.ts
 * `fingerprinted`), and another body under the same key is 422 `idempotency.key-reused`, never an
 * answer that describes what was not stored. Events from before fingerprints were kept carry none.
 */
export const firstOfKey = (
  stream: string,
  recorded: ReadonlyArray<RecordedEvent>,
  context: CommandContext,
): RecordedEvent | undefined => {
  if (!context.idempotencyKey) return undefined;
  const firstId = eventIdFor(stream, context.idempotencyKey, 0);
  const first = recorded.find((e) => e.id === firstId);
  if (!first) return undefined;
  const stored = metadataOf(first).requestHash;
  if (stored !== undefined && stored !== context.requestHash)
    throw new IdempotencyKeyReused(context.idempotencyKey, `${first.type} with another request body`);
  return first;
};
