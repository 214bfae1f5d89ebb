import { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** The store a location names: `postgres://…`, `esdb://…`, or else a SQLite file path. */
export const openEventStore = async (location: string): Promise<EventStore> => {
  if (/^postgres(ql)?:\/\//.test(location)) throw new Error('PostgreSQL event store: not available in this build');
  if (/^esdb(\+discover)?:\/\//.test(location)) throw new Error('EventStoreDB event store: not available in this build');
  return new SqliteEventStore(location);
};
