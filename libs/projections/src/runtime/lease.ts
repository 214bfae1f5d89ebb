import { ddlTypes, ReadStore } from '../store/read-store';

/**
 * One projector per read store: the lease is a row with a holder and an expiry. A holder renews
 * it well before it expires; a second projector waits and takes over once the first stops
 * renewing (crashed or partitioned). Time comes from the caller so tests can move it.
 */
export class Lease {
  private ready?: Promise<void>;

  constructor(
    private readonly store: ReadStore,
    private readonly name: string,
    private readonly ttlMs: number,
  ) {}

  /** True when `holder` now holds the lease (newly taken or renewed). */
  async acquire(holder: string, now: number): Promise<boolean> {
    await this.open();
    // Insert, or take over an expired lease, or renew our own: one statement, atomic in both stores.
    const changed = await this.store.run(
      `INSERT INTO projector_leases (name, holder, expires_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE projector_leases.holder = excluded.holder OR projector_leases.expires_at < ?`,
      [this.name, holder, now + this.ttlMs, now],
    );
    return changed > 0;
  }

  async release(holder: string): Promise<void> {
    await this.open();
    await this.store.run('DELETE FROM projector_leases WHERE name = ? AND holder = ?', [this.name, holder]);
  }

  private open(): Promise<void> {
    this.ready ??= this.store.exec(`CREATE TABLE IF NOT EXISTS projector_leases (
      name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at ${ddlTypes(this.store.dialect).int64} NOT NULL)`);
    return this.ready;
  }
}
