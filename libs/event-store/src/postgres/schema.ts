import { Pool } from 'pg';

/**
 * Identifiers cannot be bound as parameters, so the schema name goes into SQL text and only plain
 * lower-case names are accepted. 48 characters leave room for the NOTIFY channel `<schema>_events`
 * within PostgreSQL's 63-byte identifier limit.
 */
export const checkSchemaName = (schema: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,47}$/.test(schema))
    throw new Error(`invalid PostgreSQL schema name for the event store: ${JSON.stringify(schema)}`);
  return schema;
};

export interface Migration {
  version: number;
  name: string;
  sql: (schema: string) => string;
}

/** Append-only list: never edit an applied migration, add the next version instead. */
export const EVENT_STORE_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'events',
    // transaction_id is the writer's top-level xid; readers of $all compare it with the oldest
    // running xid (see settled.ts). GENERATED ALWAYS: nothing but the sequence assigns positions.
    sql: (s) => `
      CREATE TABLE "${s}".events (
        position       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id             text        NOT NULL UNIQUE,
        stream_id      text        NOT NULL,
        revision       bigint      NOT NULL CHECK (revision >= 0),
        type           text        NOT NULL,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        stored_at      timestamptz NOT NULL,
        transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
        UNIQUE (stream_id, revision)
      )`,
  },
];

/**
 * Applies the missing migrations in one transaction. The advisory lock serialises processes that
 * start together (API replicas, the projector): `CREATE SCHEMA IF NOT EXISTS` is not safe against
 * a concurrent twin and would fail one of them with a unique violation.
 */
export const migrate = async (pool: Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`thads.event-store.migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".event_store_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM "${schema}".event_store_migrations`,
    );
    for (const m of EVENT_STORE_MIGRATIONS.filter((x) => x.version > (rows[0].v ?? 0))) {
      await client.query(m.sql(schema));
      await client.query(`INSERT INTO "${schema}".event_store_migrations (version, name) VALUES ($1, $2)`, [
        m.version,
        m.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
