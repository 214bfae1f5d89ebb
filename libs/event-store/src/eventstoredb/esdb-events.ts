import { AllStreamResolvedEvent, jsonEvent, JSONType, ResolvedEvent } from '@eventstore/db-client';
import { EventData, JsonValue, RecordedEvent } from '../event-store';
import { PreparePositions } from './prepare-positions';

/** Servers before 22.6 give no position, or 2^64 - 1, on a *stream* read; $all reads always have it. */
const UNKNOWN_POSITION = -1n;
const NO_POSITION = 0xffffffffffffffffn;

/**
 * Metadata goes as raw JSON bytes, not as a value: the client drops falsy metadata (`null`, `0`,
 * `''`) and types it as object/array/string, while ours is any JSON value and must read back equal.
 */
export const toEsdbEvent = (event: EventData) =>
  jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: new Uint8Array(Buffer.from(JSON.stringify(event.metadata), 'utf8')),
  });

/** The commit position of a read result, remembering its prepare position when they differ. */
export const commitOf = (resolved: ResolvedEvent | AllStreamResolvedEvent, positions: PreparePositions): bigint => {
  const position = resolved.event?.position;
  if (position && position.commit !== NO_POSITION) return positions.remember(position);
  const commit = resolved.commitPosition;
  return commit === undefined || commit === NO_POSITION ? UNKNOWN_POSITION : commit;
};

/** A `$` type is the server's own bookkeeping (stats, users, stream metadata, links): never ours. */
export const isSystem = (resolved: ResolvedEvent | AllStreamResolvedEvent): boolean =>
  !resolved.event || resolved.event.type.startsWith('$');

const jsonOf = (value: unknown): JsonValue => {
  if (value === undefined) return null; // no metadata bytes at all: written by another tool
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8'); // not JSON: keep the text
  return value as JsonValue;
};

export const toRecorded = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  positions: PreparePositions,
): RecordedEvent => {
  const event = resolved.event!;
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: commitOf(resolved, positions),
    data: jsonOf(event.data),
    metadata: jsonOf(event.metadata),
  };
};
