import { UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';
import { ReadStore } from '../store/read-store';
import { RowWrites, TableSpec } from '../store/row-writes';

const UNITS: TableSpec = {
  table: 'units',
  columns: ['unit_id', 'name', 'level', 'parent_id', 'path', 'registered_on'],
  key: ['unit_id'],
};

/**
 * The unit tree. `path` is the chain of ids from the root ('/vn/hcm/q1/'), so "a unit and all
 * its subunits" is one prefix match: reports and scoping both need it (docs/domain.md §6).
 */
export const unitsProjection = (): Projection => {
  // Units are few (one per enforcement office): their paths stay in memory.
  let paths = new Map<string, string>();
  return {
    name: 'units',
    version: 1,
    tables: ['units'],
    schema: (t) => `CREATE TABLE IF NOT EXISTS units (
      unit_id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent_id TEXT, path ${t.ordered} NOT NULL, registered_on TEXT NOT NULL)`,
    load: async (store: ReadStore) => {
      paths = new Map(
        (await store.all<{ unit_id: string; path: string }>('SELECT unit_id, path FROM units')).map((r) => [
          r.unit_id,
          r.path,
        ]),
      );
    },
    apply: (out: RowWrites, { recorded, metadata }: ProjectedEvent) => {
      if (recorded.type !== UNIT_REGISTERED) return;
      const unit = recorded.data as unknown as UnitRegisteredData;
      const path = `${(unit.parentId && paths.get(unit.parentId)) || '/'}${unit.unitId}/`;
      paths.set(unit.unitId, path);
      out.upsert(UNITS, [unit.unitId, unit.name, unit.level, unit.parentId ?? null, path, metadata.on]);
    },
  };
};
