import { Pool, PoolClient } from 'pg';
import { ReadStore, SqlValue, TableWrites, upsertClause } from './read-store';

/** PostgreSQL binds at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** `?` placeholders (outside quotes) to PostgreSQL's `$1, $2, …`. */
export const numberPlaceholders = (sql: string): string => {
  let n = 0;
  let quote: string | undefined;
  let out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
      continue;
    }
    out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
};

/**
 * The read models in PostgreSQL, in their own schema (default `thads_read`, or `?schema=` in the
 * URL), so API replicas and the projector share them. A batch's tables go as multi-row upserts
 * inside one transaction with the checkpoints.
 */
export class PostgresReadStore implements ReadStore {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  readonly schema: string;
  private readonly pool: Pool;
  private ready?: Promise<void>;

  constructor(url: string) {
    const parsed = new URL(url);
    this.schema = parsed.searchParams.get('schema') ?? 'thads_read';
    if (!/^[a-z_][a-z0-9_]{0,47}$/.test(this.schema))
      throw new Error(`invalid PostgreSQL schema name for the read store: ${JSON.stringify(this.schema)}`);
    parsed.searchParams.delete('schema');
    this.location = `${parsed.toString().replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@')} schema ${this.schema}`;
    this.pool = new Pool({ connectionString: parsed.toString(), options: `-c search_path=${this.schema}`, max: 8 });
    // An idle pooled connection that dies emits 'error'; unhandled, it would crash the process.
    this.pool.on('error', () => undefined);
  }

  async all<T>(sql: string, params: ReadonlyArray<SqlValue> = []): Promise<T[]> {
    await this.open();
    return (await this.pool.query(numberPlaceholders(sql), params as unknown[])).rows as T[];
  }

  async run(sql: string, params: ReadonlyArray<SqlValue> = []): Promise<number> {
    await this.open();
    return (await this.pool.query(numberPlaceholders(sql), params as unknown[])).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.open();
    await this.pool.query(sql);
  }

  async write(tables: ReadonlyArray<TableWrites>): Promise<void> {
    await this.open();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const t of tables) await writeTable(client, t);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private open(): Promise<void> {
    this.ready ??= this.pool
      .query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`)
      .then(() => undefined)
      .catch((error) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }
}

const writeTable = async (client: PoolClient, t: TableWrites): Promise<void> => {
  const width = t.columns.length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
  for (let start = 0; start < t.rows.length; start += perStatement) {
    const rows = t.rows.slice(start, start + perStatement);
    const values = rows.map((_, r) => `(${t.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
    await client.query(
      `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${values}${upsertClause(t)}`,
      rows.flat() as unknown[],
    );
  }
};
