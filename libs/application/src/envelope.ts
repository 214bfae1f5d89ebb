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
}

export const envelope = (event: { type: string; data: object; on: LocalDate }, id: string, context: CommandContext, prevHash: string): EventData => {
  const unsigned = withoutUndefined({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    on: event.on,
    recordedAt: context.recordedAt.toISOString(),
    actor: { id: context.actor.id, role: context.actor.role, unitId: context.actor.unitId },
    commandId: context.commandId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    idempotencyKey: context.idempotencyKey,
    prevHash,
  }) as Omit<EventMetadata, 'hash'>;
  const data = withoutUndefined(event.data);
  const metadata: EventMetadata = { ...unsigned, hash: chainHash(prevHash, event.type, data, unsigned) };
  return { id, type: event.type, data: data as JsonValue, metadata: metadata as unknown as JsonValue };
};

/** What JSON would drop anyway, dropped now, so the stored and the hashed value are the same. */
const withoutUndefined = (value: object): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? withoutUndefined(v) : v;
  }
  return out;
};

export const metadataOf = (recorded: RecordedEvent): EventMetadata => recorded.metadata as unknown as EventMetadata;

/** The domain event inside a stored one: the business date comes out of the metadata. */
export const domainEventOf = (recorded: RecordedEvent): CaseEvent =>
  ({ type: recorded.type, data: recorded.data, on: metadataOf(recorded).on, id: recorded.id }) as CaseEvent;
