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
    this.db = openDatabase(config.readStore);
  }
}
