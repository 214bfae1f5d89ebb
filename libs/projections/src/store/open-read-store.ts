import { PostgresReadStore } from './postgres-read-store';
import { ReadStore } from './read-store';
import { SqliteReadStore } from './sqlite-read-store';

/** The read store a location names: `postgres://…[?schema=…]`, or else a SQLite file path. */
export const openReadStore = (location: string): ReadStore => {
  if (/^postgres(ql)?:\/\//.test(location)) return new PostgresReadStore(location);
  if (/^[a-z+]+:\/\//.test(location)) throw new Error(`THADS_READ_STORE: read models run on SQLite or PostgreSQL, not ${location.split(':')[0]}`);
  return new SqliteReadStore(location);
};
