import type Database from 'better-sqlite3';
import { stmt } from '../runtime/statements';

interface Pending { last: bigint; rows: Map<string, { scope: string; day: string; key: string; n: number; money: bigint }> }

const pending = new WeakMap<Database.Database, Pending>();

/**
 * The daily sums of a batch, gathered in memory and written once at the end of the batch, inside
 * its transaction: one upsert per (scope, day, key) instead of one per move.
 */
export const dailySums = {
  /** Called for each event; an event at or before the last one seen is a batch being redelivered. */
  begin(db: Database.Database, position: bigint): void {
    const state = pending.get(db);
    if (!state || position <= state.last) pending.set(db, { last: position, rows: new Map() });
    else state.last = position;
  },

  add(db: Database.Database, scope: string, day: string, key: string, n: number, money: bigint): void {
    const rows = pending.get(db)!.rows;
    const id = `${scope}\u0000${day}\u0000${key}`;
    const row = rows.get(id);
    if (row) { row.n += n; row.money += money; } else rows.set(id, { scope, day, key, n, money });
  },

  flush(db: Database.Database): void {
    const state = pending.get(db);
    if (!state || state.rows.size === 0) return;
    const rows = [...state.rows.values()];
    state.rows = new Map();
    const upsert = stmt(db, `INSERT INTO statistics_daily (scope, day, key, n, money) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (scope, day, key) DO UPDATE SET n = n + excluded.n, money = money + excluded.money`);
    for (const r of rows) if (r.n !== 0 || r.money !== 0n) upsert.run(r.scope, r.day, r.key, r.n, r.money);
  },

  forget(db: Database.Database): void {
    pending.delete(db);
  },
};
