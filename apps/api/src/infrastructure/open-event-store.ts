import { EventStore, SqliteEventStore } from '@thads/event-store';
import { AppConfig } from '../config';

/** The event store named by THADS_EVENT_STORE: a SQLite file by default. */
export const openEventStore = async (config: AppConfig): Promise<EventStore> => {
  switch (config.eventStoreKind) {
    case 'sqlite':
      return new SqliteEventStore(config.eventStore);
    default:
      throw new Error(`THADS_EVENT_STORE=${config.eventStore}: this store kind is not available in this build`);
  }
};
