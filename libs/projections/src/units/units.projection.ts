import type Database from 'better-sqlite3';
import { stmt } from '../runtime/statements';
import { UNIT_REGISTERED, UnitRegisteredData } from '@thads/domain';
import { ProjectedEvent, Projection } from '../runtime/projection';

/**
 * The unit tree. `path` is the chain of ids from the root ('/vn/hcm/q1/'), so "a unit and all
 * its subunits" is one prefix match: reports and scoping both need it (DOMAIN.md §6).
 */
export const unitsProjection: Projection = {
  name: 'units',
  version: 1,
  setup: (db) => db.exec(`CREATE TABLE IF NOT EXISTS units (
    unit_id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, parent_id TEXT, path TEXT NOT NULL, registered_on TEXT NOT NULL)`),
  reset: (db) => db.exec('DROP TABLE IF EXISTS units'),
  apply: (db: Database.Database, { recorded, metadata }: ProjectedEvent) => {
    if (recorded.type !== UNIT_REGISTERED) return;
    const unit = recorded.data as unknown as UnitRegisteredData;
    const parent = unit.parentId
      ? (stmt(db, 'SELECT path FROM units WHERE unit_id = ?').pluck(true).get(unit.parentId) as string | undefined)
      : undefined;
    stmt(db, 'INSERT OR REPLACE INTO units (unit_id, name, level, parent_id, path, registered_on) VALUES (?, ?, ?, ?, ?, ?)')
      .run(unit.unitId, unit.name, unit.level, unit.parentId ?? null, `${parent ?? '/'}${unit.unitId}/`, metadata.on);
  },
};
