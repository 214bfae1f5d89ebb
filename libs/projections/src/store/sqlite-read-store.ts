import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { preparePrivateFile } from '@thads/event-store/port';
import { ReadStore, SqlValue, TableWrites } from './read-store';
import { absorbShards, SORTER_THREADS, SqliteBulkLoad } from '../rebuild';
import { insertRows, statementCache } from './sqlite-inserts';

// Negative: KiB. A bulk load appends to its tables (see SqliteBulkLoad), so it needs the pages
// at their ends, not a large cache: a larger one only fills, and lends its size to the sorter at
// the end, costing memory and no speed (README, Measurements behind the design).
const DEFAULT_CACHE_KIB = -2_000;
const BULK_CACHE_KIB = -16_384;

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
  private bulk?: SqliteBulkLoad;
  /** In a bulk load through a rollback journal instead of the WAL. */
  private journalled = false;

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
    this.prepare = statementCache(this.db);
    this.writeAll = this.db.transaction((tables: ReadonlyArray<TableWrites>) => {
      for (const written of tables) {
        const table = this.bulk?.targetOf(written.table, written.key !== undefined) ?? written.table;
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

  /** The journal mode asked for, or the one kept when another connection holds the file (busy). */
  private journalMode(mode: string): unknown {
    try {
      return this.db.pragma(`journal_mode = ${mode}`, { simple: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      return this.db.pragma('journal_mode', { simple: true });
    }
  }

  async bulkLoad(on: boolean, filling: ReadonlyArray<string> = []): Promise<void> {
    if (on && !this.bulk && this.location !== ':memory:') {
      // Tables dropped for a rebuild leave their pages free, scattered through the file: filling
      // them again writes all over it. Compacted first, the new rows go to the end of the file.
      const free = this.db.pragma('freelist_count', { simple: true }) as number;
      const pages = this.db.pragma('page_count', { simple: true }) as number;
      if (free > 0.25 * pages) {
        try {
          this.db.exec('VACUUM');
        } catch (error) {
          // Another connection has the file open (the API beside its projector thread): the
          // load goes on into the free pages rather than fail.
          if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        }
      }
      // In WAL every page a load writes goes to the log, then is copied into the file at the end;
      // with a rollback journal it is written once, and the journal holds only the pages that
      // were there before, which a load into empty tables hardly changes (README, Measurements
      // behind the design). A reader holding
      // the file open (a server) keeps it in WAL, and the load goes through the log.
      this.journalled = this.journalMode('DELETE') === 'delete';
    }
    if (on) this.bulk ??= new SqliteBulkLoad(this.db, filling);
    else {
      const bulk = this.bulk;
      this.bulk = undefined;
      bulk?.end();
    }
    this.db.pragma(`synchronous = ${on ? 'OFF' : 'NORMAL'}`);
    this.db.pragma(`cache_size = ${on ? BULK_CACHE_KIB : DEFAULT_CACHE_KIB}`);
    if (on) return;
    // What was committed without syncing reaches the disk now, before the checkpoints say done.
    if (this.journalled) {
      const fd = openSync(this.location, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.db.pragma('journal_mode = WAL');
      this.journalled = false;
    } else this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
