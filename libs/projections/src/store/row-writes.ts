import { SqlValue, TableWrites } from './read-store';

/** A read-model table as the projector writes it: its columns, key, and the columns that add up. */
export interface TableSpec {
  table: string;
  columns: ReadonlyArray<string>;
  key?: ReadonlyArray<string>;
  add?: ReadonlyArray<string>;
}

interface Pending {
  spec: TableSpec;
  keyAt: number[];
  addAt: number[];
  byKey?: Map<string, SqlValue[]>;
  rows: SqlValue[][];
}

const plus = (a: SqlValue, b: SqlValue): SqlValue =>
  typeof a === 'number' && typeof b === 'number' ? a + b : BigInt(a ?? 0) + BigInt(b ?? 0);

/**
 * The rows a batch of events writes, gathered in memory and sent to the store once, in one
 * transaction with the checkpoints. A keyed row written twice in a batch is written once with
 * its latest value (or, for added columns, the sum), which both saves work and lets PostgreSQL
 * take a whole table in one statement.
 */
export class RowWrites {
  private pending = new Map<string, Pending>();

  /** Replaces the row with the same key. */
  upsert(spec: TableSpec, row: SqlValue[]): void {
    const p = this.tableOf(spec);
    p.byKey!.set(keyOf(p, row), row);
  }

  /** Adds the `add` columns to the row with the same key. */
  increment(spec: TableSpec, row: SqlValue[]): void {
    const p = this.tableOf(spec);
    const id = keyOf(p, row);
    const held = p.byKey!.get(id);
    if (!held) {
      p.byKey!.set(id, [...row]);
      return;
    }
    for (const i of p.addAt) held[i] = plus(held[i], row[i]);
  }

  /**
   * A row with a unique key of its own (a ledger line), or of a keyed table when the caller knows
   * no other row of the batch has its key (a replay writing each case once): no key to make.
   */
  insert(spec: TableSpec, row: SqlValue[]): void {
    this.tableOf(spec).rows.push(row);
  }

  get size(): number {
    let n = 0;
    for (const p of this.pending.values()) n += (p.byKey?.size ?? 0) + p.rows.length;
    return n;
  }

  /** The tables to write, and an empty buffer for the next batch. */
  drain(): TableWrites[] {
    const out: TableWrites[] = [];
    for (const p of this.pending.values()) {
      let rows = !p.byKey?.size
        ? p.rows
        : p.rows.length === 0
          ? [...p.byKey.values()]
          : [...p.rows, ...p.byKey.values()];
      // Additions that cancel out within the batch change nothing.
      if (p.addAt.length > 0) rows = rows.filter((r) => p.addAt.some((i) => r[i] !== 0 && r[i] !== 0n));
      out.push({ table: p.spec.table, columns: p.spec.columns, key: p.spec.key, add: p.spec.add, rows });
    }
    this.pending = new Map();
    return out;
  }

  private tableOf(spec: TableSpec): Pending {
    let p = this.pending.get(spec.table);
    if (!p) {
      const at = (names: ReadonlyArray<string> = []) => names.map((n) => spec.columns.indexOf(n));
      p = { spec, keyAt: at(spec.key), addAt: at(spec.add), rows: [] };
      if (spec.key) p.byKey = new Map();
      this.pending.set(spec.table, p);
    }
    return p;
  }
}

const keyOf = (p: Pending, row: SqlValue[]): string =>
  p.keyAt.length === 1 ? String(row[p.keyAt[0]]) : p.keyAt.map((i) => String(row[i])).join('\u0000');
