import Database from 'better-sqlite3';
import { preparePrivateFile } from './private-file';

/**
 * WAL lets readers run beside the writer; synchronous=FULL makes every commit durable, so an
 * acknowledged append survives a crash or power loss (measured cost: see `npm run bench`).
 */
export const openDatabase = (file: string): Database.Database => {
  preparePrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache instead of 2: appends to a log of millions of events probe and insert
  // into the (stream, revision) index, whose pages would otherwise be read back from the OS for
  // nearly every case a batch touches.
  db.pragma('cache_size = -65536');
  return db;
};
