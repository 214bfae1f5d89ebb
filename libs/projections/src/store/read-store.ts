/** A value bound to a statement or read from a row; integers may come back as number, bigint or string. */
export type SqlValue = string | number | bigint | null;

export type Dialect = 'sqlite' | 'postgres';

/** Column types that differ between the two stores; DDL is written once with these. */
export interface DdlTypes {
  /** 64-bit integer: positions, counts, money in đồng. */
  int64: string;
  /** Table options for tables read by primary-key ranges (clustered in SQLite). */
  clustered: string;
  /** Text compared byte by byte, so ORDER BY gives the same order in both stores whatever the locale. */
  ordered: string;
}

export const ddlTypes = (dialect: Dialect): DdlTypes =>
  dialect === 'sqlite'
    ? { int64: 'INTEGER', clustered: 'WITHOUT ROWID', ordered: 'TEXT' }
    : { int64: 'BIGINT', clustered: '', ordered: 'TEXT COLLATE "C"' };

/** A table's rows written at the end of a batch; see RowWrites. */
export interface TableWrites {
  table: string;
  columns: ReadonlyArray<string>;
  /** Conflict target; absent for plain inserts. */
  key?: ReadonlyArray<string>;
  /** Columns added to the stored row on conflict instead of replacing it. */
  add?: ReadonlyArray<string>;
  rows: SqlValue[][];
}

/**
 * Where the read models live: a SQLite file (embedded) or PostgreSQL (production). Statements
 * use `?` placeholders and SQL both accept; the projector's writes come as whole tables of rows
 * so each store can send them its fastest way, in one transaction with the checkpoints.
 */
export interface ReadStore {
  readonly dialect: Dialect;
  /** Where, for logs (no password). */
  readonly location: string;
  all<T = Record<string, SqlValue>>(sql: string, params?: ReadonlyArray<SqlValue>): Promise<T[]>;
  /** Runs one statement; resolves to the number of rows it changed. */
  run(sql: string, params?: ReadonlyArray<SqlValue>): Promise<number>;
  /** Runs DDL: several statements separated by `;`. */
  exec(sql: string): Promise<void>;
  /** Writes the tables in order, in one transaction. */
  write(tables: ReadonlyArray<TableWrites>): Promise<void>;
  /**
   * Around a replay into read models marked unfinished (a crash then rebuilds them from zero
   * anyway): commits need not reach the disk, and the store may hold back rows and indexes of
   * the `filling` tables until the end (`on` false).
   */
  bulkLoad?(on: boolean, filling?: ReadonlyArray<string>): Promise<void>;
  /**
   * In a bulk load: copies in the rows replay workers wrote to SQLite files of their own
   * (ReplayShards), in the order given (that of their ranges of case streams), and deletes the files.
   */
  absorb?(shards: ReadonlyArray<string>): Promise<void>;
  close(): Promise<void>;
}

/** Reads an integer column whatever form the store returned it in. */
export const int = (value: SqlValue | undefined): number => (value === null || value === undefined ? 0 : Number(value));
export const big = (value: SqlValue | undefined): bigint =>
  value === null || value === undefined ? 0n : BigInt(value);

/** The upsert both stores accept: replace on conflict, or add for the `add` columns. */
export const upsertClause = (t: TableWrites): string => {
  if (!t.key) return '';
  const rest = t.columns.filter((c) => !t.key!.includes(c));
  if (rest.length === 0) return ` ON CONFLICT (${t.key.join(', ')}) DO NOTHING`;
  const sets = rest.map((c) =>
    t.add?.includes(c) ? `${c} = ${t.table}.${c} + excluded.${c}` : `${c} = excluded.${c}`,
  );
  return ` ON CONFLICT (${t.key.join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
};
