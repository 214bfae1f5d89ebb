import { PostgresReadStore } from './postgres-read-store';
import { ReadStore } from './read-store';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * The read store a location names: `postgres://…[?schema=…]`, or else a SQLite file path.
 * `readOnly` opens a SQLite file as it is, without setting its journal mode.
 */
export const openReadStore = (location: string, options: { readOnly?: boolean } = {}): ReadStore => {
  if (/^postgres(ql)?:\/\//.test(location)) return new PostgresReadStore(location);
  if (/^[a-z+]+:\/\//.test(location))
    throw new Error(`THADS_READ_STORE: read models run on SQLite or PostgreSQL, not ${location.split(':')[0]}`);
  return new SqliteReadStore(location, options);
};
