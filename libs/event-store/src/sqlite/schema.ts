/** One table: the global position is SQLite's rowid, so it only grows and never reuses a value. */
export const SQLITE_EVENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position   INTEGER PRIMARY KEY AUTOINCREMENT,
  id         TEXT    NOT NULL UNIQUE,
  stream_id  TEXT    NOT NULL,
  revision   INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  data       TEXT    NOT NULL,
  metadata   TEXT    NOT NULL,
  stored_at  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;
