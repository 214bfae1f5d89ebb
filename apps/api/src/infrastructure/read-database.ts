import { openReadStore, ReadStore } from '@thads/projections';
import { AppConfig } from '@thads/application';

/** The read models' store: a SQLite file beside the event store by default, or PostgreSQL. */
export abstract class ReadDatabase {
  abstract readonly store: ReadStore;
}

export class ConfiguredReadDatabase extends ReadDatabase {
  readonly store: ReadStore;
  constructor(config: AppConfig) {
    super();
    this.store = openReadStore(config.readStore);
  }
}
