import { PoolClient } from 'pg';
import { NewRow } from './plan-writes';

/**
 * A short, store-wide critical section around the one INSERT of an append transaction: a
 * session-level advisory lock, released before COMMIT so commits still overlap (group commit).
 *
 * Why: the xmin filter in settled.ts alone does not stop a projector from skipping. Concurrent
 * multi-row inserts interleave their sequence values, so a transaction with a LOWER xid can hold
 * positions 10 and 12 while one with a higher xid holds 11; if the first commits first, 12 is
 * below xmin and gets checkpointed while 11 is still in flight, and 11 is never read (it happened
 * under concurrent writers: README, Measurements behind the design). Taking the xid and every position of a
 * transaction inside one section makes xid order equal position order, so "transaction_id < xmin"
 * is a gap-free prefix of positions.
 */
export const enterSection = async (client: PoolClient, schema: string): Promise<void> => {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [sectionKey(schema)]);
  // Take the xid now, inside the section, rather than leave it to the INSERT's first heap write.
  await client.query('SELECT pg_current_xact_id()');
};

/**
 * A session lock survives ROLLBACK, so the caller leaves on every path (after ROLLBACK if the
 * transaction failed). NOTIFY is queued in the transaction and delivered only on COMMIT.
 */
export const leaveSection = async (client: PoolClient, schema: string, notify: boolean): Promise<void> => {
  if (notify)
    await client.query("SELECT pg_advisory_unlock(hashtext($1)), pg_notify($2, '')", [
      sectionKey(schema),
      notifyChannel(schema),
    ]);
  else await client.query('SELECT pg_advisory_unlock(hashtext($1))', [sectionKey(schema)]);
};

/** One statement for the whole batch, so all of a transaction's positions come from one section. */
export const insertRows = async (
  client: PoolClient,
  schema: string,
  rows: NewRow[],
  storedAt: Date,
): Promise<Map<string, bigint>> => {
  const { rows: inserted } = await client.query<{ position: string; stream_id: string; revision: string }>(
    `INSERT INTO "${schema}".events (id, stream_id, revision, type, data, metadata, stored_at)
     SELECT r.id, r.stream_id, r.revision, r.type, r.data::jsonb, r.metadata::jsonb, $7
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
          WITH ORDINALITY AS r(id, stream_id, revision, type, data, metadata, ord)
     ORDER BY r.ord
     RETURNING position, stream_id, revision`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.streamId),
      rows.map((r) => r.revision.toString()),
      rows.map((r) => r.type),
      rows.map((r) => r.data),
      rows.map((r) => r.metadata),
      storedAt,
    ],
  );
  return new Map(inserted.map((r) => [rowKey(r.stream_id, BigInt(r.revision)), BigInt(r.position)]));
};

export const rowKey = (streamId: string, revision: bigint) => `${revision}:${streamId}`;
export const notifyChannel = (schema: string) => `${schema}_events`;
const sectionKey = (schema: string) => `thads.event-store.append:${schema}`;
