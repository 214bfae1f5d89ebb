import { EventStore } from './event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/**
 * The store a location names: `postgres://…` (an optional `schema=` parameter names the schema,
 * default `thads`), `esdb://…`, or else a SQLite file path.
 */
export const openEventStore = async (location: string): Promise<EventStore> => {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const url = new URL(location);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    const store = new PostgresEventStore({ connectionString: url.toString(), schema });
    await store.migrate();
    return store;
  }
  if (/^esdb(\+discover)?:\/\//.test(location)) return new EventStoreDbEventStore(location);
  return new SqliteEventStore(location);
};
