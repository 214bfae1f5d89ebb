import { big, DdlTypes, ReadStore } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

export interface Checkpoint {
  version: number;
  position: bigint;
}

const TABLE: TableSpec = {
  table: 'projection_checkpoints',
  columns: ['name', 'version', 'position', 'updated_at'],
  key: ['name'],
};

export const checkpointSchema = (t: DdlTypes) => `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name TEXT PRIMARY KEY, version INTEGER NOT NULL, position ${t.int64} NOT NULL, updated_at TEXT NOT NULL)`;

/** One row per projection (and one for the case fold): how far it has applied the log. */
export const checkpoints = {
  async load(store: ReadStore): Promise<Map<string, Checkpoint>> {
    const rows = await store.all<{ name: string; version: number; position: bigint }>(
      'SELECT name, version, position FROM projection_checkpoints',
    );
    return new Map(rows.map((r) => [r.name, { version: Number(r.version), position: big(r.position) }]));
  },

  /** Within a batch's writes. */
  write(out: RowWrites, name: string, version: number, position: bigint): void {
    out.upsert(TABLE, [name, version, position, new Date().toISOString()]);
  },

  /** At once, outside a batch (a projection marked for rebuild). */
  async save(store: ReadStore, name: string, version: number, position: bigint): Promise<void> {
    const out = new RowWrites();
    checkpoints.write(out, name, version, position);
    await store.write(out.drain());
  },

  /** Where the slowest read model stands, for API replicas that do not project themselves. */
  async slowest(store: ReadStore): Promise<bigint> {
    const rows = await store.all<{ p: bigint | null }>(
      "SELECT min(position) AS p FROM projection_checkpoints WHERE name NOT LIKE '$%'",
    );
    return big(rows[0]?.p);
  },

  async all(store: ReadStore) {
    const rows = await store.all<{ name: string; version: number; position: bigint; updated_at: string }>(
      'SELECT * FROM projection_checkpoints ORDER BY name',
    );
    return rows.map((r) => ({
      name: r.name,
      version: Number(r.version),
      position: Number(r.position),
      updated_at: r.updated_at,
    }));
  },
};
