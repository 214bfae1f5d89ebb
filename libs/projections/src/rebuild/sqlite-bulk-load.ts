import Database from 'better-sqlite3';
import { primaryKey, quoted } from '../store/sqlite-inserts';

const STAGED = '__bulk';
/**
 * Helper threads SQLite's sorter may use for the copies at the end, when the replay's own threads
 * are done and their cores idle (README, Measurements behind the design).
 */
export const SORTER_THREADS = 2;

/**
 * How a replay fills empty tables fast. A row goes into a B-tree where its key sorts, and the
 * ledger's moves come case after case, not in their key's order (unit, day, …): each lands on a
 * different page of a table larger than the cache, more than twice the cost of a row appended
 * (README, Measurements behind the design). So plain inserts into an empty clustered table are appended
 * to a heap (a TEMP table, gone with the connection if the process dies) and copied in at the
 * end in key order, sorted by SQLite itself within its cache; and the secondary indexes of empty
 * tables are dropped and built once at the end from the filled table, as bulk loaders do.
 */
export class SqliteBulkLoad {
  /** Empty clustered tables at the start, and the heap each one's inserts went to. */
  private readonly heaps = new Map<string, string | undefined>();
  /** The CREATE INDEX statements of the indexes dropped. */
  private readonly indexes: string[] = [];

  /** `filling`: the tables the replay fills; those of them still empty are loaded this way. */
  constructor(
    private readonly db: Database.Database,
    filling: ReadonlyArray<string>,
  ) {
    const tables = (
      db.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'table'`).all() as {
        name: string;
        sql: string;
      }[]
    ).filter((t) => filling.includes(t.name));
    const empty = new Set(
      tables
        .filter((t) => db.prepare(`SELECT 1 FROM main.${quoted(t.name)} LIMIT 1`).get() === undefined)
        .map((t) => t.name),
    );
    for (const t of tables) if (empty.has(t.name) && /WITHOUT\s+ROWID/i.test(t.sql)) this.heaps.set(t.name, undefined);
    const indexes = db
      .prepare(`SELECT name, tbl_name AS "table", sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
      .all() as { name: string; table: string; sql: string }[];
    for (const index of indexes.filter((i) => empty.has(i.table))) {
      db.exec(`DROP INDEX main.${quoted(index.name)}`);
      this.indexes.push(index.sql);
    }
  }

  /** Where a batch's rows for `table` go: its heap for plain inserts into a table staged, else itself. */
  targetOf(table: string, keyed: boolean): string {
    if (keyed || !this.heaps.has(table)) return table;
    let heap = this.heaps.get(table);
    if (!heap) {
      heap = `temp.${quoted(table + STAGED)}`;
      this.db.exec(`CREATE TEMP TABLE ${quoted(table + STAGED)} AS SELECT * FROM main.${quoted(table)} WHERE 0`);
      this.heaps.set(table, heap);
    }
    return heap;
  }

  /** Copies each heap into its table in key order and builds the indexes dropped, in one transaction. */
  end(): void {
    this.db.pragma(`threads = ${SORTER_THREADS}`);
    try {
      this.db.transaction(() => {
        for (const [table, heap] of this.heaps) {
          if (!heap) continue;
          const key = primaryKey(this.db, table).map(quoted);
          this.db.exec(
            `INSERT INTO main.${quoted(table)} SELECT * FROM ${heap} ORDER BY ${key.join(', ')}; DROP TABLE ${heap}`,
          );
        }
        for (const sql of this.indexes) this.db.exec(sql);
      })();
    } finally {
      this.db.pragma('threads = 0');
    }
  }
}
