import { Actor, CaseEvent, CURRENT_SCHEMA_VERSION, EventMetadata, LocalDate } from '@thads/domain';

export type { Actor, EventMetadata, Role } from '@thads/domain';
import { EventData, JsonValue, RecordedEvent } from '@thads/event-store';
import { chainHash } from './hash-chain';

/** Everything about a command that is not the command itself: who, when, and how it relates to others. */
export interface CommandContext {
  actor: Actor;
  /** The instant the API stamped; `today` for the domain is its local date in Asia/Ho_Chi_Minh. */
  recordedAt: Date;
  commandId: string;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** The fingerprint of the request an idempotency key came with (request-hash.ts). */
  requestHash?: string;
}

export const envelope = (
  event: { type: string; data: object; on: LocalDate },
  id: string,
  context: CommandContext,
  prevHash: string,
): EventData => {
  const unsigned = sortedMetadata(event.on, context, prevHash);
  const data = sortedWithoutUndefined(event.data);
  const metadata = sortedMetadata(event.on, context, prevHash, chainHash(prevHash, event.type, data, unsigned));
  return { id, type: event.type, data: data as JsonValue, metadata: metadata as unknown as JsonValue };
};

/**
 * The metadata written with its keys in sorted order (see sortedWithoutUndefined), `hash` in its
 * place between correlationId and idempotencyKey; absent fields are left out, not undefined.
 * Written out rather than sorted: it is built twice for every event appended.
 */
const sortedMetadata = (on: LocalDate, context: CommandContext, prevHash: string, hash?: string): EventMetadata => {
  const m: Record<string, unknown> = {
    actor: { id: context.actor.id, role: context.actor.role, unitId: context.actor.unitId },
  };
  if (context.causationId !== undefined) m.causationId = context.causationId;
  m.commandId = context.commandId;
  m.correlationId = context.correlationId;
  if (hash !== undefined) m.hash = hash;
  if (context.idempotencyKey !== undefined) m.idempotencyKey = context.idempotencyKey;
  m.on = on;
  m.prevHash = prevHash;
  m.recordedAt = context.recordedAt.toISOString();
  if (context.requestHash !== undefined) m.requestHash = context.requestHash;
  m.schemaVersion = CURRENT_SCHEMA_VERSION;
  return m as unknown as EventMetadata;
};

/**
 * The value as JSON stores it: `undefined` dropped now, so the stored and the hashed value are the
 * same; and keys inserted in sorted order at every depth, so the store's JSON.stringify writes
 * canonical text (canonical-json.ts), which `thads verify` hashes without parsing it
 * (integrity/stored-hash.ts). The order changes no hash: canonicalJson sorts keys anyway. (An
 * integer-like key such as "10" cannot be placed: JavaScript lists those first. Its event is then
 * verified by parsing, only slower; no event data has such keys.)
 */
const sortedWithoutUndefined = (value: object): Record<string, unknown> => {
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? sortedWithoutUndefined(v) : v;
  }
  return out;
};

export const metadataOf = (recorded: RecordedEvent): EventMetadata => recorded.metadata as unknown as EventMetadata;

/** The domain event inside a stored one: the business date comes out of the metadata. */
export const domainEventOf = (recorded: RecordedEvent): CaseEvent =>
  ({ type: recorded.type, data: recorded.data, on: metadataOf(recorded).on, id: recorded.id }) as CaseEvent;
