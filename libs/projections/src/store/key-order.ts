import { SqlValue, TableWrites } from './read-store';

const compare = (a: SqlValue, b: SqlValue): number => (a === b ? 0 : a! < b! ? -1 : 1);

/**
 * The rows of each table sorted by their key, for sums written all at once into an emptied
 * table (Projection.sums.recompute): each row then lands at the end of the table's B-tree
 * instead of on a page anywhere in it. The rows are the same; only the order they go in changes.
 */
export const inKeyOrder = (tables: TableWrites[]): TableWrites[] =>
  tables.map((t) => {
    if (!t.key?.length) return t;
    const at = t.key.map((k) => t.columns.indexOf(k));
    const rows = [...t.rows].sort((x, y) => {
      for (const i of at) {
        const c = compare(x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    });
    return { ...t, rows };
  });
