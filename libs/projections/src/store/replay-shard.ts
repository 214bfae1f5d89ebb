import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { TableWrites } from './read-store';
import { insertRows } from './sqlite-inserts';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A shard file and what SQLite may leave beside it. */
export const removeShard = (file: string) => { for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true }); };

/**
 * A replay worker's own SQLite file, where it appends the rows of its range of case streams,
 * so that the rows never cross to the main thread one by one: copying them between threads
 * (a structured clone out, another in) and inserting them there, behind the workers, was more
 * of a rebuild's time than folding them. Plain tables of untyped columns, no key, no index, no
 * journal: it only ever grows, and a crash rebuilds from zero anyway (the read models stay
 * marked unfinished). The main thread copies the shards in at the end (absorbShards).
 */
export class ReplayShard {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly made = new Set<string>();
  private readonly writeAll: (tables: ReadonlyArray<TableWrites>) => void;

  constructor(readonly file: string) {
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

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Copies the tables of replay shards into the read models of `db`, then deletes the shards. The
 * shards come in the order of their ranges of stream ids, and each holds its cases' rows case
 * after case, in stream order: a table keyed by case id first is copied shard after shard, its
 * rows already in key order, so each lands at the end of its B-tree. The others (the ledger's
 * moves, keyed by unit and day) are sorted by SQLite on the way in. A key met twice fails the
 * copy, and the rebuild with it: two workers never project the same case.
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
        else db.exec(`INSERT INTO main.${quoted(table)} (${columns}) SELECT * FROM (${from.join(' UNION ALL ')})${key.length ? ` ORDER BY ${key.map(quoted).join(', ')}` : ''}`);
      }
    })();
  } finally {
    db.pragma('threads = 0');
    for (const name of names) db.exec(`DETACH DATABASE ${name}`);
    for (const file of files) removeShard(file);
  }
};
