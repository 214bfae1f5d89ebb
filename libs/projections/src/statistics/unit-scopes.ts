import type Database from 'better-sqlite3';
import { UnitRegisteredData } from '@thads/domain';
import { stmt } from '../runtime/statements';

const cache = new WeakMap<Database.Database, Map<string, string[]>>();

/**
 * The ledger's own copy of the unit tree, fed by the same log, so that it never depends on how
 * far another read model has got. A unit's parent is fixed when it is registered (a unit stream
 * holds one registration), so a unit's scopes never change once its cases are counted.
 */
export const unitScopes = {
  register(db: Database.Database, unit: UnitRegisteredData): void {
    stmt(db, 'INSERT OR REPLACE INTO statistics_units (unit_id, parent_id) VALUES (?, ?)').run(unit.unitId, unit.parentId ?? null);
    cache.delete(db);
  },

  /** The unit itself and every unit above it: the reports whose totals include its cases. */
  of(db: Database.Database, unitId: string): string[] {
    let byUnit = cache.get(db);
    if (!byUnit) cache.set(db, (byUnit = new Map()));
    let scopes = byUnit.get(unitId);
    if (!scopes) {
      scopes = [];
      const parentOf = stmt(db, 'SELECT parent_id FROM statistics_units WHERE unit_id = ?').pluck();
      for (let id: string | null | undefined = unitId; id && !scopes.includes(id); id = parentOf.get(id) as string | null | undefined) scopes.push(id);
      byUnit.set(unitId, scopes);
    }
    return scopes;
  },

  forget(db: Database.Database): void {
    cache.delete(db);
  },
};
