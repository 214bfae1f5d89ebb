import { randomInt } from 'node:crypto';
import { Pool, PoolClient } from 'pg';

const GATE_CLASS = 4242;

/**
 * Holds the COMMIT of any store transaction that inserted an event of type `Held`, without a
 * test seam in the store: a deferred constraint trigger runs at COMMIT, after the append has left
 * its critical section, and waits there on an advisory lock the test holds. The transaction is
 * then exactly "inserted, position assigned, not committed" until `open()`.
 */
export class CommitGate {
  private opened = false;

  private constructor(
    private readonly admin: Pool,
    private readonly holder: PoolClient,
    private readonly key: number,
  ) {}

  static async close(admin: Pool, schema: string): Promise<CommitGate> {
    const key = randomInt(1, 2 ** 30);
    await admin.query(`CREATE FUNCTION "${schema}".hold_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock_shared(${GATE_CLASS}, ${key}); RETURN NULL; END $$`);
    await admin.query(`CREATE CONSTRAINT TRIGGER hold_commit AFTER INSERT ON "${schema}".events
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.type = 'Held') EXECUTE FUNCTION "${schema}".hold_commit()`);
    const holder = await admin.connect();
    await holder.query('SELECT pg_advisory_lock($1, $2)', [GATE_CLASS, key]);
    return new CommitGate(admin, holder, key);
  }

  /** Resolves once a transaction is waiting at the gate, i.e. has reached its COMMIT. */
  async waiting(): Promise<void> {
    await waitFor(async () => {
      const { rows } = await this.admin.query(
        `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND NOT granted`,
        [GATE_CLASS, this.key],
      );
      return rows.length > 0;
    });
  }

  /** Idempotent, so an afterEach can open a gate that a failed test left shut. */
  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    await this.holder.query('SELECT pg_advisory_unlock($1, $2)', [GATE_CLASS, this.key]);
    this.holder.release();
  }
}

/** Resolves once a query in `schema` waits for another transaction's row (a unique-index wait). */
export const waitingOnRowOf = (admin: Pool, schema: string) =>
  waitFor(async () => {
    const { rows } = await admin.query(
      `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'transactionid' AND query LIKE $1`,
      [`%"${schema}".events%`],
    );
    return rows.length > 0;
  });

// Generous: a loaded machine delays the transaction's arrival at the gate by seconds; a condition
// that holds returns at the first poll (test/support/eventually.ts gives the same bound).
export const waitFor = async (check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};
