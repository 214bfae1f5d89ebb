import type Database from 'better-sqlite3';
import { openDatabase } from '@thads/event-store';
import { AppConfig } from '@thads/application';

/** The read models' database: a SQLite file beside the event store by default. */
export abstract class ReadDatabase {
  abstract readonly db: Database.Database;
}

export class SqliteReadDatabase extends ReadDatabase {
  readonly db: Database.Database;
  constructor(config: AppConfig) {
    super();
    if (/^[a-z]+:\/\//.test(config.readStore)) {
      throw new Error(`THADS_READ_STORE=${config.readStore.replace(/:[^:@/]*@/, ':***@')}: read models run on SQLite only in this version; give a file path`);
    }
    this.db = openDatabase(config.readStore);
  }
}
