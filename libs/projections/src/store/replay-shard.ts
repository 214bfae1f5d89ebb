import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { TableWrites } from './read-store';
import { insertRows } from './sqlite-inserts';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A shard file and what SQLite may leave beside it. */
const SORTED = '__sorted';

/** The primary key of each table of a SQLite file, by table. */
const sqliteTableKeys = (file: string): Map<string, string[]> => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    return new Map(tables.map((t) => [t, db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(t) as string[]]));
  } finally {
    db.close();
  }
};

export const removeShard = (file: string) => { for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true }); };

/**
 * A replay worker's own SQLite file, where it appends the rows of its range of case streams,
 * so that the rows never cross to the main thread one by one: copying them between threads
 * (a structured clone out, another in) and inserting them there, behind the workers, was more
 * of a rebuild's time than folding them. Plain tables of untyped columns, no key, no index, no
 * journal: it only ever grows, and a crash rebuilds from zero anyway (the read models stay
 * marked unfinished). At its end (`finish`) a table the read store keys by something else than
 * the case is sorted into that key, here, while the other workers work too, so that the main
 * thread merges sorted shards instead of sorting them all alone (absorbShards).
 */
export class ReplayShard {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly made = new Set<string>();
  private readonly writeAll: (tables: ReadonlyArray<TableWrites>) => void;

  /** The primary key of each table in the read store. */
  private readonly keys: Map<string, string[]>;

  /** `readStore`: the SQLite file its rows go to, whose tables' keys it sorts by. */
  constructor(readonly file: string, readStore: string) {
    this.keys = sqliteTableKeys(readStore);
    // What a crashed rebuild left.
    removeShard(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // Appends only: the pages at the tables' ends are all it needs.
    this.db.pragma('cache_size = -4000');
    const prepare = (sql: string) => {
      let statement = this.statements.get(sql);
      if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
      return statement;
    };
    this.writeAll = this.db.transaction((tables: ReadonlyArray<TableWrites>) => {
      for (const t of tables) {
        if (!this.made.has(t.table)) {
          this.db.exec(`CREATE TABLE IF NOT EXISTS ${quoted(t.table)} (${t.columns.map(quoted).join(', ')})`);
          this.made.add(t.table);
        }
        // Each case's rows once (a replay): no key, so a plain insert.
        if (t.rows.length > 0) insertRows(prepare, { table: quoted(t.table), columns: t.columns.map(quoted), rows: t.rows });
      }
    });
  }

  async write(tables: ReadonlyArray<TableWrites>): Promise<void> {
    this.writeAll(tables);
  }

  /** Sorts each table keyed by something else than the case into its key (see the class). */
  finish(): void {
    for (const table of this.made) {
      const key = this.keys.get(table) ?? [];
      if (key.length === 0 || key[0] === 'case_id') continue;
      const columns = (this.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(quoted);
      const sorted = quoted(`${table}${SORTED}`);
      const by = key.map(quoted).join(', ');
      this.db.exec(`CREATE TABLE ${sorted} (${columns.join(', ')}, PRIMARY KEY (${by})) WITHOUT ROWID;
        INSERT INTO ${sorted} SELECT * FROM ${quoted(table)} ORDER BY ${by};
        DROP TABLE ${quoted(table)}; ALTER TABLE ${sorted} RENAME TO ${quoted(table)}`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Copies the tables of replay shards into the read models of `db`, then deletes the shards. The
 * shards come in the order of their ranges of stream ids, and each holds its cases' rows case
 * after case, in stream order: a table keyed by case id first is copied shard after shard, its
 * rows already in key order, so each lands at the end of its B-tree. The others (the ledger's
 * moves, keyed by unit and day) each shard has sorted (ReplayShard.finish): SQLite merges them
 * on the way in. A key met twice fails the copy, and the rebuild with it: two workers never
 * project the same case.
 */
export const absorbShards = (db: Database.Database, files: ReadonlyArray<string>, sorterThreads: number): void => {
  const names = files.map((_, i) => `replay_shard_${i}`);
  files.forEach((file, i) => db.prepare(`ATTACH DATABASE ? AS ${names[i]}`).run(file));
  db.pragma(`threads = ${sorterThreads}`);
  try {
    const tables = new Set<string>();
    for (const name of names) for (const t of db.prepare(`SELECT name FROM ${name}.sqlite_master WHERE type = 'table'`).pluck().all() as string[]) tables.add(t);
    db.transaction(() => {
      for (const table of tables) {
        const holding = names.filter((name) => db.prepare(`SELECT 1 FROM ${name}.sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined);
        const columns = (db.prepare(`SELECT name FROM ${holding[0]}.pragma_table_info(?)`).pluck().all(table) as string[]).map(quoted).join(', ');
        const key = (db.prepare(`SELECT name FROM main.pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).pluck().all(table) as string[]);
        const from = holding.map((name) => `SELECT ${columns} FROM ${name}.${quoted(table)}`);
        if (key[0] === 'case_id') for (const select of from) db.exec(`INSERT INTO main.${quoted(table)} (${columns}) ${select} ORDER BY rowid`);
        else db.exec(`INSERT INTO main.${quoted(table)} (${columns}) ${from.join(' UNION ALL ')}${key.length ? ` ORDER BY ${key.map(quoted).join(', ')}` : ''}`);
      }
    })();
  } finally {
    db.pragma('threads = 0');
    for (const name of names) db.exec(`DETACH DATABASE ${name}`);
    for (const file of files) removeShard(file);
  }
};
