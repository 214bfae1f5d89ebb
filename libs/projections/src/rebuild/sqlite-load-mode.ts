import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { SqliteBulkLoad } from './sqlite-bulk-load';

// Negative: KiB. A bulk load appends to its tables (see SqliteBulkLoad), so it needs the pages
// at their ends, not a large cache: a larger one only fills, and lends its size to the sorter at
// the end, costing memory and no speed (README, Measurements behind the design).
const DEFAULT_CACHE_KIB = -2_000;
const BULK_CACHE_KIB = -16_384;

/**
 * A SQLite read store's connection in and out of a bulk load (`ReadStore.bulkLoad`), around a
 * replay into read models marked unfinished, which a crash rebuilds from zero anyway: commits
 * need not reach the disk until the end, and the rows of the tables filled go through
 * SqliteBulkLoad.
 */
export class SqliteLoadMode {
  private bulk?: SqliteBulkLoad;
  /** In a bulk load through a rollback journal instead of the WAL. */
  private journalled = false;

  constructor(
    private readonly db: Database.Database,
    private readonly location: string,
  ) {}

  /** Where a batch's rows for `table` go: in a bulk load, perhaps its heap (SqliteBulkLoad). */
  targetOf(table: string, keyed: boolean): string {
    return this.bulk?.targetOf(table, keyed) ?? table;
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

  set(on: boolean, filling: ReadonlyArray<string> = []): void {
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
      // behind the design). A reader holding the file open (a server) keeps it in WAL, and the
      // load goes through the log.
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
}
