import { UnitLevel } from '@thads/domain';
import { ReadStore } from '../store/read-store';

export interface UnitRow {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
}

const SELECT = 'SELECT unit_id AS "unitId", name, level, parent_id AS "parentId", path FROM units';

export class UnitQueries {
  constructor(private readonly store: ReadStore) {}

  list(): Promise<UnitRow[]> {
    return this.store.all<UnitRow>(`${SELECT} ORDER BY path`);
  }

  async find(unitId: string): Promise<UnitRow | undefined> {
    return (await this.store.all<UnitRow>(`${SELECT} WHERE unit_id = ?`, [unitId]))[0];
  }

  /** The unit and every unit under it (a prefix of the path; `substr` since ids may hold `_`). */
  /** How many units are registered: a subtree of this size is every unit (no unit filter needed). */
  async count(): Promise<number> {
    const [row] = await this.store.all<{ n: number | bigint | string }>('SELECT count(*) AS n FROM units');
    return Number(row?.n ?? 0);
  }

  async subtree(unitId: string): Promise<string[]> {
    const unit = await this.find(unitId);
    if (!unit) return [];
    const rows = await this.store.all<{ unit_id: string }>(
      'SELECT unit_id FROM units WHERE substr(path, 1, ?) = ? ORDER BY path',
      [unit.path.length, unit.path],
    );
    return rows.map((r) => r.unit_id);
  }

  /** Is `unitId` the same as, or under, `scopeId`? */
  async within(unitId: string, scopeId: string): Promise<boolean> {
    const [unit, scope] = await Promise.all([this.find(unitId), this.find(scopeId)]);
    return !!unit && !!scope && unit.path.startsWith(scope.path);
  }
}
