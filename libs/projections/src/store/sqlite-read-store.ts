import Database from 'better-sqlite3';
import { preparePrivateFile } from '@thads/event-store/port';
import { ReadStore, SqlValue, TableWrites } from './read-store';
import { absorbShards, SORTER_THREADS, SqliteLoadMode } from '../rebuild';
import { insertRows, statementCache } from './sqlite-inserts';

/**
 * The read models in a SQLite file (embedded mode). WAL with synchronous=NORMAL: a power cut may
 * lose the last batches, never half of one (rows and checkpoints commit together), and the
 * projector simply re-applies them from the log; the event store itself keeps synchronous=FULL.
 */
export class SqliteReadStore implements ReadStore {
  readonly dialect = 'sqlite' as const;
  readonly db: Database.Database;
  private prepare: (sql: string) => Database.Statement;
  private readonly writeAll: (tables: ReadonlyArray<TableWrites>) => void;
  /** A rebuild's bulk load (libs/projections/src/rebuild). */
  private readonly loadMode: SqliteLoadMode;

  /**
   * `readOnly`: to read rows another connection writes, leaving its journal mode alone (a replay
   * worker's, while the rebuild loads through a rollback journal).
   */
  constructor(
    readonly location: string,
    { readOnly = false }: { readOnly?: boolean } = {},
  ) {
    if (readOnly) this.db = new Database(location, { readonly: true, fileMustExist: true });
    else {
      preparePrivateFile(location);
      this.db = new Database(location);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 10000');
    this.loadMode = new SqliteLoadMode(this.db, location);
    this.prepare = statementCache(this.db);
    this.writeAll = this.db.transaction((tables: ReadonlyArray<TableWrites>) => {
      for (const written of tables) {
        const table = this.loadMode.targetOf(written.table, written.key !== undefined);
        const t = table === written.table ? written : { ...written, table };
        insertRows(this.prepare, t);
      }
    });
  }

  async all<T>(sql: string, params: ReadonlyArray<SqlValue> = []): Promise<T[]> {
    const statement = this.prepare(sql);
    return statement.safeIntegers(true).all(params) as T[];
  }

  async run(sql: string, params: ReadonlyArray<SqlValue> = []): Promise<number> {
    return this.prepare(sql).run(params).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
    // Tables may have been dropped and re-created: statements prepared against them are stale.
    this.prepare = statementCache(this.db);
  }

  async write(tables: ReadonlyArray<TableWrites>): Promise<void> {
    this.writeAll(tables);
  }

  async absorb(shards: ReadonlyArray<string>): Promise<void> {
    absorbShards(this.db, shards, SORTER_THREADS);
  }

  async bulkLoad(on: boolean, filling: ReadonlyArray<string> = []): Promise<void> {
    this.loadMode.set(on, filling);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
