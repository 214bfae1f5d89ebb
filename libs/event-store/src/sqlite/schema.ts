/**
 * One table: the global position is SQLite's rowid. No event is ever deleted, so the next rowid
 * is always the largest plus one: positions only grow without AUTOINCREMENT's sequence table,
 * one more row written per commit (files created with it keep it, and behave the same).
 * Event ids are not indexed: they are idempotency keys within a stream, found through the
 * stream's index. A global index of random UUIDs dirtied a different page for nearly every
 * event of a batch, so each commit wrote about a page more an event, and raw appends ran several
 * times slower (README, Measurements behind the design).
 */
export const SQLITE_EVENT_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position   INTEGER PRIMARY KEY,
  id         TEXT    NOT NULL,
  stream_id  TEXT    NOT NULL,
  revision   INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  data       TEXT    NOT NULL,
  metadata   TEXT    NOT NULL,
  stored_at  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;
