import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { preparePrivateFile } from '@thads/event-store/port';
import { TableWrites } from '../store/read-store';
import { insertRows, primaryKey, quoted, statementCache } from '../store/sqlite-inserts';

/** A shard file and what SQLite may leave beside it. */
export const removeShard = (file: string) => {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
};

/** A table keyed by case first: a replay gives its rows in key order, each case's together, cases in stream order. */
const inCaseOrder = (key: ReadonlyArray<string>) => key[0] === 'case_id';

/** One shard file: plain tables of untyped columns, no key, no index, no journal. */
class ShardFile {
  readonly db: Database.Database;
  readonly made = new Set<string>();
  private readonly writeAll: (tables: ReadonlyArray<TableWrites>) => void;

  constructor(readonly file: string) {
    // What a crashed rebuild left.
    removeShard(file);
    preparePrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // Appends only: the pages at the tables' ends are all it needs.
    this.db.pragma('cache_size = -4000');
    const prepare = statementCache(this.db);
    this.writeAll = this.db.transaction((tables: ReadonlyArray<TableWrites>) => {
      for (const t of tables) {
        if (!this.made.has(t.table)) {
          this.db.exec(`CREATE TABLE IF NOT EXISTS ${quoted(t.table)} (${t.columns.map(quoted).join(', ')})`);
          this.made.add(t.table);
        }
        // Each case's rows once (a replay): no key, so a plain insert.
        if (t.rows.length > 0)
          insertRows(prepare, { table: quoted(t.table), columns: t.columns.map(quoted), rows: t.rows });
      }
    });
  }

  write(tables: ReadonlyArray<TableWrites>): void {
    if (tables.length > 0) this.writeAll(tables);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const SORTED = '__sorted';

/**
 * Where a replay worker appends the rows of the case streams it folds, so that the rows never
 * cross to the main thread one by one: copying them between threads (a structured clone out,
 * another in) and inserting them there, behind the workers, was more of a rebuild's time than
 * folding them. No journal: a crash rebuilds from zero anyway (the read models stay marked
 * unfinished). The main thread copies the files in (absorbShards).
 *
 * The rows of a table the read store keys by case go to a file for each range of streams
 * (`startRange`), which the main thread copies in, range after range, in key order, while the
 * workers go on. The others (the ledger's moves, keyed by unit and day) go to the worker's own
 * file, sorted into their key once its ranges are done (`finish`), here, while the other workers
 * work too: the main thread then merges sorted files instead of sorting all the rows alone.
 */
export class ReplayShards {
  /** The primary key of each table in the read store. */
  private readonly keys: Map<string, string[]>;
  private readonly own: ShardFile;
  private range?: ShardFile;

  /** `readStore`: the SQLite file the rows go to, whose tables' keys they are sorted by. */
  constructor(readStore: string, ownFile: string) {
    this.keys = sqliteTableKeys(readStore);
    this.own = new ShardFile(ownFile);
  }

  startRange(file: string): void {
    this.endRange();
    this.range = new ShardFile(file);
  }

  async write(tables: ReadonlyArray<TableWrites>): Promise<void> {
    if (!this.range) throw new Error('replay shards: rows written outside a range');
    this.range.write(tables.filter((t) => inCaseOrder(this.keys.get(t.table) ?? [])));
    this.own.write(tables.filter((t) => !inCaseOrder(this.keys.get(t.table) ?? [])));
  }

  endRange(): void {
    this.range?.close();
    this.range = undefined;
  }

  /** Sorts each table of the worker's own file into its key (see the class), and closes it. */
  finish(): void {
    this.endRange();
    const db = this.own.db;
    for (const table of this.own.made) {
      const key = this.keys.get(table) ?? [];
      if (key.length === 0) continue;
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(quoted);
      const sorted = quoted(`${table}${SORTED}`);
      const by = key.map(quoted).join(', ');
      db.exec(`CREATE TABLE ${sorted} (${columns.join(', ')}, PRIMARY KEY (${by})) WITHOUT ROWID;
        INSERT INTO ${sorted} SELECT * FROM ${quoted(table)} ORDER BY ${by};
        DROP TABLE ${quoted(table)}; ALTER TABLE ${sorted} RENAME TO ${quoted(table)}`);
    }
    this.own.close();
  }

  close(): void {
    this.endRange();
    this.own.close();
  }
}

/** The primary key of each table of a SQLite file, by table. */
const sqliteTableKeys = (file: string): Map<string, string[]> => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    return new Map(tables.map((t) => [t, primaryKey(db, t)]));
  } finally {
    db.close();
  }
};

/**
 * Copies the tables of replay shards into the read models of `db`, then deletes the shards. A
 * table keyed by case is copied shard after shard, in the order given (that of their ranges of
 * stream ids), each in the order its rows came, which is the key's: each row lands at the end of
 * its B-tree. The others are merged in key order from shards each sorted (ReplayShards.finish).
 * A key met twice fails the copy, and the rebuild with it: two workers never project the same
 * case. At most 9 shards at once (SQLite attaches at most 10 databases).
 */
export const absorbShards = (db: Database.Database, files: ReadonlyArray<string>, sorterThreads: number): void => {
  const names = files.map((_, i) => `replay_shard_${i}`);
  files.forEach((file, i) => db.prepare(`ATTACH DATABASE ? AS ${names[i]}`).run(file));
  db.pragma(`threads = ${sorterThreads}`);
  try {
    // Each table, and the shards holding it, in the order given.
    const holding = new Map<string, string[]>();
    for (const name of names) {
      for (const t of db
        .prepare(`SELECT name FROM ${name}.sqlite_master WHERE type = 'table'`)
        .pluck()
        .all() as string[])
        holding.set(t, [...(holding.get(t) ?? []), name]);
    }
    db.transaction(() => {
      for (const [table, shards] of holding) {
        const columns = (
          db.prepare(`SELECT name FROM ${shards[0]}.pragma_table_info(?)`).pluck().all(table) as string[]
        )
          .map(quoted)
          .join(', ');
        const key = primaryKey(db, table);
        const from = shards.map((name) => `SELECT ${columns} FROM ${name}.${quoted(table)}`);
        if (inCaseOrder(key))
          for (const select of from) db.exec(`INSERT INTO main.${quoted(table)} (${columns}) ${select} ORDER BY rowid`);
        else
          db.exec(
            `INSERT INTO main.${quoted(table)} (${columns}) ${from.join(' UNION ALL ')}${key.length ? ` ORDER BY ${key.map(quoted).join(', ')}` : ''}`,
          );
      }
    })();
  } finally {
    db.pragma('threads = 0');
    for (const name of names) db.exec(`DETACH DATABASE ${name}`);
    for (const file of files) removeShard(file);
  }
};
