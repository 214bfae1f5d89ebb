import { JsonValue, RecordedEvent } from '../event-store';

/**
 * `$all` readers see only rows written by transactions older than every transaction still running
 * (Emmett's PostgreSQL consumers do the same). Positions come from a
 * sequence before commit, so position 11 can commit while position 10 is still in flight; a
 * reader that checkpointed 11 would never see 10. Every xid below pg_snapshot_xmin has finished,
 * so no row can still appear below the line. The sub-select makes it one value per statement.
 *
 * This is only sufficient because the writer draws its xid and all its positions in one critical
 * section (see append-section.ts): then xid order equals position order, and "below xmin" is a
 * gap-free prefix of positions.
 */
export const SETTLED = 'transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))';

export const COLUMNS = 'position, id, stream_id, revision, type, data, metadata';

/** int8 arrives as a string from `pg` (it may exceed 2^53); jsonb arrives parsed. */
export interface EventRow {
  position: string;
  id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: JsonValue;
  metadata: JsonValue;
}

export const toRecorded = (r: EventRow): RecordedEvent => ({
  id: r.id,
  type: r.type,
  streamId: r.stream_id,
  revision: BigInt(r.revision),
  position: BigInt(r.position),
  data: r.data,
  metadata: r.metadata,
});

export const MAX_BIGINT = 9223372036854775807n;
