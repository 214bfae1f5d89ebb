import { Pool, PoolClient } from 'pg';
import { StreamWrite, WrongExpectedRevision } from '../event-store';
import { UnitOutcome } from '../group-commit';
import { enterSection, insertRows, leaveSection, rowKey } from './append-section';
import { planWrites, StoredEvent } from './plan-writes';

export interface AppendContext {
  pool: Pool;
  schema: string;
  notify: boolean;
  now: () => Date;
}

/**
 * Concurrency is optimistic: the revisions read here are checked in planWrites, and
 * UNIQUE(stream_id, revision) / UNIQUE(id) catch a writer that slipped in between; the caller
 * retries on that unique violation, and the fresh reads then yield either WrongExpectedRevision
 * with the actual revision or the first result of an idempotent repeat.
 *
 * A group of commands' writes in one transaction (group-commit.ts): one round trip for each step
 * of the transaction whatever the number of commands, one INSERT from arrays for all their rows.
 * Each unit is planned on what the units before it in the group will have written; a unit that is
 * refused (a stale revision, an id twice) leaves the others. A unique violation (a writer in
 * another process slipped in) fails the whole attempt, and the caller retries it with fresh reads.
 */
export const appendGroupOnce = async (ctx: AppendContext, units: StreamWrite[][]): Promise<UnitOutcome[]> => {
  const client = await ctx.pool.connect();
  let inSection = false;
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const all = units.flat();
    const stored = await storedEvents(client, ctx.schema, all);
    let current = await currentRevisions(client, ctx.schema, all);
    const planned = units.map((unit) => {
      try {
        const plan = planWrites(unit, stored, current);
        current = plan.revisions as Map<string, bigint>;
        return plan;
      } catch (error) {
        if ((error as { code?: string }).code !== undefined && !(error instanceof WrongExpectedRevision)) throw error;
        return { error: error as Error };
      }
    });
    const rows = planned.flatMap((p) => ('error' in p ? [] : p.rows));
    let positions = new Map<string, bigint>();
    if (rows.length > 0) {
      inSection = true;
      await enterSection(client, ctx.schema);
      positions = await insertRows(client, ctx.schema, rows, ctx.now());
      await leaveSection(client, ctx.schema, ctx.notify);
      inSection = false;
    }
    const needsHead = planned.some((p) => !('error' in p) && p.plans.some((w) => w.kind === 'append' && !w.appends));
    const head = needsHead ? await headPosition(client, ctx.schema) : 0n;
    await client.query('COMMIT');
    return planned.map((p): UnitOutcome =>
      'error' in p
        ? p
        : {
            results: p.plans.map((w) =>
              w.kind === 'repeat'
                ? w.result
                : {
                    nextExpectedRevision: w.lastRevision,
                    position: w.appends ? positions.get(rowKey(w.streamId, w.lastRevision))! : head,
                  },
            ),
          },
    );
  } catch (error) {
    broken = await cleanUp(client, ctx.schema, inSection);
    throw error;
  } finally {
    client.release(broken);
  }
};

/** Returns an error when the connection cannot be trusted (it may still hold the section lock). */
const cleanUp = async (client: PoolClient, schema: string, inSection: boolean): Promise<Error | undefined> => {
  try {
    await client.query('ROLLBACK');
    if (inSection) await leaveSection(client, schema, false);
    return undefined;
  } catch (error) {
    return error as Error;
  }
};

const storedEvents = async (client: PoolClient, schema: string, writes: StreamWrite[]) => {
  const ids = writes.flatMap((w) => w.events.map((e) => e.id));
  if (ids.length === 0) return new Map<string, StoredEvent>();
  const { rows } = await client.query<{ id: string; stream_id: string; revision: string; position: string }>(
    `SELECT id, stream_id, revision, position FROM "${schema}".events WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((r): [string, StoredEvent] => [
      r.id,
      { streamId: r.stream_id, revision: BigInt(r.revision), position: BigInt(r.position) },
    ]),
  );
};

const currentRevisions = async (client: PoolClient, schema: string, writes: StreamWrite[]) => {
  const { rows } = await client.query<{ stream_id: string; revision: string }>(
    `SELECT stream_id, max(revision) AS revision FROM "${schema}".events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
    [[...new Set(writes.map((w) => w.streamId))]],
  );
  return new Map(rows.map((r): [string, bigint] => [r.stream_id, BigInt(r.revision)]));
};

const headPosition = async (client: PoolClient, schema: string): Promise<bigint> => {
  const { rows } = await client.query<{ head: string | null }>(`SELECT max(position) AS head FROM "${schema}".events`);
  return BigInt(rows[0].head ?? 0);
};

export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';
