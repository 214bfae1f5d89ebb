import { Actor, CaseEvent, CURRENT_SCHEMA_VERSION, EventMetadata, LocalDate } from '@thads/domain';

export type { Actor, EventMetadata, Role } from '@thads/domain';
import { EventData, RecordedEvent } from '@thads/event-store';
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
  const unsigned = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    on: event.on,
    recordedAt: context.recordedAt.toISOString(),
    actor: context.actor,
    commandId: context.commandId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    idempotencyKey: context.idempotencyKey,
    prevHash,
  };
  const data = JSON.parse(JSON.stringify(event.data));
  const metadata: EventMetadata = { ...unsigned, hash: chainHash(prevHash, event.type, data, unsigned) };
  return { id, type: event.type, data, metadata: JSON.parse(JSON.stringify(metadata)) };
};

export const metadataOf = (recorded: RecordedEvent): EventMetadata => recorded.metadata as unknown as EventMetadata;

/** The domain event inside a stored one: the business date comes out of the metadata. */
export const domainEventOf = (recorded: RecordedEvent): CaseEvent =>
  ({ type: recorded.type, data: recorded.data, on: metadataOf(recorded).on }) as CaseEvent;
