import Database from 'better-sqlite3';
import { SqlValue, TableWrites, upsertClause } from './read-store';

/** A table or column name as SQL quotes it. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns of a table's primary key, in key order (`schema`: main, or an attached database). */
export const primaryKey = (db: Database.Database, table: string, schema = 'main'): string[] =>
  db
    .prepare(`SELECT name FROM ${quoted(schema)}.pragma_table_info(?) WHERE pk > 0 ORDER BY pk`)
    .pluck()
    .all(table) as string[];

/** Statements prepared once and kept, by their text. */
export const statementCache = (db: Database.Database): ((sql: string) => Database.Statement) => {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
};

const ROWS_A_STATEMENT = 50;

const insertSql = (t: TableWrites, rows: number): string => {
  const values = `(${t.columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => values).join(', ')}${upsertClause(t)}`;
};

/**
 * Inserts a table's rows (an upsert when it has a key), many rows a statement: a call into SQLite
 * costs more than the row it writes. Their values go into one array filled in place, rather than
 * rows sliced and flattened for each statement (README, Measurements behind the design).
 * `prepare` caches the statements.
 */
export const insertRows = (prepare: (sql: string) => Database.Statement, t: TableWrites): void => {
  let i = 0;
  if (t.rows.length >= ROWS_A_STATEMENT) {
    const many = prepare(insertSql(t, ROWS_A_STATEMENT));
    const width = t.columns.length;
    const params: SqlValue[] = new Array(ROWS_A_STATEMENT * width);
    for (; i + ROWS_A_STATEMENT <= t.rows.length; i += ROWS_A_STATEMENT) {
      for (let r = 0; r < ROWS_A_STATEMENT; r++) {
        const row = t.rows[i + r];
        for (let c = 0; c < width; c++) params[r * width + c] = row[c];
      }
      many.run(params);
    }
  }
  if (i < t.rows.length) {
    const one = prepare(insertSql(t, 1));
    for (; i < t.rows.length; i++) one.run(t.rows[i]);
  }
};
