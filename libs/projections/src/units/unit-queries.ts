import type Database from 'better-sqlite3';
import { UnitLevel } from '@thads/domain';

export interface UnitRow {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
}

const SELECT = 'SELECT unit_id AS unitId, name, level, parent_id AS parentId, path FROM units';

export class UnitQueries {
  constructor(private readonly db: Database.Database) {}

  list(): UnitRow[] {
    return this.db.prepare(`${SELECT} ORDER BY path`).all() as UnitRow[];
  }

  find(unitId: string): UnitRow | undefined {
    return this.db.prepare(`${SELECT} WHERE unit_id = ?`).get(unitId) as UnitRow | undefined;
  }

  /** The unit and every unit under it. */
  subtree(unitId: string): string[] {
    const unit = this.find(unitId);
    if (!unit) return [];
    return this.db.prepare('SELECT unit_id FROM units WHERE path LIKE ? ORDER BY path').pluck().all(`${unit.path}%`) as string[];
  }

  /** Is `unitId` the same as, or under, `scopeId`? */
  within(unitId: string, scopeId: string): boolean {
    const unit = this.find(unitId);
    const scope = this.find(scopeId);
    return !!unit && !!scope && unit.path.startsWith(scope.path);
  }
}
