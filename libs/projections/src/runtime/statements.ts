import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement reused across events: preparing costs more than running. */
export const stmt = (db: Database.Database, sql: string): Database.Statement => {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let statement = byDb.get(sql);
  if (!statement) byDb.set(sql, (statement = db.prepare(sql)));
  return statement;
};

/** Tables were dropped and re-created: statements prepared against the old ones are stale. */
export const forgetStatements = (db: Database.Database) => cache.delete(db);
