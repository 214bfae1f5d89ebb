import type Database from 'better-sqlite3';

/**
 * One projector per read store: the lease is a row with a holder and an expiry. A holder renews
 * it well before it expires; a second projector waits and takes over once the first stops
 * renewing (crashed or partitioned). Time comes from the caller so tests can move it.
 */
export class Lease {
  private readonly take;
  private readonly drop;

  constructor(db: Database.Database, private readonly name: string, private readonly ttlMs: number) {
    db.exec('CREATE TABLE IF NOT EXISTS projector_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)');
    // Insert, or take over an expired lease, or renew our own: one statement, atomic in SQLite.
    this.take = db.prepare(`INSERT INTO projector_leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
      ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE projector_leases.holder = excluded.holder OR projector_leases.expires_at < @now`);
    this.drop = db.prepare('DELETE FROM projector_leases WHERE name = ? AND holder = ?');
  }

  /** True when `holder` now holds the lease (newly taken or renewed). */
  acquire(holder: string, now: number): boolean {
    return this.take.run({ name: this.name, holder, expires: now + this.ttlMs, now }).changes > 0;
  }

  release(holder: string): void {
    this.drop.run(this.name, holder);
  }
}
